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
