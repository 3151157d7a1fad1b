"""Command line: `pitchlint check`, `grade`, `calibrate`, `rewrite`, `explain`, `init`, `rules`
and `rule ID`.

Exit codes: 0 clean, 1 findings at or above --fail-on or a score below --fail-under,
2 usage, config or rule-file error, or an input that could not be read.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pitchlint import __version__, run, spacy_import
from pitchlint.config import ConfigError
from pitchlint.errors import ClusterError, MissingExtra, ModelError, RuleError
from pitchlint.findings import Severity
from pitchlint.inputs import EmailInput, every_variant
from pitchlint.inputs.load import Loaded
from pitchlint.report import Report
from pitchlint.reporters import FORMATS, get_reporter
from pitchlint.spill import ReadBack
from pitchlint.wording import clip

if TYPE_CHECKING:  # the engine imports spaCy: only loaded when a draft must be parsed
    from pitchlint.grading import GradedEmail

SEVERITIES = ("info", "warning", "error")


class UsageFailure(click.ClickException):
    exit_code = 2

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(f"pitchlint: error: {self.message}", err=True)


class _Commands(click.Group):
    """A rule, config or model problem found while a command runs (a python rule's params are
    checked when its code loads) is a usage error, exit 2, however the CLI is invoked."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (RuleError, ConfigError, ModelError, ClusterError, MissingExtra) as exc:
            raise UsageFailure(str(exc)) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pitchlint")
def cli() -> None:
    """Lint, grade and rewrite sales outreach emails."""
    for stream in (sys.stdout, sys.stderr):
        # a file name with undecodable bytes comes back as surrogates: print them, escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    for engine in run.ENGINES.values():  # engines are kept between calls in one process (tests)
        engine.failures.clear()
        engine.notices.clear()


def _rule_options(command):  # type: ignore[no-untyped-def]
    """--config, --select and --ignore, as `rewrite` and `explain` take them."""
    for option in (
        click.option("--ignore", multiple=True, help="Skip these rule ids or families (repeatable)."),
        click.option("--select", multiple=True, help="Only these rule ids or families (repeatable)."),
        click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
    ):
        command = option(command)
    return command


