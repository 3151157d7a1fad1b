"""Measurements of a draft's own prose (body and P.S.; never greeting, signature or quotes).

Merge tags are not words. Thresholds live in rule files and config, not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.nlp import is_merge_tag
from pitchlint.readability import flesch_kincaid_grade


def is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space or is_merge_tag(token)) and any(
        ch.isalnum() for ch in token.text
    )


def prose_text(analysis: Analysis) -> str:
    """Body sentences joined, merge tags replaced by a neutral one-syllable word."""
    parts = []
    for sent in analysis.body_sentences:
        parts.append(
            "".join(
                ("Sam" + t.whitespace_) if is_merge_tag(t) else t.text_with_ws for t in sent if not t.is_space
            ).strip()
        )
    return " ".join(p for p in parts if p)


def word_count(analysis: Analysis) -> float:
    return float(sum(1 for s in analysis.body_sentences for t in s if is_word(t)))


def paragraph_count(analysis: Analysis) -> float:
    draft = analysis.draft
    text = "".join(draft.text[z.start : z.end] for z in draft.zones if z.name in ("body", "ps"))
    return float(sum(1 for block in re.split(r"\n[ \t]*\r?\n", text) if re.search(r"\w", block)))


def sentence_count(analysis: Analysis) -> float:
    return float(len(analysis.body_sentences))


def fk_grade(analysis: Analysis) -> float:
    text = prose_text(analysis)
    return flesch_kincaid_grade(text) if text else 0.0


def sentence_words(sent: Span) -> float:
    return float(sum(1 for t in sent if is_word(t)))


@dataclass(frozen=True)
class Metric:
    measure: Callable[[Analysis], float]
    description: str


DRAFT_METRICS: dict[str, Metric] = {
    "words": Metric(word_count, "words in the body and P.S."),
    "paragraphs": Metric(paragraph_count, "paragraphs in the body and P.S."),
    "sentences": Metric(sentence_count, "sentences in the body and P.S."),
    "fk_grade": Metric(fk_grade, "Flesch-Kincaid grade level (textstat)"),
    "genuine_questions": Metric(lambda a: float(a.genuine_questions), "genuine questions"),
}
SENTENCE_METRICS: dict[str, Callable[[Span], float]] = {"sentence_words": sentence_words}


def measure(analysis: Analysis, name: str) -> float:
    """A draft metric, measured once per draft: the score's summary and the metric rules
    both ask for the reading grade and the word count."""
    measured = analysis.measured
    if name not in measured:
        measured[name] = DRAFT_METRICS[name].measure(analysis)
    return measured[name]


def word_boundary_sentence(analysis: Analysis, limit: float) -> Span | None:
    """The sentence in which the body passes `limit` words (where a cut should start)."""
    seen = 0
    for sent in analysis.body_sentences:
        seen += sum(1 for t in sent if is_word(t))
        if seen > limit:
            return sent
    return None


def summary(analysis: Analysis) -> dict[str, float]:
    """The metrics shown with every score."""
    values = {name: round(measure(analysis, name), 1) for name in DRAFT_METRICS}
    values["seller_clauses"] = float(analysis.self_focus["seller_clauses"])
    values["reader_clauses"] = float(analysis.self_focus["reader_clauses"])
    return values
