"""JSON output with a stable, versioned schema (documented in the README)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pitchlint import __version__
from pitchlint.directives import Directive
from pitchlint.draft import Draft
from pitchlint.findings import Finding
from pitchlint.report import Report
from pitchlint.source_edits import has_editable_source, in_source
from pitchlint.sources import Skipped

SCHEMA_VERSION = 1


def stream(reports: Iterable[Report], skipped: Sequence[Skipped]) -> Iterator[str]:
    """The document `json.dumps(..., indent=2)` would write, byte for byte, one draft dumped
    at a time: schema and version, every draft's report, the inputs skipped."""
    head = _dumps({"schema": SCHEMA_VERSION, "pitchlint": __version__})[: -len("\n}")]
    yield head + ',\n  "drafts": ['
    yield from spliced((_report(r) for r in reports), "  ")
    yield ',\n  "skipped": ' + dumped_at(_skipped(skipped), "  ") + "\n}\n"


def spliced(items: Iterable[Any], indent: str) -> Iterator[str]:
    """A JSON list's items as `json.dumps(..., indent=2)` lays them out inside a list that
    sits at `indent`, and its closing bracket: write the opening bracket before."""
    inner = indent + "  "
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + inner + dumped_at(item, inner)
        first = False
    yield "]" if first else "\n" + indent + "]"


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def dumped_at(value: Any, indent: str) -> str:
    """`value` as `json.dumps(..., indent=2)` lays it out as a member at `indent` (strings
    never hold a raw newline, so every newline starts a line of the layout)."""
    return _dumps(value).replace("\n", "\n" + indent)


def _skipped(skipped: Sequence[Skipped]) -> list[dict[str, str]]:
    return [{"path": s.path, "reason": s.reason} for s in skipped]


def _report(report: Report) -> dict[str, Any]:
    score = report.score
    return {
        "path": report.draft.path,
        "record": report.draft.record,  # "row 12", "step 2", "message 3"; "" for a whole file
        "score": score.value,
        "grade": score.grade,
        "breakdown": [{"rule": p.rule, "points": p.points, "count": p.count} for p in score.breakdown],
        "metrics": score.metrics,
        "findings": [finding_dict(f, report.draft) for f in report.findings],
        "unused_disables": [_directive(report, d) for d in report.unused_disables],
    }


def _directive(report: Report, directive: Directive) -> dict[str, Any]:
    line, col = report.draft.line_col(directive.start)
    return {"line": line, "col": col, "action": directive.action, "rules": sorted(directive.rules)}


def finding_dict(f: Finding, draft: Draft) -> dict[str, Any]:
    """`start`/`end` index the file the user gave. For an email read out of another format
    (.eml, HTML, a CSV row) they are mapped back into that file and span what encodes the
    words there, `matched` is the text as read (entities, escapes, quoted-printable and base64
    decoded), and `verbatim` says whether the file holds `matched` as is at `start:end`.
    Fix edits are offsets in the file: a text draft's, or an HTML template's markup (where
    `check --fix` can make them); none for other formats."""
    start, end, edits = f.start, f.end, f.fix.edits if f.fix is not None else ()
    if draft.origin is not None:
        start = draft.origin.source_offset(f.start)
        end = max(start, draft.origin.source_offset(f.end - 1) + 1) if f.end > f.start else start
        edits = (in_source(draft, edits) or ()) if has_editable_source(draft) else ()
    return {
        "rule": f.rule,
        "family": f.family,
        "severity": str(f.severity),
        "message": f.message,
        "line": f.line,
        "col": f.col,
        "start": start,
        "end": end,
        "matched": f.matched,
        "verbatim": draft.source_slice(start, end) == f.matched,
        "weight": f.weight,
        "positive": f.positive,
        "advice": f.advice,
        "fix": None
        if f.fix is None
        else {
            "title": f.fix.title,
            "applicability": str(f.fix.applicability),
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in edits],
        },
    }
