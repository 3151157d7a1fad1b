"""Hedges and evidence: what separates an empathetic guess about the reader from a presumption.

Godin's "I know that times might be tough for you" is an assertion about the reader, yet the
seed endorses it because "might" softens it (catalog tension T12). "Your careers page lists 14
open SDR roles" states what the writer saw. "You spend tons of time tracking rates" does
neither, and earned "a liar and/or a fool" (seed 002).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pitchlint.analysis.spans import span_text

# modal, frequency and quantity hedges; "probably" and "I know" are not hedges: they presume
_HEDGE_LEMMAS = frozenset(
    {
        "might",
        "may",
        "could",
        "perhaps",
        "maybe",
        "possibly",
        "often",
        "sometimes",
        "typically",
        "usually",
        "generally",
        "occasionally",
        "wonder",
        "guess",
        "suspect",
        "imagine",
        "curious",
        "tend",
        "seem",
        "appear",
    }
)
_CONDITIONAL_MARKS = frozenset({"if", "whether", "unless"})
_HEDGE_PHRASES_RE = re.compile(
    r"\b(?:in my experience|not sure|correct me if|i could be wrong|from what i(?:'ve| have)? (?:seen|heard)"
    r"|if that'?s the case|if so|chances are)\b",
    re.I,
)
_EVIDENCE_RE = re.compile(
    r"\b(?:i|we) (?:saw|noticed|read|heard|spotted|came across|see|notice)\b"
    r"|\byour [\w-]+(?: [\w-]+)? (?:shows?|showed|lists?|listed|says|said|mentions?|mentioned|notes?|"
    r"reports?|reported|describes?|announced)\b"
    r"|\baccording to\b|\byou (?:mentioned|said|wrote|posted|shared|told)\b"
    r"|\b(?:on|in|from) your (?:website|site|blog|post|careers page|job posting|10-k|annual report|"
    r"earnings call|podcast|talk)\b",
    re.I,
)


def hedge_tokens(sent: Span) -> list[Token]:
    """The words that soften the sentence: modals, frequency adverbs, "some teams", "if"."""
    return [token for token in sent if _is_hedge(token)]


def _is_hedge(token: Token) -> bool:
    if token.lemma_.lower() in _HEDGE_LEMMAS or token.lower_ in _HEDGE_LEMMAS:
        return not (token.lower_ == "may" and token.tag_ == "NNP")  # the month
    if token.lower_ in _CONDITIONAL_MARKS:
        return token.dep_ in ("mark", "advmod", "prep", "dep") and not _generic_frame(token)
    return token.lower_ in ("some", "many") and token.dep_ in ("det", "amod") and token.head.pos_ == "NOUN"


def _generic_frame(mark: Token) -> bool:
    """ "If you're like most companies today": a comparison that lumps the reader in, not a hedge."""
    clause = " ".join(t.lower_ for t in mark.head.subtree)
    return bool(re.search(r"\blike (?:most|many|all|every|other)\b", clause))


def is_hedged(sent: Span) -> bool:
    return bool(hedge_tokens(sent)) or bool(_HEDGE_PHRASES_RE.search(span_text(sent)))


def has_evidence(sent: Span) -> bool:
    """The writer says where the claim comes from: what they saw, read or were told."""
    return bool(_EVIDENCE_RE.search(span_text(sent)))
