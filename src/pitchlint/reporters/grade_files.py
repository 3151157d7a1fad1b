"""`pitchlint grade --format csv|json`: one row per email (source, id, template, sender, score,
grade, counts per severity, top rules) and the aggregate."""

from __future__ import annotations

import csv
import io
import json

from pitchlint.grading import GradeRun, rows

CSV_FIELDS = ("source", "id", "template", "sender", "score", "grade", "error", "warning", "info", "top_rules")


def render_csv(run: GradeRun) -> str:
    """The emails as CSV rows; the aggregate is the JSON format's (a CSV has one table)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(run.emails))
    return out.getvalue()


def render_json(run: GradeRun) -> str:
    data = {
        "summary": run.summary(),
        "emails": [
            {
                **row,
                "findings": [
                    {
                        "rule": f.rule,
                        "severity": str(f.severity),
                        "line": f.line,
                        "col": f.col,
                        "matched": f.matched,
                        "message": f.message,
                    }
                    for f in email.findings
                ],
            }
            for row, email in zip(rows(run.emails), run.emails, strict=True)
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in run.skipped],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
