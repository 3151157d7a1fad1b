"""One line per finding, as ruff's concise format and Vale's line format print them: what a
pre-commit run or an editor's problem matcher reads, without the source excerpt and advice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from pitchlint.report import Report
from pitchlint.reporters.text import summary
from pitchlint.sources import Skipped


def stream(reports: Iterable[Report], skipped: Sequence[Skipped], *, quiet: bool = False) -> Iterator[str]:
    """A report's lines at a time. `quiet`: the findings only, no score lines or summary."""
    drafts = findings = 0
    for report in reports:
        path = report.draft.path
        lines = [f"{path}:{f.line}:{f.col}: {f.severity} {f.rule} {f.message}\n" for f in report.findings]
        if not quiet:
            score = report.score
            lines.append(f"{report.draft.label}: score {score.value}/100, grade {score.grade}\n")
        yield "".join(lines)
        drafts, findings = drafts + 1, findings + len(report.findings)
    if not quiet:
        yield summary(findings, drafts, skipped) + "\n"


def render_statistics(reports: Iterable[Report], skipped: Sequence[Skipped]) -> str:
    """Findings counted per rule, most frequent first (`check --statistics`, as ruff's)."""
    counts: Counter[tuple[str, str]] = Counter()
    drafts = 0
    for report in reports:
        counts.update((f.rule, str(f.severity)) for f in report.findings)
        drafts += 1
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [f"{n:>{width}}  {severity:<7}  {rule}" for (rule, severity), n in counts.most_common()]
    return "\n".join([*lines, summary(counts.total(), drafts, skipped)]) + "\n"
