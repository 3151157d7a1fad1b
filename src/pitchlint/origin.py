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
    text: str  # that file's decoded text, or the lines of it that hold the email (`windowed`)
    record: str  # which email in the file: "row 12", "message 3", "step 2"; "" for a whole file
    anchors: tuple[tuple[int, int], ...] = ()  # source offsets are the whole file's
    _line_starts: tuple[int, ...] = field(repr=False, compare=False, default=())
    base: int = 0  # the file offset of `text`'s first character
    first_line: int = 1  # the file's line number of `text`'s first line

    def source_offset(self, offset: int) -> int:
        """The offset in the original file of the text's `offset`."""
        if not self.anchors:
            return self.base + min(offset, len(self.text))
        keys = [a for a, _ in self.anchors]
        index = max(0, bisect.bisect_right(keys, offset) - 1)
        text_at, source_at = self.anchors[index]
        return max(self.base, min(self.base + len(self.text), source_at + max(0, offset - text_at)))

    def source_slice(self, start: int, end: int) -> str:
        """The file's text between two of its offsets (within what this origin holds)."""
        return self.text[max(0, start - self.base) : max(0, end - self.base)]

    def line_col(self, offset: int) -> tuple[int, int]:
        source = self.source_offset(offset) - self.base
        line = bisect.bisect_right(self._line_starts, source) - 1
        return line + self.first_line, source - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - self.first_line]
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)].rstrip("\r")

    def windowed(self, length: int) -> Origin:
        """This origin holding only the lines of the file that an email of `length` characters
        was read from: one row of a 200,000-row CSV kept on its own carries its row, not the
        file. Lines, columns and source offsets stay the file's. A whole file's origin (an HTML
        template, a text draft: the ones fixes edit) is kept as it is."""
        if not self.record or not self.anchors or self.base or len(self.text) < 4096:
            return self
        low = min(source for _, source in self.anchors)
        ends = [*(text_at for text_at, _ in self.anchors[1:]), length]
        high = max(source + max(0, end - at) for (at, source), end in zip(self.anchors, ends, strict=True))
        line = bisect.bisect_right(self._line_starts, low) - 1
        start = self._line_starts[line]
        stop = self.text.find("\n", min(high, len(self.text)))
        stop = len(self.text) if stop == -1 else stop + 1
        window = self.text[start:stop]
        starts = (0, *(m.end() for m in re.finditer(r"\n", window)))
        return Origin(self.path, window, self.record, self.anchors, starts, start, line + 1)


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
