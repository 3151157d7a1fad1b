"""Mailbox files (.mbox): a batch of saved emails, each begun by a "From " line at the start of
the file or after a blank line. Every message is read as an .eml is, with its findings located
in the mailbox file itself; one that cannot be read is skipped with its number, and the rest are
still graded."""

from __future__ import annotations

import email
import re
from collections.abc import Iterator
from email import policy

from pitchlint.draft import DraftError
from pitchlint.inputs import EmailInput, split_batch
from pitchlint.inputs.eml import message_to_input, source_text
from pitchlint.sources import Skipped

# a "From_" line: the envelope sender and date that separate messages (not a "From:" header)
_FROM_LINE_RE = re.compile(r"(?:\A|(?<=\n\n)|(?<=\n\r\n))From [^\n]*\n")


def read_mbox(path: str, data: bytes) -> tuple[list[EmailInput], list[Skipped]]:
    """Every message of a mailbox, and the ones skipped (as "path#message n")."""
    return split_batch(iter_mbox(path, data))


def iter_mbox(path: str, data: bytes) -> Iterator[EmailInput | Skipped]:
    """`read_mbox`'s messages one at a time, as the caller takes them (found by their "From "
    lines first: offsets, not messages)."""
    text, codec = source_text(path, data)
    separators = [(m.start(), m.end()) for m in _FROM_LINE_RE.finditer(text)]
    if not separators:
        raise DraftError(f'{path}: not an mbox (no "From " line starts a message), skipped')
    for number, (_at, start) in enumerate(separators, 1):
        end = separators[number][0] if number < len(separators) else len(text)
        record = f"message {number}"
        raw = text[start:end]
        try:
            if not raw.strip():
                raise DraftError(f"{path}#{record}: empty message, skipped")
            message = email.message_from_bytes(raw.encode(codec), policy=policy.default)
            yield message_to_input(path, text, message, record, start, end)
        except DraftError as exc:
            yield Skipped(f"{path}#{record}", str(exc))
