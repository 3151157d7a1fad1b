"""ratio kind: two counted classes and a bound (e.g. seller vs reader clauses)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.vocab import Vocab

from pitchlint.context import RuleContext
from pitchlint.counters import COUNTERS
from pitchlint.findings import Finding
from pitchlint.kinds.thresholds import crossed
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.schema import RatioRule


class RatioChecker:
    def __init__(self, rule: LoadedRule, vocab: Vocab) -> None:
        spec = rule.spec
        assert isinstance(spec, RatioRule)
        for name in (spec.numerator, *spec.denominator):
            if name not in COUNTERS:
                raise ValueError(f"{rule.path}: unknown counter {name!r}; known: {sorted(COUNTERS)}")
        self.rule, self.spec = rule, spec

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        spec = self.spec
        counted = {name: COUNTERS[name](ctx.analysis) for name in {spec.numerator, *spec.denominator}}
        numerator = counted[spec.numerator]
        total = sum(len(counted[name]) for name in spec.denominator)
        if total < spec.min_total or not numerator:
            return
        ratio = len(numerator) / total
        severity = crossed(ratio, ctx.params_for(self.rule).get("thresholds", spec.above), above=True)
        if severity is None:
            return
        first = numerator[0]
        yield ctx.finding(
            self.rule,
            first.start_char,
            first.end_char,
            severity=severity,
            count=len(numerator),
            total=total,
            ratio=f"{ratio:.0%}",
        )
