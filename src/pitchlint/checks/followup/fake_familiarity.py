"""`fake-familiarity` (rules/followup/fake-familiarity.yaml): Flags a first email that pretends to
continue a conversation that never happened ("As promised", "Per our conversation", "Following up on
our call", "Great connecting last week!")."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.checks import check
from pitchlint.checks._shared.cta import _at, _first, _found, _regexes, _search
from pitchlint.checks._shared.targeting import researched
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of fake-familiarity.yaml, checked: a key not here is an error."""

    phrases: list[str]
    named_encounter_patterns: list[str]


# fake-familiarity ------------------------------------------------------------------------
@check("fake-familiarity")
def fake_familiarity(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Prior-contact phrases in a first email to a prospect. A reply, an existing customer or
    a named place where you met ("great meeting you at the Ohio tax summit") is real contact."""
    meta = ctx.draft.meta
    if meta.is_reply or meta.relationship == "customer":
        return
    params = ctx.params_for(rule)
    phrases = _regexes(params, "phrases")
    named = _regexes(params, "named_encounter_patterns")
    sentences = ctx.analysis.body_sentences
    if any(_found(sent, named) for sent in sentences) or _remembered_meeting(ctx):
        return  # "I met you last summer at Smith & Wollensky's ... thank you for taking the time"
    for sent in sentences:
        hit = _first(_at(sent, m) for m in _search(sent, phrases))
        if hit is not None:
            yield ctx.finding(rule, *hit)


def _remembered_meeting(ctx: RuleContext) -> bool:
    """The reader-fact model found a meeting with a name, a place or a date."""

    return any(reason == "a meeting they will remember" for _sent, reason in researched(ctx, {}))
