"""The 0-100 score and letter grade: weighted findings, each rule's penalty capped, and a
breakdown a person can read ("-15 feature-dumping").

Penalties compound: each rule takes its share of what is left (a 15-point rule takes 15% of the
remaining score). With some 45 rules, plain subtraction pinned every spammy email at 0 and
erased the ordering the seed table needs (Sample C is "fractionally better" than A and B,
tension T7); compounding keeps bad emails ordered and the breakdown still adds up to the
points lost.

A positive signal (evidence of real research about the reader) works the other way: a 6-point
signal raises what is left by 6%, up to 100, but never gives back the points an error took.
The log of the score is then a sum of one term per rule (bar that ceiling), which is what
`pitchlint calibrate` fits to real outcomes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pitchlint.findings import Finding, Severity

CAP_FACTOR = 1.5  # a rule's repeated findings cost at most 1.5x its weight unless it says otherwise


@dataclass(frozen=True)
class Penalty:
    """Points a rule took (a positive signal's are negative: points given back)."""

    rule: str
    points: float
    count: int

    @property
    def bonus(self) -> bool:
        return self.points < 0

    def signed(self) -> str:
        """ "-12 feature-dumping", "+4.5 reader-research" """
        return f"{-self.points:+g} {self.rule}"


@dataclass(frozen=True)
class Score:
    value: int
    grade: str
    breakdown: tuple[Penalty, ...]
    metrics: dict[str, float] = field(default_factory=dict)


def grade_for(value: float, bands: Mapping[str, float]) -> str:
    for letter in ("A", "B", "C", "D"):
        if value >= bands[letter]:
            return letter
    return "F"


def rule_factor(points: float, unit: float, *, bonus: bool = False) -> float:
    """What a rule's capped points multiply the score by: one finding of weight w keeps
    (1 - w/100) of it, and x findings' worth keeps (1 - w/100)**x. Exponents rather than
    sums make the log of the score exactly linear in each rule's findings, so the weights
    `pitchlint calibrate` fits are the weights the score uses."""
    if points <= 0 or unit <= 0:
        return 1.0
    base = 1 + unit / 100 if bonus else 1 - min(unit, 99.0) / 100
    return float(base ** (points / unit))


def score_findings(
    findings: Iterable[Finding],
    caps: Mapping[str, float],
    bands: Mapping[str, float],
    metrics: dict[str, float] | None = None,
) -> Score:
    """100, reduced by each rule's capped weight in turn (heaviest first) as a share of what is
    left, then raised by each positive signal's share, never above what the error findings
    alone would leave (research about the reader does not mend "Hi ,"); the breakdown lists
    the points each rule actually took or gave."""
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    unit: dict[str, float] = {}  # the weight of one finding at the rule's own severity
    positive: set[str] = set()
    errors: dict[str, float] = defaultdict(float)  # the points of error findings, per rule
    for finding in findings:
        totals[finding.rule] += finding.weight
        if finding.severity == Severity.ERROR and not finding.positive:
            errors[finding.rule] += finding.weight
        unit[finding.rule] = max(unit.get(finding.rule, 0.0), finding.weight)
        counts[finding.rule] += 1
        if finding.positive:
            positive.add(finding.rule)
    weights = {rule: min(points, caps.get(rule, points), 100.0) for rule, points in totals.items()}
    remaining = 100.0
    ceiling = 100.0  # what the errors alone leave: no signal gives those points back
    penalties = []
    for rule in sorted(weights.keys() - positive, key=lambda r: (-weights[r], r)):
        taken = remaining * (1 - rule_factor(weights[rule], unit[rule]))
        remaining -= taken
        if errors[rule]:
            ceiling *= rule_factor(min(errors[rule], weights[rule]), unit[rule])
        if taken > 0:
            penalties.append(Penalty(rule, round(taken, 1), counts[rule]))
    for rule in sorted(positive, key=lambda r: (-weights[r], r)):
        given = (
            max(remaining, min(ceiling, remaining * rule_factor(weights[rule], unit[rule], bonus=True)))
            - remaining
        )
        remaining += given
        if given > 0:
            penalties.append(Penalty(rule, -round(given, 1), counts[rule]))
    value = max(0, min(100, round(remaining)))
    return Score(value, grade_for(value, bands), tuple(penalties), metrics or {})
