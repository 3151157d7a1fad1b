"""CSV and JSONL batches: one email per row, with columns (or keys) for id, subject and body
and, optionally, sender, template and touch. A row that cannot be read is skipped with its
row number; the others are still graded."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pitchlint.draft import DraftError, DraftMeta, clean_text
from pitchlint.inputs import EmailInput, Piece, draft_from_parts, split_batch
from pitchlint.inputs.columns import (
    BODY_KEYS,
    NO_COLUMNS,
    Columns,
    body_key,
    canonical_keys,
    missing_columns,
    used_columns,
)
from pitchlint.inputs.sequence import SequenceInfo
from pitchlint.limits import Limits, whole_number
from pitchlint.sources import Skipped

Rows = tuple[list[EmailInput], list[Skipped]]


class NotABatch(DraftError):
    """A CSV with no body column: data of some other kind, ignored when found in a folder."""


def read_csv(
    path: str,
    source: str,
    *,
    field_limit: int = Limits.field_characters,
    columns: Columns = NO_COLUMNS,
    notes: list[str] | None = None,
) -> Rows:
    """Rows of a CSV file with a header naming at least a body column (which columns were
    read for what is added to `notes`). A row that breaks the CSV grammar or holds a cell over
    `field_limit` characters is skipped with its number, and reading goes on with the next."""
    return split_batch(iter_csv(path, source, field_limit=field_limit, columns=columns, notes=notes))


def iter_csv(
    path: str,
    source: str,
    *,
    field_limit: int = Limits.field_characters,
    columns: Columns = NO_COLUMNS,
    notes: list[str] | None = None,
) -> Iterator[EmailInput | Skipped]:
    """`read_csv`'s rows one at a time, as the caller takes them: a batch of 200,000 rows is
    graded (and kept on disk) as it is read, not built whole first. The header is judged
    when the first row is asked for."""
    line_starts = [0, *(m.end() for m in re.finditer(r"\n", source))]
    csv.field_size_limit(max(field_limit, 1))
    reader = csv.reader(io.StringIO(source, newline=""))
    try:
        # a spreadsheet's "CSV UTF-8" starts with a byte-order mark: it is not the first name
        names = [h.lstrip("\ufeff") for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise DraftError(f"{path}: no CSV header row ({exc or 'empty file'})") from None
    header = canonical_keys(names, columns)
    missing = missing_columns(header, columns)
    if missing:
        raise DraftError(
            f"{path}: no column {', '.join(missing)} in the header ({', '.join(names)}), skipped"
        )
    samples = _column_samples(source, header, field_limit)
    body = body_key(header, samples)
    if body is None:
        raise NotABatch(
            f"{path}: no body column (one of {', '.join(BODY_KEYS)}, Email Body, Body HTML ...; or"
            f" --body-column) in the header ({', '.join(names)}), skipped"
        )
    if notes is not None:
        notes.append(f"{path}: read {used_columns(names, header, body)}")
    row_number = 0
    while True:
        first_line = reader.line_num
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_number += 1
            yield Skipped(f"{path}#row {row_number}", f"{path}: row {row_number}: {exc}, skipped")
            if reader.line_num == first_line:
                break  # the reader cannot get past it
            continue
        row_number += 1
        if not any(v.strip() for v in values):
            continue
        row_start = line_starts[min(first_line, len(line_starts) - 1)]
        row_end = line_starts[reader.line_num] if reader.line_num < len(line_starts) else len(source)
        record = dict(zip(header, values, strict=False))
        located = {k: _locate_csv(source, v, row_start, row_end) for k, v in record.items()}
        yield _collect(path, source, f"row {row_number}", record, located, body)


def read_jsonl(path: str, source: str, *, columns: Columns = NO_COLUMNS) -> Rows:
    """One JSON object per line."""
    return split_batch(iter_jsonl(path, source, columns=columns))


def iter_jsonl(path: str, source: str, *, columns: Columns = NO_COLUMNS) -> Iterator[EmailInput | Skipped]:
    """`read_jsonl`'s lines one at a time, as the caller takes them."""
    for number, (start, line) in enumerate(_lines(source), 1):
        if not line.strip():
            continue
        where = f"{path}#line {number}"
        try:
            record = json.loads(line, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"{path}: line {number}: not JSON ({exc.msg})")
            continue
        except ValueError as exc:
            yield Skipped(where, f"{path}: line {number}: {exc}, skipped")
            continue
        except RecursionError:
            yield Skipped(where, f"{path}: line {number}: JSON nested too deeply, skipped")
            continue
        if not isinstance(record, dict):
            yield Skipped(where, f"{path}: line {number}: not a JSON object")
            continue
        names = [str(k) for k in record]
        record = dict(zip(canonical_keys(names, columns), record.values(), strict=True))
        originals = dict(zip(record, names, strict=True))
        body = body_key(list(record), {k: [v] for k, v in record.items() if isinstance(v, str)})
        if body is None or missing_columns(list(record), columns):
            wanted = missing_columns(list(record), columns) or [", ".join(BODY_KEYS)]
            yield Skipped(where, f"{path}: line {number}: no body key ({'; '.join(wanted)})")
            continue
        texts = {k: v for k, v in record.items() if isinstance(v, str)}
        located = {k: _locate_json(line, start, originals[k].lower(), v) for k, v in texts.items()}
        yield _collect(path, source, f"line {number}", record, located, body)


