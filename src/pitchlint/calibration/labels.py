"""Labelled email for `pitchlint calibrate`: which emails got a reply (good) and which did not
(bad), from a labels file beside a folder of drafts or from a batch's own label column.

Teams have this in their sequencer exports (replied yes/no, or a reply rate per campaign);
research sets have it as a table of verdicts (`../shared/eval/*/SOURCES.tsv`). Columns are
matched by name, case and spaces aside, so each of those reads without a mapping. Each email
also gets a group (its source, campaign or sender), so cross-validation never tests the
grader on a campaign it was fitted to."""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from pitchlint.inputs import EmailInput

LABEL_FILES = ("labels.csv", "labels.tsv", "SOURCES.tsv")

# column names, compared with case, spaces, dashes and underscores removed
KEY_COLUMNS = ("file", "path", "filename", "id", "emailid", "email")
LABEL_COLUMNS = ("label", "verdict", "outcome", "replied", "reply", "statedjudgment", "judgment", "result")
RATE_COLUMNS = ("replyrate", "rate", "responserate")
GROUP_COLUMNS = ("group", "campaign", "campaignid", "sequence", "source", "template", "sender")
TOUCH_COLUMNS = ("touch", "step", "stepnumber", "sequencestep", "sequenceposition", "position")

_GOOD_WORDS = frozenset({"good", "yes", "y", "true", "replied", "reply", "positive", "won", "1", "pos"})
_BAD_WORDS = frozenset({"bad", "no", "n", "false", "negative", "lost", "0", "neg", "noreply", "unreplied"})


class LabelError(ValueError):
    """A labels file that cannot be used, naming the file, line and column."""


@dataclass(frozen=True)
class Thresholds:
    """Reply rates at or above `good` are good, below `bad` are bad, between them unknown
    (the eval sets' rule: 8% or more on a first touch is good, under 2% bad)."""

    good: float = 0.08
    bad: float = 0.02


@dataclass(frozen=True)
class Label:
    good: bool | None  # None: unknown, left out of the fit
    group: str | None = None
    touch: int | None = None


@dataclass(frozen=True)
class Labelled:
    email: EmailInput
    good: bool
    group: str
    collection: str  # the input it came from, for an AUC per set


def normalise(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name.lower())


def parse_label(value: str, thresholds: Thresholds = Thresholds()) -> bool | None:
    """good / bad / None from a verdict word ("good (...)", "replied", "no", "1") or a rate
    ("8.6%", "0.12")."""
    text = value.strip().lower()
    if not text:
        return None
    rate = parse_rate(text)
    if rate is not None and not re.fullmatch(r"[01]", text):
        return rate_label(rate, thresholds)
    first = normalise(re.split(r"[\s(,;:]", text, maxsplit=1)[0])
    if text.startswith(("not replied", "no reply", "did not reply", "didn't reply")):
        return False
    if first in _GOOD_WORDS:
        return True
    if first in _BAD_WORDS:
        return False
    return None


def parse_rate(text: str) -> float | None:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(%?)\s*", text)
    if not match:
        return None
    number = float(match.group(1))
    if not math.isfinite(number):
        return None
    return number / 100 if match.group(2) or number > 1 else number


def rate_label(rate: float, thresholds: Thresholds) -> bool | None:
    if rate >= thresholds.good:
        return True
    if rate < thresholds.bad:
        return False
    return None


def parse_touch(value: str) -> int | None:
    text = value.strip().lower()
    if not text:
        return None
    if text.isdigit():
        return max(1, int(text))
    if text.startswith(("first", "initial", "opener")):
        return 1
    if text.startswith(("follow", "bump", "second", "later")):
        return 2
    return None


def source_group(source: str) -> str:
    """A group key from a source: the repository of a GitHub path or issue, else the site.
    "github:owner/repo@sha:path" and "https://github.com/owner/repo/issues/3" are one group."""
    text = source.strip().split()[0] if source.strip() else ""
    if text.startswith("github:"):
        return "github:" + text[len("github:") :].split("@")[0].split(":")[0].lower()
    if re.match(r"https?://", text):
        parsed = urlparse(text)
        host = parsed.netloc.lower().removeprefix("www.")
        if host == "github.com":
            parts = [p for p in parsed.path.split("/") if p][:2]
            return "github:" + "/".join(parts).lower()
        return host
    return text.lower()


# ---------------------------------------------------------------------------------------
# labels files


@dataclass(frozen=True)
class _Columns:
    key: str
    label: str | None
    rate: str | None
    group: str | None
    touch: str | None


def _pick(header: Sequence[str], wanted: Sequence[str], explicit: str | None = None) -> str | None:
    names = {normalise(h): h for h in header}
    if explicit is not None:
        return names.get(normalise(explicit))
    return next((names[w] for w in wanted if w in names), None)


