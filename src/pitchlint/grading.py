"""Batch grading: the graded emails of a run and the aggregate a team reads first (counts per
grade, the most common smells, the worst emails, per-template and per-sender averages).

Light on purpose (no spaCy): reporters build on it, and tests can build a run by hand."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import mean
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
    emails: tuple[GradedEmail, ...]
    skipped: tuple[Skipped, ...] = ()

    def summary(self, worst: int = 10, top_rules: int = 10) -> dict[str, Any]:
        """The aggregate: what the table, the CSV/JSON footers and the HTML charts show."""
        emails = self.emails
        grades = Counter(e.report.score.grade for e in emails)
        rule_emails: Counter[str] = Counter()
        for email in emails:
            rule_emails.update({f.rule for f in email.findings if not f.positive})
        ranked = sorted(emails, key=lambda e: (e.report.score.value, e.email_id))
        return {
            "emails": len(emails),
            "skipped": len(self.skipped),
            "mean_score": round(mean(e.report.score.value for e in emails), 1) if emails else None,
            "grades": {g: grades.get(g, 0) for g in GRADES},
            "rules": [{"rule": r, "emails": n} for r, n in rule_emails.most_common(top_rules)],
            "worst": [
                {
                    "id": e.email_id,
                    "score": e.report.score.value,
                    "grade": e.report.score.grade,
                    "top_rules": e.top_rules(),
                }
                for e in ranked[:worst]
            ],
            "templates": _breakdown(emails, lambda e: e.template),
            "senders": _breakdown(emails, lambda e: e.sender),
        }


def _breakdown(emails: Sequence[GradedEmail], key: Any) -> list[dict[str, Any]]:
    """Mean score and grade counts per template or sender (emails without one are left out)."""
    groups: dict[str, list[GradedEmail]] = defaultdict(list)
    for email in emails:
        name = key(email)
        if name:
            groups[name].append(email)
    rows = []
    for name, members in groups.items():
        grades = Counter(e.report.score.grade for e in members)
        rows.append(
            {
                "name": name,
                "emails": len(members),
                "mean_score": round(mean(e.report.score.value for e in members), 1),
                "grades": {g: grades.get(g, 0) for g in GRADES},
            }
        )
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


def rows(emails: Iterable[GradedEmail]) -> list[dict[str, Any]]:
    return [email_row(e) for e in emails]
