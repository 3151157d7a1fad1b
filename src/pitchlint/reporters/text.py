"""Human output: path:line:col, the source line with the match marked, fix or advice, score."""

from __future__ import annotations

from collections.abc import Sequence

from pitchlint.findings import Finding
from pitchlint.fixes import describe_fix, shown_change
from pitchlint.report import Report
from pitchlint.sources import Skipped
from pitchlint.wording import clip


def render(reports: Sequence[Report], skipped: Sequence[Skipped]) -> str:
    blocks = [_report(r) for r in reports]
    out = "\n\n".join(b for b in blocks if b)
    return (out + "\n\n" if out else "") + footer(reports, skipped) + "\n"


def footer(reports: Sequence[Report], skipped: Sequence[Skipped]) -> str:
    """ "12 findings in 3 drafts, 1 skipped" """
    totals = sum(len(r.findings) for r in reports)
    line = f"{_plural(totals, 'finding')} in {_plural(len(reports), 'draft')}"
    return line + (f", {len(skipped)} skipped" if skipped else "")


def _report(report: Report) -> str:
    lines = [_finding(report, f) for f in report.findings]
    for directive in report.unused_disables:
        line, col = report.draft.line_col(directive.start)
        quoted = clip(report.draft.text[directive.start : directive.end]) if directive.end else "front matter"
        lines.append(
            f"{report.draft.path}:{line}:{col}  warning  unused-disable  {quoted} suppresses nothing\n"
        )
    score = report.score
    head = f"{report.draft.label}: score {score.value}/100, grade {score.grade}"
    breakdown = ", ".join(p.signed() + (f" (x{p.count})" if p.count > 1 else "") for p in score.breakdown)
    lines.append(head + (f"  [{breakdown}]" if breakdown else "  [no findings]"))
    return "\n".join(lines)


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
