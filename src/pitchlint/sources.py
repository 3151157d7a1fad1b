"""Reading drafts from paths, folders and stdin: decoded, parsed, or reported and skipped."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pitchlint.draft import Draft, DraftError, parse_draft

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".email")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders expanded to their draft files, sorted; '-' is stdin."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if _is_draft_file(child) and not _hidden(child, path):
                    yield str(child)
        else:
            yield raw


def _is_draft_file(path: Path) -> bool:
    """Draft files in a folder; a README describing the folder is not a draft."""
    return path.is_file() and path.suffix.lower() in DRAFT_SUFFIXES and path.stem.upper() != "README"


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a BOM is allowed); binary or undecodable input is a DraftError."""
    if b"\x00" in data[:8192]:
        raise DraftError(f"{where}: binary file (contains NUL bytes), skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DraftError(f"{where}: not UTF-8 text (byte {exc.start}), skipped") from None


def read_draft(raw: str) -> Draft:
    if raw == "-":
        data = sys.stdin.buffer.read()
        return parse_draft(decode(data, "<stdin>"), "-")
    path = Path(raw)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DraftError(f"{raw}: no such file") from None
    except OSError as exc:
        raise DraftError(f"{raw}: cannot read ({exc.strerror})") from None
    return parse_draft(decode(data, raw), raw)


def load_drafts(paths: Iterable[str]) -> tuple[list[Draft], list[Skipped]]:
    drafts: list[Draft] = []
    skipped: list[Skipped] = []
    for raw in iter_paths(paths):
        try:
            drafts.append(read_draft(raw))
        except DraftError as exc:
            skipped.append(Skipped(raw, str(exc)))
    return drafts, skipped