def read_labels_file(
    path: Path,
    thresholds: Thresholds = Thresholds(),
    label_column: str | None = None,
    group_column: str | None = None,
) -> dict[str, Label]:
    """Labels by key (a file name relative to the labels file, or an email id), from a CSV or
    TSV with a header naming a key column and a label or reply-rate column."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelError(f"{path}: cannot read labels file ({exc})") from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in text.split("\n", 1)[0] else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(rows)
    except (StopIteration, csv.Error):
        raise LabelError(f"{path}: line 1: no header row") from None
    columns = _columns(path, header, label_column, group_column)
    labels: dict[str, Label] = {}
    for values in rows:
        if not any(v.strip() for v in values):
            continue
        record = dict(zip(header, values, strict=False))
        key = record.get(columns.key, "").strip()
        if not key:
            raise LabelError(f"{path}: line {rows.line_num}: empty `{columns.key}`")
        labels[key] = _label(record, columns, thresholds)
    return labels


def _columns(
    path: Path, header: Sequence[str], label_column: str | None, group_column: str | None
) -> _Columns:
    key = _pick(header, KEY_COLUMNS)
    if key is None:
        raise LabelError(f"{path}: line 1: no key column (one of {', '.join(KEY_COLUMNS)})")
    label = _pick(header, LABEL_COLUMNS, label_column)
    rate = _pick(header, RATE_COLUMNS) if label_column is None else None
    if label is None and rate is None:
        wanted = label_column or ", ".join(LABEL_COLUMNS + RATE_COLUMNS)
        raise LabelError(f"{path}: line 1: no label column ({wanted})")
    group = _pick(header, GROUP_COLUMNS, group_column)
    if group_column is not None and group is None:
        raise LabelError(f"{path}: line 1: no column `{group_column}`")
    return _Columns(key, label, rate, group, _pick(header, TOUCH_COLUMNS))


def _label(record: Mapping[str, str], columns: _Columns, thresholds: Thresholds) -> Label:
    good = parse_label(record.get(columns.label, ""), thresholds) if columns.label else None
    if good is None and columns.rate:
        rate = parse_rate(record.get(columns.rate, "").strip().lower())
        good = rate_label(rate, thresholds) if rate is not None else None
    group = record.get(columns.group, "") if columns.group else ""
    touch = parse_touch(record.get(columns.touch, "")) if columns.touch else None
    return Label(good, source_group(group) if group.strip() else None, touch)


def find_labels_file(folder: Path) -> Path | None:
    return next((folder / n for n in LABEL_FILES if (folder / n).is_file()), None)


def row_label(
    email: EmailInput, thresholds: Thresholds, label_column: str | None, group_column: str | None
) -> Label | None:
    """A batch row's own label columns (CSV, JSONL), if it has any."""
    if not email.fields:
        return None
    header = [k for k, _ in email.fields]
    values = dict(email.fields)
    label = _pick(header, LABEL_COLUMNS, label_column)
    rate = _pick(header, RATE_COLUMNS) if label_column is None else None
    if label is None and rate is None:
        return None
    group = _pick(header, GROUP_COLUMNS, group_column)
    columns = _Columns("", label, rate, group, _pick(header, TOUCH_COLUMNS))
    return _label(values, columns, thresholds)


def lookup(labels: Mapping[str, Label], base: Path, email: EmailInput) -> Label | None:
    """The label of an email: by its id, its path relative to the labels file, or its name."""
    path = Path(email.draft.path)
    try:
        relative = path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        relative = path.name
    record = email.email_id.split("#", 1)[1] if "#" in email.email_id else ""
    keys = [email.email_id, relative, path.name]
    if record:
        keys = [f"{relative}#{record}", f"{path.name}#{record}", record, *keys]
    return next((labels[k] for k in keys if k in labels), None)


def with_touch(email: EmailInput, touch: int | None) -> EmailInput:
    """A follow-up is judged as one: the label's touch, when the email itself says nothing."""
    if touch is None or touch <= email.draft.meta.touch:
        return email
    meta = dataclasses.replace(email.draft.meta, touch=touch)
    return dataclasses.replace(email, draft=dataclasses.replace(email.draft, meta=meta))


def link_near_duplicates(texts: Sequence[str], groups: list[str], similarity: float = 0.5) -> list[str]:
    """Groups where emails of one template share a group even from different sources: the
    same invitation posted to ten repositories must not sit on both sides of a fold."""
    from pitchlint.across.sameness import mask, shingles

    sets = [shingles(mask(t), size=3) for t in texts]
    postings: dict[int, list[int]] = {}
    for index, items in enumerate(sets):
        for item in items:
            postings.setdefault(item, []).append(index)
    parent = {g: g for g in groups}

    def root(g: str) -> str:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for index, items in enumerate(sets):
        shared: dict[int, int] = {}
        for item in items:
            for other in postings[item]:
                if other > index:
                    shared[other] = shared.get(other, 0) + 1
        for other, count in shared.items():
            union = len(items) + len(sets[other]) - count
            if union and count / union >= similarity:
                a, b = root(groups[index]), root(groups[other])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return [root(g) for g in groups]


def collect(
    emails: Iterable[tuple[EmailInput, Label | None, str]],
) -> tuple[list[Labelled], int]:
    """Labelled emails (unknown labels left out, and counted), each with its group: the
    label's group, else the email's file (a batch file is one source)."""
    kept: list[Labelled] = []
    unknown = 0
    for email, label, collection in emails:
        if label is None or label.good is None:
            unknown += 1
            continue
        email = with_touch(email, label.touch)
        group = label.group or f"file:{email.draft.path}"
        kept.append(Labelled(email, label.good, group, collection))
    linked = link_near_duplicates([e.email.draft.text for e in kept], [e.group for e in kept])
    return [dataclasses.replace(e, group=g) for e, g in zip(kept, linked, strict=True)], unknown
