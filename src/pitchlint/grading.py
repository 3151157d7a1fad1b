"""Batch grading: the graded emails of a run and the aggregate a team reads first (counts per
grade, the most common smells, the worst emails, per-template and per-sender averages).

Light on purpose (no spaCy): reporters build on it, and tests can build a run by hand."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from pitchlint.findings import Finding, Severity
from pitchlint.report import Report
from pitchlint.sources import Skipped

GRADES = ("A", "B", "C", "D", "F")


@dataclass(frozen=True)
class GradedEmail:
    report: Report
    email_id: str  # the path, or "path#row 12", "path#message 3", "path#step 2"
    template: str | None = None
    sender: str | None = None

    @property
    def source(self) -> str:
        return self.report.draft.path

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.report.findings

    def severity_counts(self) -> dict[str, int]:
        counts = Counter(str(f.severity) for f in self.report.findings if not f.positive)
        return {str(s): counts.get(str(s), 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}

    def top_rules(self, limit: int = 3) -> list[str]:
        """The rules that cost this email most points, heaviest first."""
        return [p.rule for p in self.report.score.breakdown if not p.bonus][:limit]


@dataclass(frozen=True)
class GradeRun:
    emails: Sequence[GradedEmail]  # a tuple, or a view that reads each report back from disk
    skipped: tuple[Skipped, ...] = ()

    def summary(self, worst: int = 10, top_rules: int = 10) -> dict[str, Any]:
        """The aggregate: what the table, the CSV/JSON footers and the HTML charts show."""
        aggregate = GradeAggregate(worst)
        for email in self.emails:
            aggregate.add(email)
        return aggregate.summary(len(self.skipped), top_rules)


class GradeAggregate:
    """The summary of a run built an email at a time: counts, sums and the `worst` lowest
    scores, so a run of a million emails is summarised without holding their reports."""

    def __init__(self, worst: int = 10) -> None:
        self.size = worst
        self.count = 0
        self.total = 0
        self.grades: Counter[str] = Counter()
        self.rule_emails: Counter[str] = Counter()
        # (score, id, arrival, grade, top rules), lowest first: ties keep the input's order
        self.worst: list[tuple[Any, str, int, str, list[str]]] = []
        self.groups: dict[str, dict[str, _Group]] = {"templates": {}, "senders": {}}

    def add(self, email: GradedEmail) -> None:
        score = email.report.score
        self.count += 1
        self.total += score.value
        self.grades[score.grade] += 1
        self.rule_emails.update({f.rule for f in email.findings if not f.positive})
        if self.size and (len(self.worst) < self.size or (score.value, email.email_id) < self.worst[-1][:2]):
            entry = (score.value, email.email_id, self.count, score.grade, email.top_rules())
            bisect.insort(self.worst, entry)
            del self.worst[self.size :]
        for kind, name in (("templates", email.template), ("senders", email.sender)):
            if name:
                self.groups[kind].setdefault(name, _Group()).add(score.value, score.grade)

    def summary(self, skipped: int, top_rules: int = 10) -> dict[str, Any]:
        return {
            "emails": self.count,
            "skipped": skipped,
            "mean_score": _mean(self.total, self.count) if self.count else None,
            "grades": {g: self.grades.get(g, 0) for g in GRADES},
            "rules": [{"rule": r, "emails": n} for r, n in self.rule_emails.most_common(top_rules)],
            "worst": [
                {"id": email_id, "score": value, "grade": grade, "top_rules": rules}
                for value, email_id, _arrival, grade, rules in self.worst
            ],
            "templates": _breakdown(self.groups["templates"]),
            "senders": _breakdown(self.groups["senders"]),
        }


class _Group:
    """One template's or sender's emails: how many, their scores' sum and their grades."""

    def __init__(self) -> None:
        self.count = 0
        self.total = 0
        self.grades: Counter[str] = Counter()

    def add(self, value: Any, grade: str) -> None:
        self.count += 1
        self.total += value
        self.grades[grade] += 1


def _mean(total: Any, count: int) -> Any:
    """The mean to one decimal, as `round(statistics.mean(...), 1)` gives it: a whole number
    stays an int (the JSON says 32, not 32.0)."""
    if isinstance(total, int):
        exact = Fraction(total, count)
        return round(exact.numerator if exact.denominator == 1 else float(exact), 1)
    return round(total / count, 1)


def _breakdown(groups: dict[str, _Group]) -> list[dict[str, Any]]:
    """Mean score and grade counts per template or sender (emails without one are left out)."""
    rows = [
        {
            "name": name,
            "emails": group.count,
            "mean_score": _mean(group.total, group.count),
            "grades": {g: group.grades.get(g, 0) for g in GRADES},
        }
        for name, group in groups.items()
    ]
    return sorted(rows, key=lambda r: (r["mean_score"], r["name"]))


def email_row(email: GradedEmail) -> dict[str, Any]:
    """One email as a flat row (CSV, JSON): source, id, template, sender, score, grade,
    counts per severity and its top rules."""
    score = email.report.score
    return {
        "source": email.source,
        "id": email.email_id,
        "template": email.template or "",
        "sender": email.sender or "",
        "score": score.value,
        "grade": score.grade,
        **email.severity_counts(),
        "top_rules": " ".join(email.top_rules()),
    }
