"""Reports kept on disk while a run goes on, so that `check` over 20,000 templates holds one
report at a time, not all of them (each is pickled to an unnamed temporary file as it is made
and read back when a rule across files or a reporter asks for it).

A report's draft is not written when it is the input's own draft, which the run holds anyway:
a CSV row's draft carries the whole file in its origin."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

from pitchlint.draft import Draft
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


class ReportSpill(ReadBack[Report]):
    """The reports of `drafts`, by index: `put` one (again, to replace it) in any order, then
    read them as a sequence once every index has one."""

    def __init__(self, drafts: Sequence[Draft]) -> None:
        self._drafts = drafts
        self._file = tempfile.TemporaryFile(prefix="pitchlint-reports-")  # noqa: SIM115 - lives with the spill
        self._at: list[tuple[int, int] | None] = [None] * len(drafts)
        self._end = 0

    def put(self, index: int, report: Report) -> None:
        own = report.draft is self._drafts[index]
        data = pickle.dumps(
            (None if own else report.draft, report.findings, report.score, report.unused_disables),
            pickle.HIGHEST_PROTOCOL,
        )
        self._file.seek(self._end)
        self._file.write(data)
        self._at[index] = (self._end, len(data))
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._at)

    def item(self, index: int) -> Report:
        where = self._at[index]
        if where is None:
            raise LookupError(f"no report yet for draft {index}")
        start, size = where
        self._file.seek(start)
        draft, findings, score, unused = pickle.loads(self._file.read(size))
        return Report(draft if draft is not None else self._drafts[index], findings, score, unused)

    def close(self) -> None:
        self._file.close()