def _column_options(command):  # type: ignore[no-untyped-def]
    """--body-column, --subject-column, --step-column and --id-column: a batch's columns that
    the usual names do not find (config `columns:` names them too)."""

    def keep(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        ctx.meta.setdefault("columns", {})[param.name.removesuffix("_column")] = value

    for role, what in (
        ("id", "the email's id"),
        ("step", "the step (touch) number in a sequence"),
        ("subject", "the subject line"),
        ("body", "the email body (plain text, or HTML when its name says so)"),
    ):
        command = click.option(
            f"--{role}-column",
            expose_value=False,
            callback=keep,
            metavar="NAME",
            help=f"CSV/JSONL column of {what}.",
        )(command)
    return command


def _spintax_option(command):  # type: ignore[no-untyped-def]
    """--spintax first|every: read each spintax group as its first variant (the default), or
    check each email once per variant."""

    def keep(ctx: click.Context, param: click.Parameter, value: str) -> None:
        ctx.meta["spintax"] = value

    return click.option(
        "--spintax",
        type=click.Choice(["first", "every"]),
        default="first",
        show_default=True,
        expose_value=False,
        callback=keep,
        help="Read {Hi|Hey} spintax as its first variant, or check every variant (each reported as "
        "`file#variant N`).",
    )(command)


def _read_inputs(  # type: ignore[no-untyped-def]
    config_path: Path | None,
    paths: tuple[str, ...],
    *,
    quiet: bool = False,
    stdin_filename: str | None = None,
):
    """The inputs as check and grade read them; how each batch's columns were read (unless
    quiet), and what was skipped, go to stderr."""
    meta = click.get_current_context().meta
    loaded = run.read_inputs(config_path, paths, stdin_filename=stdin_filename, **meta.get("columns", {}))
    if meta.get("spintax") == "every":
        loaded.emails = list(every_variant(loaded.emails))
    for note in () if quiet else loaded.notes:
        click.echo(f"pitchlint: {note}", err=True)
    for item in loaded.skipped:
        click.echo(f"pitchlint: {item.reason}", err=True)
    return loaded


def _stream_inputs(config_path: Path | None, paths: tuple[str, ...], into: Loaded) -> Iterator[EmailInput]:
    """The inputs as grade reads them, a file at a time as they are graded; how each batch's
    columns were read, and what was skipped, go to stderr as each file is read."""
    meta = click.get_current_context().meta
    emails = run.stream_inputs(config_path, paths, into, **meta.get("columns", {}))
    if meta.get("spintax") == "every":
        emails = every_variant(emails)
    said = {"notes": 0, "skipped": 0}

    def say_what_is_new() -> None:
        for note in into.notes[said["notes"] :]:
            click.echo(f"pitchlint: {note}", err=True)
        for item in into.skipped[said["skipped"] :]:
            click.echo(f"pitchlint: {item.reason}", err=True)
        said.update(notes=len(into.notes), skipped=len(into.skipped))

    for email in emails:
        say_what_is_new()
        yield email
    say_what_is_new()


@cli.command()
@click.argument("paths", nargs=-1)
@_column_options
@_spintax_option
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text (or full): findings with the source line and advice; concise: one line each.",
)
@click.option("--statistics", is_flag=True, help="Print how many findings each rule made, not the findings.")
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when findings fail the check (2 still means unread input)."
)
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no score lines and no summary.")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Exit 1 when a finding is at least this severe (default: error, or config).",
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    default=None,
    help="Exit 1 when a draft scores below this.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Use this config file instead of searching upwards.",
)
@click.option("--select", multiple=True, help="Only these rule ids or families (repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or families (repeatable).")
@click.option(
    "--fix", is_flag=True, help="Apply safe fixes to the files in place (stdin: print the fixed text)."
)
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option("--no-cache", is_flag=True, help="Check every file again instead of reusing cached results.")
@click.option(
    "--show-unused-disables",
    is_flag=True,
    help="Report disable comments that suppress nothing (and exit 1 when there are any).",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="Read standard input as this file: its suffix picks the reader, and its config and "
    "per-file ignores apply (nothing is written to it; --fix prints).",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    statistics: bool,
    exit_zero: bool,
    quiet: bool,
    fail_on: str | None,
    fail_under: float | None,
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fix: bool,
    show_diff: bool,
    unsafe_fixes: bool,
    no_cache: bool,
    show_unused_disables: bool,
    stdin_filename: str | None,
) -> None:
    """Check draft files (or folders, or - for stdin) and print findings and scores.
    With --fix or --diff, what remains after fixing is reported, and the exit code is 0 when
    everything that failed the check was fixed. With no path, the current folder."""
    if stdin_filename is not None and paths not in ((), ("-",)):
        raise UsageFailure("--stdin-filename names standard input: give no path, or -")
    if (fix or show_diff) and click.get_current_context().meta.get("spintax") == "every":
        raise UsageFailure("--spintax every checks each variant; fixes are made to the file: drop one")
    paths = ("-",) if stdin_filename is not None else paths or (".",)
    loaded = _read_inputs(config_path, paths, quiet=quiet, stdin_filename=stdin_filename)
    skipped = loaded.skipped
    groups: list[tuple[list[EmailInput], Sequence[Report]]] = []  # reports on disk past one email
    failing = False
    fixing = fix or show_diff
    for config, emails in run.group_by_config(loaded.emails, config_path).items():
        config = run.with_selection(config, select, ignore)
        threshold = Severity.parse(fail_on) if fail_on else config.fail_on
        floor = fail_under if fail_under is not None else config.fail_under
        if fixing:
            write = fix and not show_diff
            checked, pending = run.fix_all(
                run.engine_for(config),
                [e.draft for e in emails],
                skipped,
                write=write,
                unsafe=unsafe_fixes,
                say=_say,
                show=_show,
                from_stdin=stdin_filename is not None,
            )
            failing |= pending
        else:
            selection = (*select, *ignore)
            checked = run.check_emails(config, emails, loaded, selection, use_cache=not no_cache).reports
        for report in checked:
            failing |= bool(report.unused_disables) and show_unused_disables
            failing |= any(f.severity >= threshold and not f.positive for f in report.findings)
            failing |= floor is not None and report.score.value < floor
        groups.append((emails, checked))
    reports = _InInputOrder(groups, loaded.emails, show_unused_disables)
    if statistics:
        from pitchlint.reporters.concise import render_statistics

        chunks: Iterable[str] = [render_statistics(reports, skipped)]
    elif quiet and fmt in ("text", "full", "concise"):
        from pitchlint.reporters import concise, text

        findings = (concise if fmt == "concise" else text).stream(reports, skipped, quiet=True)
        chunks = text.without_blank_runs(findings)
    else:
        chunks = get_reporter(fmt)(reports, skipped)
    # with stdin fixed, stdout carries the fixed text, so the report goes to stderr
    for chunk in chunks:
        click.echo(chunk, nl=False, err=fix and not show_diff and "-" in paths)
    broken = run.failed()
    sys.exit(2 if broken or any(s.error for s in skipped) else 1 if failing and not exit_zero else 0)


