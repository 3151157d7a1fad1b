"""Checking many emails: the per-email rules in one process or several, then the rules across
emails (sequences, the whole batch) in this one.

Workers each load the pipeline once and take drafts in chunks. A draft travels without its
Origin (a CSV row's origin holds the whole file) and gets it back, with its findings' line and
column taken again from it, when the report returns."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from pitchlint.across import run_across_rules
from pitchlint.config import Config
from pitchlint.draft import Draft
from pitchlint.engine import Engine
from pitchlint.inputs.load import Loaded
from pitchlint.report import Report

CHUNK = 64  # drafts per task: large enough to batch nlp.pipe, small enough to share out
Progress = Callable[[int], None]  # called with the number of emails just finished


def check_loaded(
    engine: Engine, loaded: Loaded, *, jobs: int = 1, progress: Progress | None = None
) -> list[Report]:
    """Reports for every email loaded, in order, with the rules across emails applied."""
    drafts = [email.draft for email in loaded.emails]
    reports = check_drafts(engine, drafts, jobs=jobs, progress=progress)
    return run_across_rules(engine, loaded.emails, reports, loaded.sequences)


def check_drafts(
    engine: Engine, drafts: Sequence[Draft], *, jobs: int = 1, progress: Progress | None = None
) -> list[Report]:
    chunks = [drafts[i : i + CHUNK] for i in range(0, len(drafts), CHUNK)]
    jobs = max(1, min(jobs, len(chunks)))
    reports: list[Report] = []
    if jobs == 1:
        for chunk in chunks:
            reports.extend(engine.check(chunk))
            if progress:
                progress(len(chunk))
        return reports
    bare = [[dataclasses.replace(d, origin=None) for d in chunk] for chunk in chunks]
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(engine.config,)) as pool:
        for chunk, (checked, failures) in zip(chunks, pool.map(_check_chunk, bare), strict=True):
            reports.extend(_restore(report, draft) for report, draft in zip(checked, chunk, strict=True))
            engine.failures.extend(failures)  # the worker printed them; the run still exits 2
            if progress:
                progress(len(chunk))
    return reports


# below this many emails, starting workers (each loads the pipeline) costs more than it saves
PARALLEL_FROM = 500


def jobs_for(count: int, requested: int | None) -> int:
    """`--jobs` as given; else one process for a small batch and one per core (up to 4) for a
    large one (benchmarks/grade_speed.py: 2 workers grade 5,000 emails 1.8x as fast as one)."""
    if requested is not None:
        return requested
    return max(1, min(4, os.cpu_count() or 1)) if count >= PARALLEL_FROM else 1


_WORKER: Engine | None = None


def _start_worker(config: Config) -> None:
    global _WORKER
    _WORKER = Engine(config)


def _check_chunk(drafts: list[Draft]) -> tuple[list[Report], list[str]]:
    assert _WORKER is not None
    before = len(_WORKER.failures)
    return _WORKER.check(drafts), _WORKER.failures[before:]


def _restore(report: Report, draft: Draft) -> Report:
    """The report on the draft with its Origin back, findings located in the original file."""
    if draft.origin is None:
        return report
    findings = []
    for finding in report.findings:
        line, col = draft.line_col(finding.start)
        findings.append(dataclasses.replace(finding, line=line, col=col))
    return dataclasses.replace(report, draft=draft, findings=tuple(findings))
