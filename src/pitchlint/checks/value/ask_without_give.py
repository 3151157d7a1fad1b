"""`ask-without-give` (rules/value/ask-without-give.yaml): Flags an email that asks for time, a
click, a purchase or a referral and offers the reader nothing first (no insight, resource made for
them, introduction, answer or offer of help)."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.analysis.exchange import Ask
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of ask-without-give.yaml, checked: a key not here is an error."""

    count_reply_asks: bool


_DESCRIPTIONS = {
    "meeting": "your time",
    "referral": "a referral",
    "click": "a click",
    "purchase": "a purchase",
    "reply": "a reply",
}


@check("ask-without-give")
def ask_without_give(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    analysis = ctx.analysis
    if ctx.draft.meta.is_reply or analysis.gives:
        return
    params = ctx.params_for(rule)
    asks = [a for a in analysis.asks if a.kind != "reply" or params.get("count_reply_asks", False)]
    if not asks:
        return
    first = asks[0]
    yield ctx.finding(rule, first.start, first.end, detail=_describe(asks))


def _describe(asks: list[Ask]) -> str:
    kinds = list(dict.fromkeys(_DESCRIPTIONS[a.kind] for a in asks))
    return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