class _InInputOrder(ReadBack[Report]):
    """Every config group's reports in the order the inputs were given, each read back when
    a reporter reaches it (a group keeps them on disk), without the unused disable comments
    unless `--show-unused-disables` asked for them."""

    def __init__(
        self,
        groups: list[tuple[list[EmailInput], Sequence[Report]]],
        inputs: Sequence[EmailInput],
        unused: bool,
    ) -> None:
        position = {e.draft.path: i for i, e in enumerate(inputs)}
        pairs = [(g, i) for g, (emails, _) in enumerate(groups) for i in range(len(emails))]
        self._order = sorted(pairs, key=lambda gi: position[groups[gi[0]][0][gi[1]].draft.path])
        self._groups = [reports for _, reports in groups]
        self._unused = unused

    def __len__(self) -> int:
        return len(self._order)

    def item(self, index: int) -> Report:
        group, at = self._order[index]
        report = self._groups[group][at]
        return report if self._unused else dataclasses.replace(report, unused_disables=())


GRADE_FORMATS = ("table", "csv", "jsonl", "json", "html", "parquet")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_column_options
@_spintax_option
@click.option("--format", "fmt", type=click.Choice(GRADE_FORMATS), default="table", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the csv, jsonl, json, html or parquet report to this file (default: standard output; "
    "parquet needs a file).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes (default: 1, or one per core up to 4 for 500 emails or more).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Check the emails on a Dask cluster: a scheduler (tcp://host:8786), a scheduler file, "
    "or local:N for N worker processes here. Needs pip install 'pitchlint[dask]'.",
)
@click.option("--worst", type=click.IntRange(0), default=10, show_default=True, help="Worst emails listed.")
@click.option(
    "--cache/--no-cache",
    default=False,
    show_default=True,
    help="Reuse and store each email's result in .pitchlint_cache/ (as `check` does), e.g. to "
    "render the same batch again in another format. Off by default: a sent history of 100,000 "
    "emails would leave 100,000 entries.",
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    default=None,
    help="Exit 1 when any email scores below this.",
)
@_rule_options
def grade(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    jobs: int | None,
    dask_address: str | None,
    worst: int,
    cache: bool,
    fail_under: float | None,
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Grade many emails (files, folders, .eml, HTML, sequence YAML, CSV, JSONL, mbox) and
    summarise them: counts per grade, the most common smells, the worst emails. Unreadable
    inputs are reported and skipped: the rest is graded and written, then exit 2."""
    from pitchlint.grading import GradeRun

    if dask_address is not None and jobs is not None:
        raise UsageFailure("--jobs and --dask both say where to grade: give one")
    if fmt == "parquet":
        from pitchlint.reporters.grade_parquet import require_pyarrow

        if output is None:
            raise UsageFailure("--format parquet writes a file: give -o FILE")
        require_pyarrow()  # before grading, not after a million emails
    loaded = Loaded()  # what was skipped and the sequence files, filled as the inputs are read
    stream = _stream_inputs(config_path, paths, loaded)
    ahead = list(itertools.islice(stream, run.PARALLEL_FROM))  # enough to choose the workers
    if not ahead:
        sys.exit(2)
    total = len(ahead) if len(ahead) < run.PARALLEL_FROM else None  # else known once all are read
    config = run.with_selection(run.config_for(config_path, _start(paths)), select, ignore)
    with _progress(total) as advance, _cluster(dask_address) as cluster:
        checked = run.check_emails(
            config,
            itertools.chain(ahead, stream),
            loaded,
            (*select, *ignore),
            use_cache=cache,
            jobs=run.jobs_for(len(ahead), jobs),
            progress=advance,
            cluster=cluster,
        )
    del ahead
    reports = checked.reports
    emails = _Graded(checked.emails, reports)
    graded = GradeRun(emails, tuple(loaded.skipped))
    if fmt == "table":
        from pitchlint.reporters.grade_table import print_summary

        if output is None:
            print_summary(graded, worst=worst)
        else:
            buffer = io.StringIO()
            print_summary(graded, buffer, worst=worst)
            _write_output(output, buffer.getvalue())
    else:
        chunks = _grade_report(graded, fmt)
        if output is None:
            for chunk in chunks:
                click.echo(chunk, nl=False)
        else:
            _write_output(output, chunks)
            click.echo(f"pitchlint: wrote {output} ({len(emails)} emails)", err=True)
    failing = fail_under is not None and any(r.score.value < fail_under for r in reports)
    unread = any(s.error for s in loaded.skipped)  # graded the rest, but an input was lost
    sys.exit(2 if run.failed() or unread else 1 if failing else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--labels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A CSV/TSV of labels: a file or id column and a label (good/bad, replied yes/no) or reply-rate "
    "column; optionally group (source, campaign) and touch. Default: labels.csv, labels.tsv or "
    "SOURCES.tsv in each folder, or a batch's own label column.",
)
@click.option(
    "--label-column", default=None, help="The label column's name, when it is not one pitchlint knows."
)
@click.option(
    "--group-column", default=None, help="The column that groups emails (campaign, source, sender)."
)
@click.option(
    "--good-rate",
    type=click.FloatRange(0, 1),
    default=0.08,
    show_default=True,
    help="A reply rate at least this is good.",
)
@click.option(
    "--bad-rate",
    type=click.FloatRange(0, 1),
    default=0.02,
    show_default=True,
    help="A reply rate below this is bad.",
)
@click.option(
    "--folds", type=click.IntRange(2, 50), default=5, show_default=True, help="Cross-validation folds."
)
@click.option(
    "--repeats", type=click.IntRange(1, 50), default=5, show_default=True, help="Shuffles of the folds."
)
@click.option(
    "--bootstrap", type=click.IntRange(0), default=2000, show_default=True, help="Bootstrap resamples."
)
@click.option(
    "--prior-strength",
    type=click.FloatRange(0, min_open=True),
    default=2.0,
    show_default=True,
    help="How strongly weights are pulled toward the ones in use (higher: the data move them less).",
)
@click.option(
    "--fp-cost",
    type=click.FloatRange(0, min_open=True),
    default=1.5,
    show_default=True,
    help="How much more a good email graded down costs than a bad one graded up.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed of folds and bootstrap.")
@click.option(
    "--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes."
)
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the fitted weights here (load them with `weights-file:` in config).",
)
@_rule_options
def calibrate(
    paths: tuple[str, ...],
    labels: Path | None,
    label_column: str | None,
    group_column: str | None,
    good_rate: float,
    bad_rate: float,
    folds: int,
    repeats: int,
    bootstrap: int,
    prior_strength: float,
    fp_cost: float,
    seed: int,
    jobs: int,
    fmt: str,
    output: Path | None,
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Fit the rules' weights to real outcomes: emails labelled good (replied) or bad, as a
    folder of drafts with a labels file or a batch export with a label column. Prints each
    rule's hit rate on good and bad email, the AUC of the weights in use and of fitted ones
    (cross-validated by group, with a bootstrap interval) and the seed table; `-o` writes the
    fitted weights for config's `weights-file:`."""
    try:
        from pitchlint.calibration import render
        from pitchlint.calibration.labels import LabelError, Thresholds
        from pitchlint.calibration.run import NotEnoughLabels, Options
        from pitchlint.calibration.run import calibrate as run_calibration
    except ImportError as exc:  # scikit-learn / scipy: the `calibrate` extra
        raise UsageFailure(
            f"calibrate needs scikit-learn: pip install 'pitchlint[calibrate]' ({exc})"
        ) from None
    if bad_rate > good_rate:
        raise UsageFailure("--bad-rate must not be above --good-rate")
    config = run.with_selection(run.config_for(config_path, _start(paths)), select, ignore)
    options = Options(
        labels=labels,
        label_column=label_column,
        group_column=group_column,
        thresholds=Thresholds(good=good_rate, bad=bad_rate),
        folds=folds,
        repeats=repeats,
        bootstrap=bootstrap,
        prior_strength=prior_strength,
        fp_cost=fp_cost,
        seed=seed,
        jobs=jobs,
    )
    try:
        result = run_calibration(list(paths), run.engine_for(config), options)
    except (LabelError, NotEnoughLabels) as exc:
        raise UsageFailure(str(exc)) from None
    for item in result.skipped:
        click.echo(f"pitchlint: {item.reason}", err=True)
    click.echo(render.render_json(result) if fmt == "json" else render.render_text(result), nl=False)
    if output is not None:
        _write_output(output, render.weights_file_text(result, list(paths)))
        click.echo(f"pitchlint: wrote {output}", err=True)


def _write_output(path: Path, text: str | Iterable[str] | Iterable[bytes]) -> None:
    """A report or weights file written in one step; a full disk or a read-only folder is a
    message (exit 2), and whatever was at `path` before is left as it was."""
    from pitchlint.fixer import write_atomic

    try:
        write_atomic(path, text)
    except OSError as exc:
        raise UsageFailure(f"{path}: cannot write ({exc.strerror or exc}); nothing was changed") from None


def _cluster(address: str | None):  # type: ignore[no-untyped-def]
    """A Dask client for `--dask` (dask is imported only then), else no cluster."""
    import contextlib

    if address is None:
        return contextlib.nullcontext(None)
    from pitchlint.cluster import connect

    return connect(address)


def _grade_report(graded, fmt: str) -> Iterator[str] | Iterator[bytes]:  # type: ignore[no-untyped-def]
    if fmt == "html":
        from pitchlint.reporters.grade_html import stream_grade_html

        return stream_grade_html(graded)
    if fmt == "parquet":
        from pitchlint.reporters.grade_parquet import stream_parquet

        return stream_parquet(graded)
    from pitchlint.reporters.grade_files import stream_csv, stream_json, stream_jsonl

    return {"csv": stream_csv, "jsonl": stream_jsonl, "json": stream_json}[fmt](graded)


class _Graded(ReadBack["GradedEmail"]):
    """The graded emails of a run, each made when asked for from its input and its report
    (which `check_emails` keeps on disk): a run of many emails holds none of them."""

    def __init__(self, inputs: Sequence[EmailInput], reports: Sequence[Report]) -> None:
        self._inputs = inputs
        self._reports = reports

    def __len__(self) -> int:
        return len(self._inputs)

    def item(self, index: int) -> GradedEmail:
        from pitchlint.grading import GradedEmail

        email = self._inputs[index]
        return GradedEmail(self._reports[index], email.email_id, email.template, email.sender)


def _progress(total: int | None):  # type: ignore[no-untyped-def]
    """A progress bar on stderr for long runs on a terminal (`total` None: a run too long to
    count before it starts); otherwise nothing is shown."""
    import contextlib

    if (total is not None and total < 50) or not sys.stderr.isatty():
        return contextlib.nullcontext(None)

    @contextlib.contextmanager
    def bar():  # type: ignore[no-untyped-def]
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("grading", total=total)
            yield lambda done: progress.advance(task, done)

    return bar()


@cli.command()
@click.argument("path")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print a unified diff instead of the rewritten draft."
)
@_rule_options
def rewrite(
    path: str, show_diff: bool, config_path: Path | None, select: tuple[str, ...], ignore: tuple[str, ...]
) -> None:
    """Print a rewritten draft: every fix and suggested rewrite applied, each change named
    with its rule (on stderr, with the score before and after). Writes nothing. With --diff,
    exit 1 while there are changes, as `check --diff` does with pending fixes."""
    from pitchlint.fixer import as_sent_report, rewrite_draft, unified_diff
    from pitchlint.source_edits import has_editable_source

    drafts, engine = _one_input(path, config_path, select, ignore)
    changed = False
    for draft in drafts:
        (before,) = engine.check([draft])
        outcome = rewrite_draft(engine, draft)
        as_sent = as_sent_report(engine, outcome.draft)
        changed |= outcome.draft.text != draft.text
        if show_diff:
            click.echo(unified_diff(draft.label, draft.source_text, outcome.file_text), nl=False)
        elif len(drafts) == 1 and has_editable_source(draft):  # an HTML template comes back as HTML
            click.echo(outcome.file_text, nl=False)
        elif len(drafts) > 1:  # a CSV, mbox or sequence: each email on its own, labelled
            text = outcome.draft.text
            click.echo(f"==> {draft.label} <==\n{text}" + ("" if text.endswith("\n") else "\n"))
        else:
            click.echo(outcome.draft.text, nl=False)
        click.echo(_rewrite_summary(draft.label, before, outcome, as_sent), err=True, nl=False)
    sys.exit(1 if show_diff and changed else 0)


def _rewrite_summary(path: str, before: Report, outcome, as_sent: Report) -> str:  # type: ignore[no-untyped-def]
    """The score before and after, the after-score as sent now (every placeholder a finding)
    beside the score once they are filled, then each change and what is left."""
    from pitchlint.fixer import LOWERS, UNPLACED, WITHHELD, score_after
    from pitchlint.fixes import shown_change
    from pitchlint.mergetags import count_placeholders

    was = f"{before.score.value:.0f} {before.score.grade}"
    after = score_after(as_sent.score, outcome.report.score, count_placeholders(outcome.draft.text))
    lines = [f"{path}: {len(outcome.changes)} changes, score {was} -> {after}"]
    for change in outcome.changes:
        lines.append(f"  {change.rule}: {change.title}")
        lines += [f"    {sign} {clip(words)}" for sign, words in shown_change(change.before, change.after)]
    placeholders = count_placeholders(outcome.draft.text)
    if placeholders:
        lines.append(
            f"  fill the {placeholders} {{…}} placeholder{'s' if placeholders > 1 else ''} with"
            " facts you know before sending; pitchlint never invents them"
        )
    for reason, shown in (
        (WITHHELD, "the email grades A as sent and a {…} blank would lower it"),
        (LOWERS, "the score would go down"),
        (UNPLACED, "the change would cut across the HTML markup"),
    ):
        rules = sorted({finding.rule for finding, why in outcome.skipped if why == reason})
        if rules:
            lines.append(f"  not applied, as {shown}: {', '.join(rules)}")
    for finding in outcome.report.findings:
        lines.append(f"  left: {finding.rule} ({finding.severity}): {clip(finding.matched)}")
    return "\n".join(lines) + "\n"


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@_rule_options
def explain(
    path: str, fmt: str, config_path: Path | None, select: tuple[str, ...], ignore: tuple[str, ...]
) -> None:
    """Show how one draft was read: zones, sentences, clause agency, question classes, asks and
    gives, hedges, merge tags, metrics and the findings."""
    import json

    from pitchlint.explain import explain_data, render_text

    drafts, engine = _one_input(path, config_path, select, ignore)
    for report, analysis in engine.inspect(drafts):
        data = explain_data(report, analysis)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False) if fmt == "json" else render_text(data))


