"""Human output: path:line:col, the source line with the match marked, fix or advice, score."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pitchlint.findings import Finding
from pitchlint.fixes import describe_fix, shown_change
from pitchlint.report import Report
from pitchlint.sources import Skipped
from pitchlint.wording import clip


def stream(reports: Iterable[Report], skipped: Sequence[Skipped], *, quiet: bool = False) -> Iterator[str]:
    """The output a report at a time. `quiet`: the findings only, no score lines or summary."""
    drafts = findings = 0
    for report in reports:
        block = _report(report, score=not quiet)
        if block:
            yield ("\n\n" if drafts else "") + block
        drafts, findings = drafts + 1, findings + len(report.findings)
    if not quiet:
        yield ("\n\n" if drafts else "") + summary(findings, drafts, skipped) + "\n"


def summary(findings: int, drafts: int, skipped: Sequence[Skipped]) -> str:
    line = f"{_plural(findings, 'finding')} in {_plural(drafts, 'draft')}"
    return line + (f", {len(skipped)} skipped" if skipped else "")


def without_blank_runs(chunks: Iterable[str]) -> Iterator[str]:
    """The text with no blank line at either end and none twice in a row (what `-q` prints
    once the score lines are gone), a chunk at a time: whole lines as they complete."""
    pending = ""
    wrote = blank = False

    def lines_of(text: str) -> str:
        nonlocal wrote, blank
        out = []
        for line in text.splitlines():
            if not line:
                blank = wrote
                continue
            out.append(("\n" if blank else "") + line + "\n")
            wrote, blank = True, False
        return "".join(out)

    for chunk in chunks:
        pending += chunk
        cut = pending.rfind("\n") + 1  # a cut after a newline never splits a line break
        if cut:
            done, pending = lines_of(pending[:cut]), pending[cut:]
            if done:
                yield done
    if pending and (done := lines_of(pending)):
        yield done


def _report(report: Report, *, score: bool = True) -> str:
    lines = [_finding(report, f) for f in report.findings]
    for directive in report.unused_disables:
        line, col = report.draft.line_col(directive.start)
        quoted = clip(report.draft.text[directive.start : directive.end]) if directive.end else "front matter"
        lines.append(
            f"{report.draft.path}:{line}:{col}  warning  unused-disable  {quoted} suppresses nothing\n"
        )
    if score:
        lines.append(_score_line(report))
    return "\n".join(lines)


def _score_line(report: Report) -> str:
    score = report.score
    head = f"{report.draft.label}: score {score.value}/100, grade {score.grade}"
    breakdown = ", ".join(p.signed() + (f" (x{p.count})" if p.count > 1 else "") for p in score.breakdown)
    return head + (f"  [{breakdown}]" if breakdown else "  [no findings]")


def _finding(report: Report, finding: Finding) -> str:
    draft = report.draft
    out = [
        f"{draft.path}:{finding.line}:{finding.col}  {finding.severity}  {finding.rule}  {finding.message}"
    ]
    source = draft.line_text(finding.line)
    end_line, end_col = draft.line_col(max(finding.start, finding.end - 1))
    stop = end_col if end_line == finding.line else len(source)
    gutter = f"{finding.line:>5} | "
    out.append(gutter + source)
    out.append(
        " " * (len(gutter) - 2) + "| " + " " * (finding.col - 1) + "^" * max(1, stop - finding.col + 1)
    )
    if finding.fix is not None:
        out.append(f"      fix ({finding.fix.applicability}): {finding.fix.title}")
        before, after = describe_fix(draft.text, finding.fix)
        out += [f"        {sign} {clip(words)}" for sign, words in shown_change(before, after)]
    if finding.advice:
        out.append(f"      advice: {finding.advice}")
    return "\n".join(out) + "\n"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
