"""Emails and reports kept on disk while a run goes on, so that `check` over 20,000 templates or
`grade` over a million emails holds one at a time, not all of them (each is pickled to an
unnamed temporary file as it is made and read back when a rule across files or a reporter
asks for it).

A report's draft is not written when it is the input's own draft, which the run holds or
spills anyway; a draft that is written carries only its own lines of the file it came from."""

from __future__ import annotations

import dataclasses
import pickle
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

from pitchlint.draft import Draft
from pitchlint.inputs import EmailInput
from pitchlint.report import Report

T = TypeVar("T")


class ReadBack(Sequence[T]):
    """A sequence whose items are made when asked for (`item`), from what sits on disk or in
    smaller parts: a slice is a list of them."""

    def item(self, index: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self.item(i) for i in range(*index.indices(len(self)))]
        return self.item(index if index >= 0 else index + len(self))

    def __iter__(self) -> Iterator[T]:
        return (self.item(i) for i in range(len(self)))


def compact(draft: Draft) -> Draft:
    """The draft with its origin holding only its own lines of the file (a CSV row's origin
    holds the whole file): what is written to disk for it."""
    if draft.origin is None:
        return draft
    windowed = draft.origin.windowed(len(draft.text))
    return draft if windowed is draft.origin else dataclasses.replace(draft, origin=windowed)


class _Records:
    """Pickled records in an unnamed temporary file, by index: `put` one (again, to replace
    it) in any order, `get` it back. Each index costs 16 bytes in memory."""

    def __init__(self, size: int = 0) -> None:
        self._file = tempfile.TemporaryFile(prefix="pitchlint-spill-")  # noqa: SIM115 - lives with the spill
        self._starts = array("q", [-1]) * size
        self._sizes = array("q", [0]) * size
        self._end = 0

    def __len__(self) -> int:
        return len(self._starts)

    def put(self, index: int, record: object) -> None:
        data = pickle.dumps(record, pickle.HIGHEST_PROTOCOL)
        while index >= len(self._starts):
            self._starts.append(-1)
            self._sizes.append(0)
        self._file.seek(self._end)
        self._file.write(data)
        self._starts[index], self._sizes[index] = self._end, len(data)
        self._end += len(data)

    def get(self, index: int) -> object:
        start = self._starts[index]
        if start < 0:
            raise LookupError(f"nothing yet at {index}")
        self._file.seek(start)
        return pickle.loads(self._file.read(self._sizes[index]))

    def close(self) -> None:
        self._file.close()


class EmailSpill(ReadBack[EmailInput]):
    """The emails of a run, kept on disk as they are read (`append`), each draft's origin cut
    to its own lines: `grade` over a million emails holds none of them."""

    def __init__(self) -> None:
        self._records = _Records()

    def append(self, email: EmailInput) -> None:
        self._records.put(len(self._records), dataclasses.replace(email, draft=compact(email.draft)))

    def __len__(self) -> int:
        return len(self._records)

    def item(self, index: int) -> EmailInput:
        email = self._records.get(index)
        assert isinstance(email, EmailInput)
        return email

    @property
    def drafts(self) -> Sequence[Draft]:
        return DraftsOf(self)


class DraftsOf(ReadBack[Draft]):
    """The drafts of a sequence of emails, each taken from its email when asked for."""

    def __init__(self, emails: Sequence[EmailInput]) -> None:
        self._emails = emails

    def __len__(self) -> int:
        return len(self._emails)

    def item(self, index: int) -> Draft:
        return self._emails[index].draft


class ReportSpill(ReadBack[Report]):
    """The reports of `drafts`, by index: `put` one (again, to replace it) in any order, then
    read them as a sequence once every index has one."""

    def __init__(self, drafts: Sequence[Draft]) -> None:
        self._drafts = drafts
        self._records = _Records(len(drafts))

    def put(self, index: int, report: Report, *, own: bool | None = None) -> None:
        """Keep `report`; its draft is not written when it is the input's own (`own`, or
        when not said, the very object in `drafts`)."""
        if own is None:
            own = report.draft is self._drafts[index]
        draft = None if own else compact(report.draft)
        self._records.put(index, (draft, report.findings, report.score, report.unused_disables))

    def __len__(self) -> int:
        return len(self._drafts)

    def item(self, index: int) -> Report:
        draft, findings, score, unused = self._records.get(index)  # type: ignore[misc]
        return Report(draft if draft is not None else self._drafts[index], findings, score, unused)

    def close(self) -> None:
        self._records.close()
