"""`concrete-offer` (rules/value/concrete-offer.yaml): A positive signal: the email invites the
reader (onto a show, a stage, a panel) or offers them a reward (a fee, sponsorship, a free month or
report), rather than only asking."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.analysis.spans import trim
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of concrete-offer.yaml, checked: a key not here is an error."""


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