def _collect(
    path: str,
    source: str,
    record_name: str,
    record: Mapping[str, Any],
    located: Mapping[str, Piece],
    body_key: str,
) -> EmailInput | Skipped:
    """One row into an EmailInput, or a Skipped naming the row."""
    label = clean_text(str(record.get("id") or "")).strip() or record_name
    where = f"{path}#{label}"
    body = record.get(body_key)
    if not isinstance(body, str) or not body.strip():
        return Skipped(where, f"{path}: {record_name}: empty body, skipped")
    try:
        meta = DraftMeta(
            touch=_touch(record.get("touch")),
            in_reply_to=_text(record.get("in_reply_to")),
            sender=_text(record.get("sender")),
            template=None,
        )
        subject = record.get("subject")
        draft = draft_from_parts(
            path,
            source,
            record_name,
            body=_html_piece(located[body_key]) if body_key == "body_html" else located[body_key],
            subject=located.get("subject") if isinstance(subject, str) else None,
            meta=meta,
        )
    except DraftError as exc:
        return Skipped(where, f"{path}: {record_name}: {exc}")
    fields = tuple(
        (key, str(value).lower() if isinstance(value, bool) else clean_text(str(value)))
        for key, value in record.items()
        if key != body_key and isinstance(value, (str, int, float))
    )
    sequence = _text(record.get("sequence"))
    return EmailInput(
        draft,
        where,
        template=_text(record.get("template")),
        sender=meta.sender,
        sequence=f"{path}#{sequence}" if sequence else None,
        step=meta.touch if sequence else None,
        fields=fields,
    )


def _html_piece(cell: Piece) -> Piece:
    """An HTML cell (`Body HTML`) as its visible text, each character mapped into the file."""
    from pitchlint.inputs.html import html_to_text

    text, offsets = html_to_text(cell.text)
    if cell.offsets is None:
        return Piece(text, offsets=[cell.at + o for o in offsets])
    last = len(cell.offsets) - 1
    return Piece(text, offsets=[cell.offsets[min(o, last)] for o in offsets])


def sequences_of(steps: Iterable[tuple[str | None, int | None]]) -> list[SequenceInfo]:
    """The rows of one sequence (a `Sequence` or `Campaign` column), given as each row's
    (sequence, step), as one sequence for the rules across emails, when each step appears once
    in it (a template export; a sent history repeats every step per prospect, and is no one
    reader's sequence)."""
    members: dict[str, list[int | None]] = {}
    for sequence, step in steps:
        if sequence is not None:
            members.setdefault(sequence, []).append(step)
    found = []
    for name, rows in members.items():
        if len(set(rows)) == len(rows):
            # an export says nothing of delays; sequencers stop on a reply unless told not to
            found.append(SequenceInfo(name, len(rows), (None,) * len(rows), True, "prospect"))
    return found


def _column_samples(source: str, header: list[str], field_limit: int, rows: int = 20) -> dict[str, list[str]]:
    """The first rows' values per column, to tell an address column from a body."""
    reader = csv.reader(io.StringIO(source, newline=""))
    samples: dict[str, list[str]] = {k: [] for k in header}
    try:
        next(reader)
        for _, values in zip(range(rows), reader, strict=False):
            for key, value in zip(header, values, strict=False):
                samples[key].append(value)
    except csv.Error:
        pass  # the row reader reports it with its number
    return samples


def _no_constant(name: str) -> None:
    """JSON has no Infinity or NaN; Python's reader takes them unless told not to."""
    raise ValueError(f"`{name}` is not a JSON number")


MAX_TOUCH = 1000  # no sequence has more steps; a bigger number is a broken export


def _touch(value: Any) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 1
    if isinstance(value, str):
        text = value.strip()
        value = int(text) if text.isascii() and text.isdigit() else text
    try:
        return whole_number(value, "`touch`", low=1, high=MAX_TOUCH)
    except ValueError as exc:
        raise DraftError(str(exc)) from None


def _text(value: Any) -> str | None:
    return clean_text(str(value)).strip() or None if value is not None else None


def _lines(source: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in source.splitlines(keepends=True):
        yield start, line
        start += len(line)


def _locate_csv(source: str, value: str, start: int, end: int) -> Piece:
    """Where a CSV cell's text sits in the file: verbatim, or quoted with doubled quotes."""
    if not value:
        return Piece(value, start)
    found = source.find(value, start, end)
    if found != -1:
        return Piece(value, found)
    quoted = value.replace('"', '""')
    found = source.find(quoted, start, end)
    if found == -1:
        return Piece(value, offsets=[start] * len(value))
    offsets, at = [], found
    for char in value:
        offsets.append(at)
        at += 2 if char == '"' else 1
    return Piece(value, offsets=offsets)


def _locate_json(line: str, line_start: int, key: str, value: str) -> Piece:
    """Each decoded character of a JSON string value mapped to its place in the line."""
    for match in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:\s*"', line):
        if match.group(1).lower() != key:
            continue
        decoded = _decode_json_string(line, match.end())
        if decoded is not None and decoded[0] == value:
            return Piece(value, offsets=[line_start + o for o in decoded[1]])
    return Piece(value, offsets=[line_start] * len(value))


_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _decode_json_string(line: str, at: int) -> tuple[str, list[int]] | None:
    """The string literal starting at `at` (after its opening quote), with each character's
    offset in the line; None when it is malformed."""
    chars: list[str] = []
    offsets: list[int] = []
    while at < len(line):
        char = line[at]
        if char == '"':
            return "".join(chars), offsets
        if char != "\\":
            chars.append(char)
            offsets.append(at)
            at += 1
            continue
        code = line[at + 1 : at + 2]
        if code == "u":
            try:
                unit = int(line[at + 2 : at + 6], 16)
            except ValueError:
                return None
            chars.append(chr(unit))
            offsets.append(at)
            at += 6
            continue
        if code not in _ESCAPES:
            return None
        chars.append(_ESCAPES[code])
        offsets.append(at)
        at += 2
    return None
