"""Where an email's text came from: the original file and a map from offsets in the text
pitchlint reads back to offsets in that file, so a finding in an .eml, HTML template, CSV row
or sequence step is reported at the line and column a person opens (issue 5).

The map is a sorted list of anchors, (text offset, source offset): between anchors the two run
in step, so a plain stretch costs one anchor and an HTML entity or a CSV's doubled quote two."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    path: str  # the file as the user named it
    text: str  # that file's decoded text
    record: str  # which email in the file: "row 12", "message 3", "step 2"; "" for a whole file
    anchors: tuple[tuple[int, int], ...] = ()
    _line_starts: tuple[int, ...] = field(repr=False, compare=False, default=())

    def source_offset(self, offset: int) -> int:
        """The offset in the original file of the text's `offset`."""
        if not self.anchors:
            return min(offset, len(self.text))
        keys = [a for a, _ in self.anchors]
        index = max(0, bisect.bisect_right(keys, offset) - 1)
        text_at, source_at = self.anchors[index]
        return max(0, min(len(self.text), source_at + max(0, offset - text_at)))

    def line_col(self, offset: int) -> tuple[int, int]:
        source = self.source_offset(offset)
        line = bisect.bisect_right(self._line_starts, source) - 1
        return line + 1, source - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)].rstrip("\r")


def make_origin(path: str, text: str, record: str, anchors: Iterable[tuple[int, int]]) -> Origin:
    """An Origin with its anchors sorted, runs merged, and the file's line starts computed."""
    return Origin(path, text, record, compress(anchors), line_starts(text))


@functools.lru_cache(maxsize=8)
def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where the file's lines start, computed once per file: every email of a 20,000
    row CSV shares them (per email, this scan made batch grading quadratic)."""
    return (0, *(m.end() for m in re.finditer(r"\n", text)))


def compress(anchors: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Drop anchors that the one before already implies (both offsets moved by the same)."""
    kept: list[tuple[int, int]] = []
    for text_at, source_at in sorted(anchors):
        if kept and (kept[-1][0] == text_at or source_at - kept[-1][1] == text_at - kept[-1][0]):
            if kept[-1][0] == text_at:
                kept[-1] = (text_at, source_at)
            continue
        kept.append((text_at, source_at))
    return tuple(kept)


class TextBuilder:
    """Builds an email's text piece by piece, recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.anchors: list[tuple[int, int]] = []

    def add(self, piece: str, source_at: int) -> None:
        """Append `piece`, which runs in step with the source from `source_at`."""
        self.anchors.append((self._length, source_at))
        self._append(piece)

    def add_mapped(self, piece: str, offsets: Sequence[int]) -> None:
        """Append `piece` whose characters each came from `offsets` (decoded escapes)."""
        previous = None
        for index, source in enumerate(offsets):
            if previous is None or source != previous + 1:
                self.anchors.append((self._length + index, source))
            previous = source
        self._append(piece)

    def add_pinned(self, piece: str, source_at: int) -> None:
        """Append text the source does not hold ("Subject: ", a blank line): all of it points
        at `source_at`."""
        self.add_mapped(piece, [source_at] * len(piece))

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    @property
    def text(self) -> str:
        return "".join(self._parts)
