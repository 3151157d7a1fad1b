"""`jargon-buzzwords` (rules/style/jargon-buzzwords.yaml): Flags vendor jargon ("leverage" as a
verb, "synergy", "unlock the power", "results driven", "best-of-breed") and clusters of weaker
buzzwords ("innovative", "streamlines", "cloud-based solution", "seamless") that make the email
sound like everyone else's."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.params import built_once
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of jargon-buzzwords.yaml, checked: a key not here is an error."""

    strong: list[str]
    weak: list[str]
    strong_patterns: list[str]
    weak_patterns: list[str]
    verb_only: list[str]
    adjective_or_verb_only: list[str]
    cluster: int
    min_total: int
    density_per_100: float


# jargon-buzzwords ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Buzzword:
    start: int
    end: int
    strong: bool
    sentence: int


def _phrase_pattern(entry: str) -> str:
    """ "best-of-breed" also matches "best of breed"; a final word may take a plural or -ly."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", entry.strip()) if w]
    return r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?:s|es|ly)?(?![\w-])"


class Jargon:
    """Finds buzzwords in one draft's body sentences, with the strong/weak distinction."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.strong_words = {
            str(w).lower() for w in params.get("strong", []) if " " not in str(w) and "-" not in str(w)
        }
        self.weak_words = {
            str(w).lower() for w in params.get("weak", []) if " " not in str(w) and "-" not in str(w)
        }
        self.verb_only = {str(w).lower() for w in params.get("verb_only", [])}
        self.adjective_only = {str(w).lower() for w in params.get("adjective_or_verb_only", [])}
        phrases = [(p, True) for p in params.get("strong", []) if " " in str(p) or "-" in str(p)]
        phrases += [(p, False) for p in params.get("weak", []) if " " in str(p) or "-" in str(p)]
        self.phrases = [(re.compile(_phrase_pattern(str(p)), re.I), strong) for p, strong in phrases]
        self.patterns = [(re.compile(p, re.I), True) for p in params.get("strong_patterns", [])]
        self.patterns += [(re.compile(p, re.I), False) for p in params.get("weak_patterns", [])]

    def find(self, sentences: Iterable[Span]) -> list[Buzzword]:
        found: list[Buzzword] = []
        for index, sent in enumerate(sentences):
            spans: list[tuple[int, int, bool]] = []
            text = span_text(sent)
            for pattern, strong in [*self.patterns, *self.phrases]:
                for match in pattern.finditer(text):
                    spans.append((sent.start_char + match.start(), sent.start_char + match.end(), strong))
            for token in sent:
                strong = self._word(token)
                if strong is not None:
                    spans.append((token.idx, token.idx + len(token.text), strong))
            taken: list[tuple[int, int]] = []
            for start, end, strong in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                found.append(Buzzword(start, end, strong, index))
        return found

    def _word(self, token: Token) -> bool | None:
        """True for a strong buzzword, False for a weak one, None for neither."""
        if is_merge_tag(token):
            return None
        forms = {token.lower_, token.lemma_.lower()}
        if forms & self.verb_only:
            return True if token.pos_ == "VERB" else None  # "leverage ratio" is finance, not jargon
        if forms & self.adjective_only and token.pos_ not in ("ADJ", "VERB"):
            return None  # "supply chain disruption" is a real event
        if forms & self.strong_words:
            return True
        if forms & self.weak_words:
            return False
        return None


def _words(analysis: Analysis) -> int:
    return sum(1 for s in analysis.body_sentences for t in s if t.is_alpha and not is_merge_tag(t))


@check("jargon-buzzwords")
def jargon_buzzwords(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Every buzzword, once the email is jargon-heavy: a strong buzzword, weak ones clustering
    in one sentence, or enough of them (count or density per 100 words) in the email."""
    params = ctx.params_for(rule)
    sentences = ctx.analysis.body_sentences
    found = built_once(Jargon, params).find(sentences)
    if not found:
        return
    per_sentence: dict[int, int] = defaultdict(int)
    for buzz in found:
        per_sentence[buzz.sentence] += 1
    words = max(_words(ctx.analysis), 1)
    density = 100.0 * len(found) / words
    heavy = (
        any(b.strong for b in found)
        or max(per_sentence.values()) >= int(params.get("cluster", 2))
        or len(found) >= int(params.get("min_total", 3))
        or (len(found) >= 2 and density >= float(params.get("density_per_100", 2.0)))
    )
    if not heavy:
        return
    for buzz in found:
        yield ctx.finding(rule, buzz.start, buzz.end, count=len(found))
