"""Asking without giving (catalog rule 14): "What did you bring me?" (seed 000), and its
positive side, a concrete offer: an invitation or a reward for the reader.

The asks and gives come from the shared model in `analysis.exchange`; this rule only weighs
them. A reply to the reader answers them, so it is never judged. Small reply asks ("let me know
what you think") count only when `params.count_reply_asks` is true: on their own they are the
passive-cta rule's business, not a demand on the reader's time.
"""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.analysis.exchange import Ask
from pitchlint.analysis.spans import trim
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule

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


# what recipients of real pitches answered: a seat on a show or a stage, money, a free month
_CONCRETE = frozenset({"invitation", "reward"})


@check("concrete-offer")
def concrete_offer(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A positive signal on the first sentence that invites the reader or offers them a reward."""
    give = next((g for g in ctx.analysis.gives if g.kind in _CONCRETE), None)
    if give is None:
        return
    span = trim(give.sentence)
    yield ctx.finding(
        rule,
        span.start_char,
        span.end_char,
        detail=f"an {give.kind}" if give.kind == "invitation" else "a reward",
    )
