"""`bribe-for-meeting` (rules/asks/bribe-for-meeting.yaml): Flags gift cards, gadgets, meals and
other freebies offered in exchange for a meeting, call or demo ("take a demo and we'll send you a
$50 Amazon gift card"), and loss-leader bait ("free business cards")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span

from pitchlint.analysis.spans import Hit, any_match, earliest, hit_of, matches_in
from pitchlint.checks import check
from pitchlint.checks.asks._helpers import regexes
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of bribe-for-meeting.yaml, checked: a key not here is an error."""

    gift_patterns: list[str]
    meeting_patterns: list[str]
    trade_verbs: list[str]
    loss_leader_patterns: list[str]


def _tokens(sent: Span, hit: Hit) -> Span | None:
    return sent.doc.char_span(hit[0], hit[1], alignment_mode="expand")


# bribe-for-meeting ------------------------------------------------------------------------
@check("bribe-for-meeting")
def bribe_for_meeting(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A gift handed to the reader next to a meeting ask or an exchange cue ("for your time")
    is an error; a bare loss-leader freebie ("free business cards") is a warning."""
    params = ctx.params_for(rule)
    sentences = ctx.analysis.body_sentences
    gifts = regexes(params, "gift_patterns")
    meetings = regexes(params, "meeting_patterns")
    asks = [any_match(sent, meetings) for sent in sentences]
    for i, sent in enumerate(sentences):
        near = any(asks[max(0, i - 1) : i + 2])
        hits = [
            h for h in (hit_of(sent, m) for m in matches_in(sent, gifts)) if _handed_over(sent, h, params)
        ]
        hit = earliest(hits) if near else None
        if hit is not None:
            yield ctx.finding(rule, *hit)
            continue
        bait = earliest(hit_of(sent, m) for m in matches_in(sent, regexes(params, "loss_leader_patterns")))
        if bait is not None:
            yield ctx.finding(rule, *bait, severity=Severity.WARNING)


def _handed_over(sent: Span, hit: Hit, params: dict[str, Any]) -> bool:
    """The gift goes to the reader: not a modifier of another noun ("gift card sales"), not
    something the reader or their customers sell or redeem, not the reader's own."""
    span = _tokens(sent, hit)
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end:
        return False  # "gift card program", "swag budget"
    if any(c.dep_ == "poss" and c.lower_ in ("your", "their", "his", "her") for c in root.children):
        return False
    verb = root.head if root.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "conj") else root
    while verb.dep_ in ("prep", "pobj", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() not in _words(params, "trade_verbs")
