"""SARIF 2.1.0 for code scanning (GitHub and others): one run with every rule's documentation
(summary, why, advice and the full page `pitchlint rule ID` prints), and one result per finding
located by line and column, with its fix as SARIF replacements."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pitchlint import __version__
from pitchlint.findings import Finding, Severity
from pitchlint.report import Report
from pitchlint.reporters.json_report import spliced
from pitchlint.sources import Skipped

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def stream(reports: Sequence[Report], skipped: Sequence[Skipped]) -> Iterator[str]:
    """The log with one draft's results dumped at a time. The rules that fired come first
    in the log, so the reports are walked twice (`reports` may be kept on disk)."""
    rules = _rule_descriptors(sorted({f.rule for r in reports for f in r.findings}))
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    marker = f"results-{uuid.uuid4().hex}"
    skeleton = json.dumps(sarif_log(rules, skipped, [marker]), indent=2, ensure_ascii=False)
    at = skeleton.index(f'"{marker}"')
    line_start = skeleton.rindex("\n", 0, at) + 1
    indent = skeleton[line_start:at][:-2]  # the list's own indent, one level out
    yield skeleton[: line_start - 1]  # up to "[", the list's first item on
    yield from spliced((_result(r, f, index) for r in reports for f in r.findings), indent)
    yield skeleton[skeleton.index("]", at) + 1 :] + "\n"


def sarif_log(rules: list[dict[str, Any]], skipped: Sequence[Skipped], results: list[Any]) -> dict[str, Any]:
    notifications = [
        {"level": "error", "message": {"text": s.reason}, "locations": [_location(s.path)]} for s in skipped
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pitchlint",
                        "version": __version__,
                        "informationUri": "https://github.com/pitchlint/pitchlint",
                        "rules": rules,
                    }
                },
                "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
                "results": results,
            }
        ],
    }


def _rule_descriptors(fired: list[str]) -> list[dict[str, Any]]:
    """Every bundled rule (so code scanning can show any rule's docs), then rules from the
    user's own folders that fired."""
    from pitchlint.docs import rule_markdown
    from pitchlint.rules.loader import bundled_rules_dir, load_rules

    out = []
    for rule in load_rules([bundled_rules_dir()]):
        spec = rule.spec
        out.append(
            {
                "id": spec.id,
                "name": "".join(part.capitalize() for part in spec.id.split("-")),
                "shortDescription": {"text": spec.summary.strip()},
                "fullDescription": {"text": " ".join(spec.why.split())},
                "help": {"text": " ".join(spec.advice.split()), "markdown": rule_markdown(rule)},
                "defaultConfiguration": {"level": _LEVEL[Severity.parse(spec.severity)]},
                "properties": {"tags": ["outreach", rule.family]},
            }
        )
    known = {r["id"] for r in out}
    out += [{"id": rule} for rule in fired if rule not in known]
    return out


def _result(report: Report, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    draft = report.draft
    end_line, end_col = draft.line_col(max(finding.start, finding.end - 1))
    region = {
        "startLine": finding.line,
        "startColumn": finding.col,
        "endLine": end_line,
        "endColumn": end_col + 1,  # SARIF columns end one past the last character
        "snippet": {"text": finding.matched},
    }
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message + (f" {finding.advice}" if finding.advice else "")},
        "locations": [_location(draft.path, region)],
    }
    if finding.fix is not None and finding.fix.edits:
        result["fixes"] = [
            {
                "description": {"text": f"{finding.fix.title} ({finding.fix.applicability})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(draft.path)},
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                "insertedContent": {"text": e.content},
                            }
                            for e in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def _location(path: str, region: dict[str, Any] | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    if region is not None:
        physical["region"] = region
    return {"physicalLocation": physical}


def _uri(path: str) -> str:
    """A relative path as a URI reference with forward slashes (what code scanning expects)."""
    if path == "-":
        return "stdin"
    absolute = Path(path).resolve()
    cwd = Path.cwd().resolve()
    return absolute.relative_to(cwd).as_posix() if absolute.is_relative_to(cwd) else absolute.as_uri()
