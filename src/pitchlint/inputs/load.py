"""Paths to EmailInputs: each file read by the reader its suffix names, folders expanded to
every file a reader takes, and anything unreadable reported with its path (and row) and
skipped, so the rest of a batch is still graded."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pitchlint.draft import Draft, DraftError, parse_draft
from pitchlint.inputs import EmailInput
from pitchlint.inputs.columns import NO_COLUMNS, Columns
from pitchlint.inputs.sequence import SequenceInfo
from pitchlint.limits import DEFAULT_LIMITS, Limits
from pitchlint.sources import DRAFT_SUFFIXES, Skipped, decode, read_bytes, within_limit

HTML_SUFFIXES = (".html", ".htm")
EML_SUFFIXES = (".eml",)
MBOX_SUFFIXES = (".mbox",)
CSV_SUFFIXES = (".csv",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SEQUENCE_SUFFIXES = (".yaml", ".yml")
ALL_SUFFIXES = (
    *DRAFT_SUFFIXES,
    *HTML_SUFFIXES,
    *EML_SUFFIXES,
    *MBOX_SUFFIXES,
    *CSV_SUFFIXES,
    *JSONL_SUFFIXES,
    *SEQUENCE_SUFFIXES,
)


@dataclass
class Loaded:
    emails: list[EmailInput] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    sequences: list[SequenceInfo] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how a file was read ("read body `Copy`")


def load_inputs(
    paths: Iterable[str], limits: Limits = DEFAULT_LIMITS, columns: Columns = NO_COLUMNS
) -> Loaded:
    """Every email the paths hold. This is the one place where an input that cannot be
    taken becomes a Skipped with its reason (every command reads through it): whatever one
    file does, the others are still read."""
    loaded = Loaded()
    loaded.emails.extend(iter_inputs(paths, loaded, limits, columns))
    return loaded


def iter_inputs(
    paths: Iterable[str], into: Loaded, limits: Limits = DEFAULT_LIMITS, columns: Columns = NO_COLUMNS
) -> Iterator[EmailInput]:
    """The emails the paths hold, as the caller asks for them: folders are walked as they go,
    not listed first, and a CSV, JSONL or mbox batch gives its emails a row or message at a
    time, so `grade` over a million emails holds one file's text and a chunk of emails. What
    is skipped, the sequence files and the notes go into `into` as they are met."""
    for raw, explicit in _expand(paths):
        yield from _load_one(raw, explicit, limits, into, columns=columns)


def load_text(
    name: str, data: bytes, limits: Limits = DEFAULT_LIMITS, columns: Columns = NO_COLUMNS
) -> Loaded:
    """The emails of `data` read as the file `name` would be (its suffix picks the reader),
    for text that is not on disk yet: an editor's buffer, a pasted draft, stdin with
    `--stdin-filename`."""
    loaded = Loaded()
    loaded.emails.extend(_load_one(name, True, limits, loaded, data, columns=columns))
    return loaded


def _load_one(
    raw: str,
    explicit: bool,
    limits: Limits,
    loaded: Loaded,
    data: bytes | None = None,
    *,
    columns: Columns = NO_COLUMNS,
) -> Iterator[EmailInput]:
    """The emails of one file; what it skips goes into `loaded`. A file that cannot be read
    becomes a Skipped; one that breaks part way keeps the emails read before the break."""
    taken = 0
    try:
        for email in _read(raw, explicit, loaded, limits, data, columns):
            size = len(email.draft.text)
            if size > limits.characters:
                reason = (
                    f"{email.email_id}: {size:,} characters, over the limit of {limits.characters:,}"
                    " (config `limits: {characters: N}`), skipped"
                )
                loaded.skipped.append(Skipped(email.email_id, reason))
                continue
            taken += 1
            yield email
    except DraftError as exc:
        loaded.skipped.append(Skipped(raw, str(exc)))
    except (RecursionError, MemoryError, ValueError, LookupError, OverflowError, TypeError) as exc:
        # a reader's bug or a library's limit on a hostile file: this file, not the batch
        rest = f"; the rest of it after {taken:,} emails skipped" if taken else ", skipped"
        reason = f"{raw}: could not be read ({type(exc).__name__}: {_short(exc)}){rest}"
        loaded.skipped.append(Skipped(raw, reason))


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 160 else text[:157] + "..."


def _expand(paths: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Files as given (explicit), folders expanded to the files a reader takes, in sorted
    order (a folder's entries by name, each subfolder where its name sorts), hidden ones left
    out."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            yield from ((str(child), False) for child in _walk(path))
        else:
            yield raw, True


def _walk(folder: Path) -> Iterator[Path]:
    """The files under `folder` that a reader takes, one directory listed at a time: the
    order of `sorted(folder.rglob("*"))`, without holding every path of a big tree. Links to
    folders are not followed (as `rglob` does not)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:  # unreadable or gone since it was listed: as rglob, passed over
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(child)
        elif _takes(child):
            yield child