@cli.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing .pitchlint.yaml.")
def init(folder: Path, force: bool) -> None:
    """Write a commented starter .pitchlint.yaml into FOLDER (default: here)."""
    from pitchlint.starter import STARTER_CONFIG

    target = folder / ".pitchlint.yaml"
    if target.exists() and not force:
        raise UsageFailure(f"{target} exists; use --force to overwrite it")
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(STARTER_CONFIG, encoding="utf-8")
    click.echo(f"wrote {target}")


@cli.command(name="rules")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--markdown", is_flag=True, help="Print the README's rule table.")
def list_rules(config_path: Path | None, markdown: bool) -> None:
    """List every rule: id, family, severity and what it flags."""
    config = run.config_for(config_path, Path.cwd())
    rules = run.rule_set(config)
    if markdown:
        from pitchlint.docs import rules_table

        click.echo(rules_table(rules))
        return
    width = max(len(r.id) for r in rules)
    for rule in rules:
        click.echo(f"{rule.id:<{width}}  {rule.family:<12} {rule.spec.severity:<8} {rule.spec.summary}")


@cli.command(name="test-rules")
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def test_rules(folders: tuple[Path, ...], config_path: Path | None) -> None:
    """Run a rule folder's examples as tests (default: the config's rule-folders): each bad
    example must fire on its `match` and fix to its `fixed`, each good one must stay quiet.
    Exit 1 when one fails."""
    from pitchlint.rules.examples import ExampleJudge
    from pitchlint.rules.loader import bundled_rules_dir, load_rules

    config = run.config_for(config_path, Path.cwd())
    chosen = tuple(f.resolve() for f in folders) or config.rule_folders
    if not chosen:
        raise UsageFailure("no rule folder: name one, or set `rule-folders` in the config")
    rules = load_rules([bundled_rules_dir(), *dict.fromkeys((*config.rule_folders, *chosen))])
    judged = [r for r in rules if any(r.path.resolve().is_relative_to(f) for f in chosen)]
    failed = total = 0
    for result in ExampleJudge(rules, config).results(judged):
        total += 1
        if result.problem is not None:
            failed += 1
            click.echo(f"FAIL {result.where}: {result.problem}")
    rules_word = "rule" if len(judged) == 1 else "rules"
    click.echo(f"{total} examples of {len(judged)} {rules_word}: {total - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


@cli.command(name="rule")
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def show_rule(rule_id: str, config_path: Path | None) -> None:
    """Print one rule's documentation."""
    from pitchlint.docs import rule_page

    config = run.config_for(config_path, Path.cwd())
    rules = {r.id: r for r in run.rule_set(config)}
    if rule_id not in rules:
        import difflib

        hint = difflib.get_close_matches(rule_id, sorted(rules), n=1)
        raise UsageFailure(f"unknown rule {rule_id!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    click.echo(rule_page(rules[rule_id], config))


@cli.command(name="server")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def language_server(config_path: Path | None) -> None:
    """Run the language server on stdin/stdout, for an editor to start: diagnostics as you
    type, fixes and disable comments as code actions, rule docs on hover."""
    from pitchlint.editor.lsp import serve_stdio

    serve_stdio(config_path)


@cli.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Listen on an address other than loopback: anyone who reaches it can send drafts.",
)
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def serve_page(
    host: str, port: int, open_browser: bool, allow_remote: bool, config_path: Path | None
) -> None:
    """Serve a local page to paste a draft and see its grade, findings, fixes and rewrite,
    with JSON endpoints (POST /check, /rewrite, /explain) for scripts."""
    from pitchlint.editor.session import Session
    from pitchlint.editor.web import LOOPBACK, serve

    if host not in LOOPBACK and not allow_remote:
        raise UsageFailure(f"refusing to listen on {host}: not loopback (add --allow-remote to mean it)")
    serve(Session(config_path), host, port, open_browser=open_browser)


def _start(paths: Sequence[str]) -> Path:
    """Where a batch's one config is looked up: from its first path."""
    first = Path(paths[0])
    return first if first.exists() else Path.cwd()


def _say(message: str) -> None:
    click.echo(message, err=True)


def _show(text: str) -> None:
    click.echo(text, nl=False)


def _one_input(path: str, config_path: Path | None, select: tuple[str, ...], ignore: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The drafts of one path and the engine for its config; exit 2 when it cannot be read."""
    drafts, skipped, engine = run.one_input(path, config_path, select, ignore)
    for item in skipped:
        _say(f"pitchlint: {item.reason}")
    if engine is None:
        sys.exit(2)
    return drafts, engine


def main() -> None:
    spacy_import.install()  # before any command imports spaCy: its CLI is not needed
    try:
        cli(standalone_mode=True)
    except (RuleError, ConfigError, ModelError, ClusterError, MissingExtra) as exc:
        click.echo(f"pitchlint: error: {exc}", err=True)
        sys.exit(2)


__all__ = ["cli", "main"]
