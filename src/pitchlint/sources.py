"""Reading a draft file: decoded and parsed, or a DraftError that names it (the readers for
every other input are in pitchlint.inputs)."""

from __future__ import annotations

import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pitchlint.draft import Draft, DraftError, parse_draft
from pitchlint.limits import Limits

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


def read_bytes(raw: str, limit: int = Limits.bytes) -> bytes:
    """The file's bytes ('-' is stdin), at most `limit` of them, or a DraftError that names
    it. A device, pipe or socket named as a file (`/dev/zero`) is refused before it is read:
    it may never end."""
    if raw == "-":
        return _capped(sys.stdin.buffer, "<stdin>", limit)
    try:
        path = Path(raw)
        if not stat.S_ISREG(path.stat().st_mode):
            raise DraftError(f"{raw}: not a regular file (a device, pipe or socket), skipped")
        with path.open("rb") as handle:
            return _capped(handle, raw, limit)
    except FileNotFoundError:
        raise DraftError(f"{raw}: no such file") from None
    except OSError as exc:
        raise DraftError(f"{raw}: cannot read ({exc.strerror or exc})") from None


def _capped(handle: BinaryIO, where: str, limit: int) -> bytes:
    return within_limit(handle.read(limit + 1), where, limit)


def within_limit(data: bytes, where: str, limit: int) -> bytes:
    """The bytes, or a DraftError when there are more than `limit` of them."""
    if len(data) > limit:
        limit_key = "config `limits: {bytes: N}`"
        raise DraftError(f"{where}: more than {limit:,} bytes, over the read limit ({limit_key}), skipped")
    return data


def read_draft(raw: str) -> Draft:
    """A text or Markdown draft file."""
    return parse_draft(decode(read_bytes(raw), "<stdin>" if raw == "-" else raw), raw)
