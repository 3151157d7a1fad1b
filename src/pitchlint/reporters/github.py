"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's
diff at the finding's line (`::error file=...,line=...,col=...,endLine=...,endColumn=...,
title=...::message`), plus one notice per draft with its score."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pitchlint.findings import Finding, Severity
from pitchlint.report import Report
from pitchlint.sources import Skipped

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def stream(reports: Iterable[Report], skipped: Sequence[Skipped]) -> Iterator[str]:
    """A report's commands at a time, then one error per skipped input."""
    for report in reports:
        lines = [_annotation(report, f) for f in report.findings]
        for directive in report.unused_disables:
            line, col = report.draft.line_col(directive.start)
            lines.append(
                _command(
                    "warning", report.draft.path, line, col, "pitchlint unused-disable", "suppresses nothing"
                )
            )
        score = f"score {report.score.value}/100, grade {report.score.grade}"
        lines.append(f"::notice file={_property(report.draft.path)}::{_data(score)}")
        yield "".join(line + "\n" for line in lines)
    yield "".join(f"::error::{_data(s.reason)}\n" for s in skipped)


def _annotation(report: Report, finding: Finding) -> str:
    end_line, end_col = report.draft.line_col(max(finding.start, finding.end - 1))
    message = finding.message + (f"\n{finding.advice}" if finding.advice else "")
    return _command(
        _LEVEL[finding.severity],
        report.draft.path,
        finding.line,
        finding.col,
        f"pitchlint {finding.rule}",
        message,
        end=(end_line, end_col),
    )


def _command(
    level: str, path: str, line: int, col: int, title: str, message: str, end: tuple[int, int] | None = None
) -> str:
    props = [f"file={_property(path)}", f"line={line}", f"col={col}"]
    if end is not None:
        props += [f"endLine={end[0]}", f"endColumn={end[1]}"]
    props.append(f"title={_property(title)}")
    return f"::{level} {','.join(props)}::{_data(message)}"


def _data(text: str) -> str:
    """Escaping of a command's message, as the runner's toolkit does it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
