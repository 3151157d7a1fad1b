"""The 0-100 score and letter grade: weighted findings, each rule's penalty capped, and a
breakdown a person can read ("-15 feature-dumping").

Penalties compound: each rule takes its share of what is left (a 15-point rule takes 15% of the
remaining score). With some 45 rules, plain subtraction pinned every spammy email at 0 and
erased the ordering the seed table needs (Sample C is "fractionally better" than A and B,
tension T7); compounding keeps bad emails ordered and the breakdown still adds up to the
points lost."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pitchlint.findings import Finding

CAP_FACTOR = 1.5  # a rule's repeated findings cost at most 1.5x its weight unless it says otherwise


@dataclass(frozen=True)
class Penalty:
    rule: str
    points: float
    count: int


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


def score_findings(
    findings: Iterable[Finding],
    caps: Mapping[str, float],
    bands: Mapping[str, float],
    metrics: dict[str, float] | None = None,
) -> Score:
    """100, reduced by each rule's capped weight in turn (heaviest first) as a share of what is
    left; the breakdown lists the points each rule actually took."""
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for finding in findings:
        totals[finding.rule] += finding.weight
        counts[finding.rule] += 1
    weights = {rule: min(points, caps.get(rule, points), 100.0) for rule, points in totals.items()}
    remaining = 100.0
    penalties = []
    for rule in sorted(weights, key=lambda r: (-weights[r], r)):
        taken = remaining * weights[rule] / 100
        remaining -= taken
        if taken > 0:
            penalties.append(Penalty(rule, round(taken, 1), counts[rule]))
    value = max(0, min(100, round(remaining)))
    return Score(value, grade_for(value, bands), tuple(penalties), metrics or {})
