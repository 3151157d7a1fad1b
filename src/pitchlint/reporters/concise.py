"""One line per finding, as ruff's concise format and Vale's line format print them: what a
pre-commit run or an editor's problem matcher reads, without the source excerpt and advice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pitchlint.report import Report
from pitchlint.reporters.text import footer
from pitchlint.sources import Skipped


def render(reports: Sequence[Report], skipped: Sequence[Skipped]) -> str:
    lines = []
    for report in reports:
        path = report.draft.path
        lines += [f"{path}:{f.line}:{f.col}: {f.severity} {f.rule} {f.message}" for f in report.findings]
        lines.append(f"{report.draft.label}: score {report.score.value}/100, grade {report.score.grade}")
    return "\n".join([*lines, footer(reports, skipped)]) + "\n"


def render_statistics(reports: Sequence[Report], skipped: Sequence[Skipped]) -> str:
    """Findings counted per rule, most frequent first (`check --statistics`, as ruff's)."""
    counts = Counter((f.rule, str(f.severity)) for r in reports for f in r.findings)
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [f"{n:>{width}}  {severity:<7}  {rule}" for (rule, severity), n in counts.most_common()]
    return "\n".join([*lines, footer(reports, skipped)]) + "\n"
