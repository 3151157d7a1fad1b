"""The 0-100 score and letter grade: weighted findings, each rule's penalty capped, and a
breakdown a person can read ("-15 feature-dumping")."""

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
    """100 minus each rule's summed finding weights (capped per rule), clamped to 0-100."""
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for finding in findings:
        totals[finding.rule] += finding.weight
        counts[finding.rule] += 1
    penalties = [
        Penalty(rule, round(min(points, caps.get(rule, points)), 1), counts[rule])
        for rule, points in totals.items()
    ]
    penalties.sort(key=lambda p: (-p.points, p.rule))
    value = max(0, min(100, round(100 - sum(p.points for p in penalties))))
    return Score(value, grade_for(value, bands), tuple(p for p in penalties if p.points > 0), metrics or {})
