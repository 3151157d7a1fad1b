"""Reading a draft file: decoded and parsed, or a DraftError that names it (the readers for
every other input are in pitchlint.inputs)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pitchlint.draft import Draft, DraftError, parse_draft

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".email")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str
    # false for an input that was read but holds no email (an empty file): reported, yet
    # not the exit-2 "could not read" of a binary or malformed one
    error: bool = True


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a BOM is allowed); binary or undecodable input is a DraftError."""
    if b"\x00" in data[:8192]:
        raise DraftError(f"{where}: binary file (contains NUL bytes), skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DraftError(f"{where}: not UTF-8 text (byte {exc.start}), skipped") from None


def read_bytes(raw: str) -> bytes:
    """The file's bytes ('-' is stdin), or a DraftError that names it."""
    if raw == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(raw).read_bytes()
    except FileNotFoundError:
        raise DraftError(f"{raw}: no such file") from None
    except OSError as exc:
        raise DraftError(f"{raw}: cannot read ({exc.strerror})") from None


def read_draft(raw: str) -> Draft:
    """A text or Markdown draft file."""
    return parse_draft(decode(read_bytes(raw), "<stdin>" if raw == "-" else raw), raw)


def load_drafts(paths: Iterable[str]) -> tuple[list[Draft], list[Skipped]]:
    """The drafts of every email the paths hold (see pitchlint.inputs), and what was skipped."""
    from pitchlint.inputs.load import load_inputs  # the readers import this module

    loaded = load_inputs(paths)
    return [email.draft for email in loaded.emails], loaded.skipped
