"""What the checks of the `value` family share (rules/value/)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_generic_frame
from pitchlint.analysis.spans import span_text, trim
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import in_words as _in
from pitchlint.rules.loader import LoadedRule

_MODALS = frozenset({"will", "'ll", "’ll", "would", "'d", "’d", "could", "can", "might"})


# shared helpers ---------------------------------------------------------------------------


def _span(tokens: Iterable[Token]) -> tuple[int, int]:
    """Character offsets of the tokens, without surrounding spaces and end punctuation."""
    kept = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while len(kept) > 1 and (kept[-1].is_punct or kept[-1].is_space) and kept[-1].text not in (")", "”", '"'):
        kept.pop()
    while len(kept) > 1 and kept[0].is_punct and kept[0].text not in ("(", "“", '"'):
        kept.pop(0)
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)


def _subtree_span(token: Token) -> tuple[int, int]:
    doc = token.doc
    return _span(doc[token.left_edge.i : token.right_edge.i + 1])


def _sentence_span(sent: Span) -> tuple[int, int]:
    span = trim(sent)
    return span.start_char, span.end_char


def _is_product(analysis: Analysis, token: Token, product_nouns: frozenset[str]) -> bool:
    """ "our platform", "the tool", a seller or product name: the seller's offering."""
    if analysis.agency_of(token) == "seller":
        return True
    owners = [t for t in token.subtree if t.dep_ == "poss" and t.i < token.i]
    return _in(token, product_nouns) and any(o.lower_ in lx.SELLER_POSSESSIVES for o in owners)


def _findings_once(
    ctx: RuleContext, rule: LoadedRule, spans: Iterable[tuple[int, int]], **fields: Any
) -> Iterator[Finding]:
    seen: set[tuple[int, int]] = set()
    for span in spans:
        if span not in seen and span[0] < span[1]:
            seen.add(span)
            yield ctx.finding(rule, *span, **fields)


_PAST_TIME = re.compile(r"\b(?:last (?:year|month|quarter|week)|ago|yesterday|in (?:19|20)\d\d)\b", re.I)


def _past(verb: Token) -> bool:
    """Past tense, also where the tagger misses it ("Last year we rebuilt ... and went")."""
    if verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    ):
        return True
    coordinated = [*verb.conjuncts]
    if any(v.tag_ == "VBD" for v in coordinated):
        return True
    return verb.tag_ == "VBP" and bool(_PAST_TIME.search(span_text(verb.sent)))


_OUTCOME_CONNECTOR = re.compile(
    r"\bso (?:that )?(?:you|your)\b|\bwhich means\b|\bmeaning (?:you|your)\b|\bso you can\b"
    r"|\bhelps? (?:you|your)\b[^.?!]*\b(?:cut|save|stop|avoid|close|win|grow|reduce|spend less)\b",
    re.I,
)


def outcome_sentences(analysis: Analysis, verbs: frozenset[str]) -> list[Span]:
    found: list[Span] = []
    for sent in analysis.body_sentences:
        if is_generic_frame(sent):
            continue  # "If you're like most companies, you spend ...": a presumption, not an outcome
        if _OUTCOME_CONNECTOR.search(span_text(sent)):
            found.append(sent)
            continue
        for clause in analysis.all_clauses_in(sent):
            if clause.agency == "reader" and (
                clause.verb.lemma_.lower() in verbs
                or any(c.dep_ == "xcomp" and c.lemma_.lower() in verbs for c in clause.verb.children)
            ):
                found.append(sent)
                break
    return found
