"""The one pipeline that `check`, `grade`, `rewrite` and `explain` share: the config that
governs each file, one engine per config, the results cache, worker processes for a big
batch, the rules across emails, and the `--fix` driver. The CLI parses options, calls these,
renders and exits; nothing here prints.

Workers each load the pipeline once and take drafts in chunks. A draft travels without its
Origin (a CSV row's origin holds the whole file) and gets it back, with its findings' line and
column taken again from it, when the report returns."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import itertools
import os
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pitchlint.cluster import IN_FLIGHT_PER_WORKER, Checked  # no dask: it is imported for --dask
from pitchlint.config import Config, find_config, load_config
from pitchlint.draft import Draft, DraftError
from pitchlint.inputs import EmailInput
from pitchlint.inputs.load import Loaded, iter_inputs, load_inputs, load_text
from pitchlint.report import Report, with_added
from pitchlint.sources import Skipped

if TYPE_CHECKING:  # the engine imports spaCy: loaded only when a draft must be parsed
    from distributed import Client

    from pitchlint.cache import AcrossResult, ResultsCache
    from pitchlint.engine import Engine
    from pitchlint.inputs.sequence import SequenceInfo
    from pitchlint.rules.schema import LoadedRule
    from pitchlint.spill import EmailSpill

CHUNK = 64  # drafts per task: large enough to batch nlp.pipe, small enough to share out
T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int], None]  # called with the number of emails just finished


def check_loaded(
    engine: Engine, loaded: Loaded, *, jobs: int = 1, progress: Progress | None = None
) -> list[Report]:
    """Every email loaded, checked by this engine with no cache, then the rules across
    emails: for callers that hold an engine of their own (a rule's tests, benchmarks). The
    commands go through `check_emails`."""
    from pitchlint.across import run_across_rules

    reports = check_drafts(engine, [email.draft for email in loaded.emails], jobs=jobs, progress=progress)
    return run_across_rules(engine, loaded.emails, reports, loaded.sequences)


def check_drafts(
    engine: Engine, drafts: Sequence[Draft], *, jobs: int = 1, progress: Progress | None = None
) -> list[Report]:
    return list(iter_check_drafts(engine, drafts, jobs=jobs, progress=progress))


def iter_check_drafts(
    engine: Engine,
    drafts: Iterable[Draft],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    cluster: Client | None = None,
) -> Iterator[Report]:
    """The drafts' reports in order, a chunk at a time (in `jobs` processes, or on the workers
    of a Dask `cluster`), taking the drafts as it goes: a caller that reads them lazily and
    keeps each report on disk never holds them all."""
    chunks = _chunked(drafts, CHUNK)
    ahead = list(itertools.islice(chunks, max(1, jobs)))  # no more workers than chunks
    jobs = max(1, min(jobs, len(ahead)))
    chunks = itertools.chain(ahead, chunks)
    if jobs == 1 and cluster is None:
        try:
            for chunk in chunks:
                checked = engine.check(chunk)
                if len(chunk) == CHUNK:  # more may follow: a long run frees each chunk's parses
                    release_parses(engine)
                if progress:
                    progress(len(chunk))
                yield from checked
        finally:
            gc.unfreeze()
        return
    sent: deque[list[Draft]] = deque()  # the chunks out, with their origins, in order

    def bare() -> Iterator[list[Draft]]:
        for chunk in chunks:
            sent.append(chunk)
            yield [dataclasses.replace(d, origin=None) for d in chunk]

    with contextlib.ExitStack() as stack:
        if cluster is not None:
            from pitchlint.cluster import check_chunks

            results = check_chunks(cluster, engine.config, bare(), check_on_worker)
        else:
            pool = stack.enter_context(
                ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(engine.config,))
            )
            results = _in_order(pool, _check_chunk, bare(), jobs * IN_FLIGHT_PER_WORKER)
        for checked, failures in results:
            chunk = sent.popleft()
            engine.record_failures(failures, shown=cluster is None)  # a pool worker printed them
            if progress:
                progress(len(chunk))
            yield from (_restore(report, draft) for report, draft in zip(checked, chunk, strict=True))


def _chunked(drafts: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    iterator = iter(drafts)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _in_order(pool: Executor, work: Callable[[T], R], items: Iterable[T], window: int) -> Iterator[R]:
    """`work` on each item in the pool, results in the items' order, with at most `window`
    items taken and out at once (`Executor.map` takes every item before the first result)."""
    upcoming = iter(items)
    pending: deque[Future[R]] = deque(pool.submit(work, item) for item in itertools.islice(upcoming, window))
    while pending:
        result = pending.popleft().result()
        pending.extend(pool.submit(work, item) for item in itertools.islice(upcoming, 1))
        yield result


# below this many emails, starting workers (each loads the pipeline) costs more than it saves
PARALLEL_FROM = 500


def jobs_for(count: int, requested: int | None) -> int:
    """`--jobs` as given; else one process for a small batch and one per core (up to 4) for a
    large one (benchmarks/grade_speed.py: 2 workers grade 5,000 emails 1.8x as fast as one)."""
    if requested is not None:
        return requested
    return max(1, min(4, os.cpu_count() or 1)) if count >= PARALLEL_FROM else 1


_WORKER_CONFIG: Config | None = None  # a pool worker's config, given once when it starts


def _start_worker(config: Config) -> None:
    global _WORKER_CONFIG
    _WORKER_CONFIG = config
    engine_for(config)


def _check_chunk(drafts: list[Draft]) -> Checked:
    assert _WORKER_CONFIG is not None
    return check_on_worker(_WORKER_CONFIG, drafts)


def check_on_worker(config: Config, drafts: list[Draft]) -> Checked:
    """One chunk in a worker process (of the pool, or of a Dask cluster): its process's engine
    for the config (built once and kept), and the failures of rules that raised on these drafts."""
    engine = engine_for(config)
    before = len(engine.failures)
    reports = engine.check(drafts)
    release_parses(engine)  # a worker lives for the whole run: frozen survivors are its pipeline
    return reports, engine.failures[before:]


def release_parses(engine: Engine) -> None:
    """Free what the last chunk's parses left in reference cycles: spaCy's parser step models
    and a Doc with its span groups hold arrays the collector does not count, so it ran too
    seldom and a run over 2,400 files grew by about 170 KB a file. What survives is frozen,
    so the next collection walks only the next chunk's objects (5 ms a chunk, not 90). When
    the engine lets its pipeline go (its vocabulary grew over many emails), the frozen ones
    are walked once more, as the old pipeline is among them."""
    if engine.renew_pipeline_if_grown():
        gc.unfreeze()
    gc.collect()
    gc.freeze()


def _restore(report: Report, draft: Draft) -> Report:
    """The report on the draft with its Origin back, findings located in the original file."""
    if draft.origin is None:
        return report
    findings = []
    for finding in report.findings:
        line, col = draft.line_col(finding.start)
        findings.append(dataclasses.replace(finding, line=line, col=col))
    return dataclasses.replace(report, draft=draft, findings=tuple(findings))


def _check_with_cache(
    config: Config,
    drafts: Iterable[Draft],
    cache: ResultsCache | None,
    keep: Callable[[int, Report], None],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    cluster: Client | None = None,
) -> None:
    """`keep` each draft's index and report, taking the drafts as it goes: from the results
    cache where the file, rules and config are unchanged (kept as they are met), from the
    engine (and spaCy, in `jobs` processes, loaded only when some draft is not in the cache)
    for the rest."""
    waiting: deque[int] = deque()  # the misses out to the engine, in order

    def misses() -> Iterator[Draft]:
        for index, draft in enumerate(drafts):
            hit = cache.get(draft) if cache else None
            if hit is None:
                waiting.append(index)
                yield draft
            else:
                keep(index, hit)
                if progress:
                    progress(1)

    pending = misses()
    first = next(pending, None)
    if first is None:
        return
    engine = engine_for(config)
    checked = iter_check_drafts(
        engine, itertools.chain([first], pending), jobs=jobs, progress=progress, cluster=cluster
    )
    for report in checked:
        if cache is not None:
            cache.put(report)
        keep(waiting.popleft(), report)


def fix_all(
    engine: Engine,
    drafts: list[Draft],
    failed: list[Skipped],
    *,
    write: bool,
    unsafe: bool,
    say: Callable[[str], None],
    show: Callable[[str], None],
    from_stdin: bool = False,
) -> tuple[Sequence[Report], bool]:
    """Fix each draft; write it back (or `show` the diff) and `say` what was fixed and what
    remains. The flag is true when a diff shows fixes not yet applied (exit 1, like ruff). A
    file that cannot be written is added to `failed` and left as it was; the others go on."""
    from pitchlint.fixer import fix_draft, unified_diff, write_atomic
    from pitchlint.source_edits import has_editable_source
    from pitchlint.spill import ReportSpill

    reports = ReportSpill(drafts)  # a pre-commit run over many templates holds none of them
    pending = False
    for index, draft in enumerate(drafts):
        if not has_editable_source(draft):  # an .eml, CSV row or sequence step: never rewritten
            say(f"{draft.path}: fixes apply to text, Markdown and HTML drafts only; checked")
            reports.put(index, engine.check([draft])[0])
            continue
        outcome = fix_draft(engine, draft, unsafe=unsafe)
        reports.put(index, outcome.report)
        for finding, reason in outcome.skipped:
            say(f"{draft.path}:{finding.line}:{finding.col}: {finding.rule}: fix skipped ({reason})")
        to_stdout = from_stdin or draft.path == "-"  # `--stdin-filename` names, never writes
        if to_stdout and write:
            show(outcome.file_text)
        if not outcome.changed:
            continue
        fixed = ", ".join(sorted({f.rule for f in outcome.applied}))
        if write and not to_stdout:
            try:
                write_atomic(Path(draft.path), outcome.file_text)
            except OSError as exc:
                why = exc.strerror or exc
                reason = f"{draft.path}: cannot write the fixes ({why}); the file is unchanged"
                failed.append(Skipped(draft.path, reason))
                say(f"pitchlint: {reason}")
                reports.put(index, engine.check([draft])[0])  # what the file still holds
                continue
            say(f"{draft.path}: fixed {len(outcome.applied)} ({fixed})")
        elif not write:
            pending = True
            show(unified_diff(draft.path, draft.source_text, outcome.file_text))
            say(f"{draft.path}: would fix {len(outcome.applied)} ({fixed})")
    return reports, pending


def one_input(
    path: str, config_path: Path | None, select: tuple[str, ...], ignore: tuple[str, ...]
) -> tuple[list[Draft], list[Skipped], Engine | None]:
    """The drafts of one path (read with its config's limits and `columns`), what could not
    be read, and the engine for its config (None when nothing could be read)."""
    loaded = read_inputs(config_path, (path,))
    drafts, skipped = [e.draft for e in loaded.emails], loaded.skipped
    if not drafts:
        return drafts, skipped, None
    start = Path.cwd() if path == "-" else Path(path)
    return drafts, skipped, engine_for(with_selection(config_for(config_path, start), select, ignore))


def group_by_config(emails: Sequence[EmailInput], explicit: Path | None) -> dict[Config, list[EmailInput]]:
    """The emails by the config that governs each file (`--config` governs all)."""
    groups: dict[Config, list[EmailInput]] = defaultdict(list)
    for email in emails:
        path = email.draft.path
        groups[config_for(explicit, Path.cwd() if path == "-" else Path(path))].append(email)
    return groups


def read_inputs(
    explicit: Path | None, paths: Sequence[str], *, stdin_filename: str | None = None, **columns: str | None
) -> Loaded:
    """The inputs, read with the limits and `columns` of the config that governs the first
    path (inputs are read before each file's own config is looked up, as `grade` finds its
    one), and the columns named on the command line (`--body-column` ...) over those.
    With `stdin_filename`, standard input is read as that file (`--stdin-filename`)."""
    config = _reading_config(explicit, [stdin_filename] if stdin_filename else paths)
    named = config.columns.overridden(**columns)
    if stdin_filename is None:
        return load_inputs(paths, config.limits, named)
    from pitchlint.sources import read_bytes

    try:
        data = read_bytes("-", config.limits.bytes)
    except DraftError as exc:
        return Loaded(skipped=[Skipped(stdin_filename, str(exc))])
    return load_text(stdin_filename, data, config.limits, named)


def stream_inputs(
    explicit: Path | None, paths: Sequence[str], into: Loaded, **columns: str | None
) -> Iterator[EmailInput]:
    """The inputs as `read_inputs` reads them, a file at a time as the caller takes them
    (`iter_inputs`): what is skipped, the sequence files and the notes go into `into`."""
    config = _reading_config(explicit, paths)
    return iter_inputs(paths, into, config.limits, config.columns.overridden(**columns))


def _reading_config(explicit: Path | None, paths: Sequence[str]) -> Config:
    first = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    return config_for(explicit, first if first.exists() else Path.cwd())


def config_for(explicit: Path | None, start: Path) -> Config:
    """`--config` if given, else the nearest config file at or above `start`."""
    return load_config(explicit.resolve() if explicit else find_config(start))


def with_selection(config: Config, select: tuple[str, ...], ignore: tuple[str, ...]) -> Config:
    """The config with `--select`/`--ignore` applied."""
    select, ignore = split_names(select), split_names(ignore)  # `--select a,b` as ruff takes it

    if not select and not ignore:
        return config
    return dataclasses.replace(config, select=select or config.select, ignore=(*config.ignore, *ignore))


ENGINES: dict[Config, Engine] = {}  # one per config, for the life of the process


def engine_for(config: Config) -> Engine:
    """The engine for a config, built once per process."""
    from pitchlint.engine import Engine

    if config not in ENGINES:
        ENGINES[config] = Engine(config)
    return ENGINES[config]


def failed() -> bool:
    """Whether a rule raised on some draft in this process's engines (the run exits 2)."""
    return any(engine.failures for engine in ENGINES.values())


@dataclasses.dataclass(frozen=True)
class CheckedEmails:
    emails: Sequence[EmailInput]  # as given, or kept on disk as they were read (`EmailSpill`)
    reports: Sequence[Report]  # by the emails' index


def check_emails(
    config: Config,
    emails: Iterable[EmailInput],
    loaded: Loaded,
    selection: tuple[str, ...],
    *,
    use_cache: bool | ResultsCache,
    jobs: int = 1,
    progress: Progress | None = None,
    cluster: Client | None = None,
) -> CheckedEmails:
    """Every email checked on its own (each from the cache when unchanged, the rest in `jobs`
    processes or on a Dask `cluster`), then the rules across files on this machine (their
    findings from the cache too when no file, rule or config changed), as the reduce over
    every email. `emails` may be read lazily (`iter_inputs`): they are then kept on disk as
    they come, and `loaded` (its sequence files) is complete once they are all read. More
    than one email's reports are kept on disk (`ReportSpill`) and read back as the caller
    walks them, so a run's memory does not grow with its files. `check` and `grade` both run
    this; an editor passes a cache of its own (`cache.BufferCache`)."""
    from pitchlint.cache import ResultsCache
    from pitchlint.spill import EmailSpill, ReportSpill

    if isinstance(use_cache, ResultsCache):
        cache: ResultsCache | None = use_cache
    else:
        cache = ResultsCache.for_config(config, selection) if use_cache else None
    if isinstance(emails, Sequence) and len(emails) <= 1 and not loaded.sequences:
        alone: list[Report] = []
        _check_with_cache(
            config, [e.draft for e in emails], cache, lambda _index, report: alone.append(report)
        )
        return CheckedEmails(emails, alone)
    if isinstance(emails, Sequence):
        kept: Sequence[EmailInput] = emails
        drafts: Sequence[Draft] = [e.draft for e in emails]
    else:
        spill = EmailSpill()
        kept, drafts = spill, spill.drafts
        emails = _keeping(emails, spill)
    reports = ReportSpill(drafts)
    _check_with_cache(
        config,
        (e.draft for e in emails),
        cache,
        lambda index, report: reports.put(index, report, own=True),
        jobs=jobs,
        progress=progress,
        cluster=cluster,
    )
    if len(kept) <= 1 and not loaded.sequences:  # read lazily, and one email after all
        return CheckedEmails(kept, reports)
    extra = repr(loaded.sequences)  # delays and stop_on_reply are in no draft's text
    changed = cache.get_across(drafts, extra) if cache is not None else None
    if changed is None:
        changed = _across_results(_across_engine(config), kept, reports, loaded.sequences)
        if cache is not None:
            changed = cache.putting_across(drafts, changed, extra)
    for index, findings, score in changed:  # one email's at a time, none held
        reports.put(index, with_added(reports[index], findings, score), own=True)
    return CheckedEmails(kept, reports)


def _keeping(emails: Iterable[EmailInput], spill: EmailSpill) -> Iterator[EmailInput]:
    for email in emails:
        spill.append(email)
        yield email


def _across_results(
    engine: Engine, emails: Sequence[EmailInput], reports: Sequence[Report], sequences: Sequence[SequenceInfo]
) -> Iterator[AcrossResult]:
    """What the rules across files add to each draft they fire on, and its score with them,
    draft by draft in index order as they are found."""
    from pitchlint.across import across_findings

    for index, found in across_findings(engine, emails, reports, sequences):
        added = engine.across_additions(reports[index], found)
        if added is not None:
            yield (index, *added)


def _across_engine(config: Config) -> Engine:
    """The engine for rules across files: the checking one when this run parsed drafts, else
    one that scores cached results without loading spaCy or the rewrite moves."""
    if config in ENGINES:
        return ENGINES[config]
    from pitchlint.engine import Engine

    return Engine(config, rules=rule_set(config))


def rule_set(config: Config) -> tuple[LoadedRule, ...]:
    """The bundled rules and the config's rule folders, validated as files (keys, fields,
    moves) without spaCy: for listing and documenting them and for scoring cached results.
    Their Matcher patterns are judged by spaCy when an engine that parses loads them."""
    from pitchlint.rules.loader import bundled_rules_dir, load_rules

    return load_rules([bundled_rules_dir(), *config.rule_folders], with_spacy=False)


def split_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """`--select a,b --select c` as ruff takes it."""
    return tuple(n.strip() for value in names for n in value.split(",") if n.strip())
