"""What checking one draft produced. A light module (no spaCy), so cached results can be shown
without loading the pipeline."""

from __future__ import annotations

from dataclasses import dataclass

from pitchlint.directives import Directive
from pitchlint.draft import Draft
from pitchlint.findings import Finding
from pitchlint.score import Score


@dataclass(frozen=True)
class Report:
    draft: Draft
    findings: tuple[Finding, ...]
    score: Score
    unused_disables: tuple[Directive, ...] = ()  # disable comments that silenced nothing


def with_added(report: Report, findings: tuple[Finding, ...], score: Score) -> Report:
    """The report with more findings (from the rules across emails) in order, and its new score."""
    merged = tuple(sorted((*report.findings, *findings), key=lambda f: f.sort_key))
    return Report(report.draft, merged, score, report.unused_disables)
