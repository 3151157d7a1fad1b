"""`urgency-pressure` (rules/asks/urgency-pressure.yaml): Flags pressure and scarcity ("act now",
"this pricing expires Friday", "only 3 slots left", "you can't afford not to"; "seating will be
limited" and "register now" as warnings). Dates alone and the reader's own deadlines stated as fact
are left alone."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.checks import check
from pitchlint.checks._shared.cta import Hit, _at, _first, _regexes, _search
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of urgency-pressure.yaml, checked: a key not here is an error."""

    pressure_patterns: list[str]
    soft_pressure_patterns: list[str]


# urgency-pressure ------------------------------------------------------------------------
@check("urgency-pressure")
def urgency_pressure(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Pressure to buy ("act now", an offer that expires) is an error; event scarcity
    ("seating will be limited", "register now") is a warning, and one warning covers a run of
    adjacent sentences ("request your invitation now. Seating will be limited."). A date alone
    is not pressure, and the reader's own deadline stated as fact never matches: the patterns
    name the seller's offer, not the reader's filing or renewal."""
    params = ctx.params_for(rule)
    hard = _regexes(params, "pressure_patterns")
    soft = _regexes(params, "soft_pressure_patterns")
    run: Hit | None = None
    for sent in ctx.analysis.sentences:
        hit = _first(_at(sent, m) for m in _search(sent, hard))
        if hit is not None:
            yield ctx.finding(rule, *hit)
        scarce = None if hit is not None else _first(_at(sent, m) for m in _search(sent, soft))
        zone = ctx.draft.zone_at
        if scarce is not None and run is not None and zone(run[0]) == zone(scarce[0]):
            run = (run[0], scarce[1])
            continue
        if run is not None:
            yield ctx.finding(rule, *run, severity=Severity.WARNING)
        run = scarce
    if run is not None:
        yield ctx.finding(rule, *run, severity=Severity.WARNING)
