"""Fixes placed in the file a draft was read from, for an HTML template: pitchlint reads the
template's text, and a fix edits that text, so each edit is carried back to the markup as
written. Only where that cannot change anything but the words: the edited stretch must read
in the file exactly as in the text (no tag, entity or line wrap inside it) and the new words
must need no escaping, so the markup around a change is kept byte for byte.

An .eml part, a CSV cell, a JSONL field or a sequence step is not edited: their text is
encoded (quoted-printable, base64, quoting) in ways a plain splice would break."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

from pitchlint.draft import Draft
from pitchlint.findings import Edit
from pitchlint.inputs.load import HTML_SUFFIXES, load_text
from pitchlint.limits import Limits

_NEEDS_ESCAPE = re.compile(r"[<>&]")


def has_editable_source(draft: Draft) -> bool:
    """Whether fixes can be made to the file: a plain draft, or a whole HTML template."""
    origin = draft.origin
    return origin is None or (origin.record == "" and PurePath(origin.path).suffix.lower() in HTML_SUFFIXES)


def in_source(draft: Draft, edits: Iterable[Edit]) -> tuple[Edit, ...] | None:
    """The edits at their places in the file the draft was read from; None when one of them
    cannot be placed there without touching markup."""
    origin = draft.origin
    if origin is None:
        return tuple(edits)
    if not has_editable_source(draft):
        return None
    placed = []
    for edit in edits:
        if _NEEDS_ESCAPE.search(edit.content):
            return None
        start = origin.source_offset(edit.start)
        # the end from the last character covered: the offset after it may sit past a tag
        end = origin.source_offset(edit.end - 1) + 1 if edit.end > edit.start else start
        if origin.text[start:end] != draft.text[edit.start : edit.end]:
            return None
        placed.append(Edit(start, end, edit.content))
    return tuple(placed)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Non-overlapping edits applied right to left; at one position, the edit given first
    ends up first in the text."""
    ordered = sorted(enumerate(edits), key=lambda p: (p[1].start, p[1].end, p[0]), reverse=True)
    for _, edit in ordered:
        text = text[: edit.start] + edit.content + text[edit.end :]
    return text


def reread(draft: Draft, source: str, limits: Limits) -> Draft | None:
    """The draft as its file would read with `source` as its content (None when it no longer
    reads as one email)."""
    path = draft.origin.path if draft.origin is not None else draft.path
    loaded = load_text(path, source.encode("utf-8"), limits)
    return loaded.emails[0].draft if len(loaded.emails) == 1 and not loaded.skipped else None
