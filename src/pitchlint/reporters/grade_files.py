"""`pitchlint grade --format csv|jsonl|json`: one row per email (source, id, template, sender,
score, grade, counts per severity, top rules) and the aggregate, written a row at a time."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from pitchlint.grading import GradedEmail, GradeRun, email_row
from pitchlint.reporters.json_report import dumped_at, spliced

CSV_FIELDS = ("source", "id", "template", "sender", "score", "grade", "error", "warning", "info", "top_rules")


def stream_csv(run: GradeRun) -> Iterator[str]:
    """The emails as CSV rows; the aggregate is the JSON format's (a CSV has one table)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for email in run.emails:
        writer.writerow(email_row(email))
        if out.tell() > 1 << 16:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def stream_jsonl(run: GradeRun) -> Iterator[str]:
    """Each email as one JSON line, its findings with it (the JSON format's email objects), for
    tools that read a result per line; no aggregate (as CSV), skipped inputs go to stderr."""
    lines: list[str] = []
    for email in run.emails:
        lines.append(json.dumps(email_with_findings(email), ensure_ascii=False) + "\n")
        if len(lines) >= 256:
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)


def stream_json(run: GradeRun) -> Iterator[str]:
    """The summary (one pass over the emails), then each email with its findings (another):
    the document `json.dumps(..., indent=2)` of the whole would be, byte for byte."""
    yield '{\n  "summary": ' + dumped_at(run.summary(), "  ") + ',\n  "emails": ['
    yield from spliced((email_with_findings(e) for e in run.emails), "  ")
    skipped = [{"path": s.path, "reason": s.reason} for s in run.skipped]
    yield ',\n  "skipped": ' + dumped_at(skipped, "  ") + "\n}\n"


def email_with_findings(email: GradedEmail) -> dict[str, Any]:
    """One email as the json, jsonl and parquet formats have it: its row and its findings."""
    return {
        **email_row(email),
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
