"""Paths to EmailInputs: each file read by the reader its suffix names, folders expanded to
every file a reader takes, and anything unreadable reported with its path (and row) and
skipped, so the rest of a batch is still graded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pitchlint.draft import DraftError, parse_draft
from pitchlint.inputs import EmailInput
from pitchlint.inputs.sequence import SequenceInfo
from pitchlint.sources import DRAFT_SUFFIXES, Skipped, decode, read_bytes, read_draft

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


def load_inputs(paths: Iterable[str]) -> Loaded:
    loaded = Loaded()
    for raw, explicit in _expand(paths):
        try:
            _read(raw, explicit, loaded)
        except DraftError as exc:
            loaded.skipped.append(Skipped(raw, str(exc)))
    return loaded


def _expand(paths: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Files as given (explicit), folders expanded to the files a reader takes, sorted."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if _takes(child) and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    yield str(child), False
        else:
            yield raw, True


def _takes(path: Path) -> bool:
    """A file in a folder that a reader takes: a README describing the folder is no email."""
    return path.is_file() and path.suffix.lower() in ALL_SUFFIXES and path.stem.upper() != "README"


def _read(raw: str, explicit: bool, loaded: Loaded) -> None:
    if raw == "-":
        loaded.emails.append(EmailInput(read_draft("-"), "-"))
        return
    path = Path(raw)
    data = read_bytes(raw)
    suffix = path.suffix.lower()
    if suffix in EML_SUFFIXES:
        from pitchlint.inputs.eml import read_eml

        loaded.emails.extend(read_eml(raw, data))
        return
    if suffix in MBOX_SUFFIXES:
        from pitchlint.inputs.mbox import read_mbox

        emails, skipped = read_mbox(raw, data)
        loaded.emails.extend(emails)
        loaded.skipped.extend(skipped)
        return
    text = decode(data, raw)
    if not text.strip():
        loaded.skipped.append(Skipped(raw, f"{raw}: empty file, skipped", error=False))
        return
    if suffix in SEQUENCE_SUFFIXES:
        _read_sequence(raw, text, explicit, loaded)
    elif suffix in HTML_SUFFIXES:
        from pitchlint.inputs.html import read_html

        loaded.emails.extend(read_html(raw, text))
    elif suffix in CSV_SUFFIXES or suffix in JSONL_SUFFIXES:
        _read_rows(raw, text, suffix, explicit, loaded)
    else:
        loaded.emails.append(EmailInput(parse_draft(text, raw), raw))


def _read_sequence(raw: str, text: str, explicit: bool, loaded: Loaded) -> None:
    from pitchlint.inputs.sequence import is_sequence, read_sequence

    if not is_sequence(text):
        # a repository's other YAML (CI, config) is no email: in a folder it is passed over;
        # named (a pre-commit hook names every staged .yaml) it is reported, but not an error
        if explicit:
            reason = f"{raw}: not a sequence file (no top-level `steps:` list), skipped"
            loaded.skipped.append(Skipped(raw, reason, error=False))
        return
    emails, info = read_sequence(raw, text)
    loaded.emails.extend(emails)
    loaded.sequences.append(info)


def _read_rows(raw: str, text: str, suffix: str, explicit: bool, loaded: Loaded) -> None:
    from pitchlint.inputs.tabular import NotABatch, read_csv, read_jsonl

    reader: Callable[[str, str], tuple[list[EmailInput], list[Skipped]]]
    reader = read_csv if suffix in CSV_SUFFIXES else read_jsonl
    try:
        emails, skipped = reader(raw, text)
    except NotABatch:
        if explicit:
            raise
        return  # a data file in a folder of templates
    loaded.emails.extend(emails)
    loaded.skipped.extend(skipped)