def _takes(path: Path) -> bool:
    """A file in a folder that a reader takes: a README describing the folder is no email."""
    return path.is_file() and path.suffix.lower() in ALL_SUFFIXES and path.stem.upper() != "README"


def _read(
    raw: str, explicit: bool, loaded: Loaded, limits: Limits, data: bytes | None, columns: Columns
) -> Iterator[EmailInput]:
    data = read_bytes(raw, limits.bytes) if data is None else within_limit(data, raw, limits.bytes)
    if raw == "-":
        yield EmailInput(parse_draft(decode(data, "<stdin>"), "-"), "-")
        return
    path = Path(raw)
    suffix = path.suffix.lower()
    if suffix in EML_SUFFIXES:
        from pitchlint.inputs.eml import read_eml

        yield from read_eml(raw, data)
        return
    if suffix in MBOX_SUFFIXES:
        from pitchlint.inputs.mbox import iter_mbox

        yield from _kept_apart(iter_mbox(raw, data), loaded)
        return
    text = decode(data, raw)
    del data  # a batch's bytes: its text is what the emails point into
    if not text.strip():
        loaded.skipped.append(Skipped(raw, f"{raw}: empty file, skipped", error=False))
        return
    if suffix in SEQUENCE_SUFFIXES:
        yield from _read_sequence(raw, text, explicit, loaded)
    elif suffix in HTML_SUFFIXES:
        from pitchlint.inputs.html import read_html

        yield from read_html(raw, text)
    elif suffix in CSV_SUFFIXES or suffix in JSONL_SUFFIXES:
        yield from _read_rows(raw, text, suffix, explicit, loaded, limits, columns)
    else:
        yield EmailInput(parse_draft(text, raw), raw)


def _kept_apart(items: Iterator[EmailInput | Skipped], loaded: Loaded) -> Iterator[EmailInput]:
    """A batch reader's emails, what it skipped put into `loaded` as it goes."""
    for item in items:
        if isinstance(item, Skipped):
            loaded.skipped.append(item)
        else:
            yield item


def _read_sequence(raw: str, text: str, explicit: bool, loaded: Loaded) -> Iterator[EmailInput]:
    from pitchlint.inputs.sequence import is_sequence, read_sequence

    if not is_sequence(text):
        # a repository's other YAML (CI, config) is no email: in a folder it is passed over;
        # named (a pre-commit hook names every staged .yaml) it is reported, but not an error
        if explicit:
            reason = f"{raw}: not a sequence file (no top-level `steps:` list), skipped"
            loaded.skipped.append(Skipped(raw, reason, error=False))
        return
    emails, info = read_sequence(raw, text)
    loaded.sequences.append(info)
    yield from emails


def _read_rows(
    raw: str, text: str, suffix: str, explicit: bool, loaded: Loaded, limits: Limits, columns: Columns
) -> Iterator[EmailInput]:
    """A CSV or JSONL batch's emails as they are read; its sequences (a `Sequence` column)
    once the last row is in."""
    from pitchlint.inputs.tabular import NotABatch, iter_csv, iter_jsonl, sequences_of

    if suffix in CSV_SUFFIXES:
        fields = limits.field_characters
        rows = iter_csv(raw, text, field_limit=fields, columns=columns, notes=loaded.notes)
    else:
        rows = iter_jsonl(raw, text, columns=columns)
    steps: list[tuple[str, int | None]] = []  # each sequence row's (sequence, step), not the row
    try:
        for email in _kept_apart(rows, loaded):
            if email.sequence is not None:
                steps.append((email.sequence, email.step))
            yield email
    except NotABatch as exc:  # raised at the header, before any row
        if explicit:
            raise
        # a data file in a folder of templates: said, but not the exit 2 of an unreadable input
        loaded.skipped.append(Skipped(raw, str(exc), error=False))
        return
    loaded.sequences.extend(sequences_of(steps))


def load_drafts(paths: Iterable[str], limits: Limits = DEFAULT_LIMITS) -> tuple[list[Draft], list[Skipped]]:
    """The drafts of every email the paths hold, and what was skipped (for callers that need
    no sequence or batch structure)."""
    loaded = load_inputs(paths, limits)
    return [email.draft for email in loaded.emails], loaded.skipped
