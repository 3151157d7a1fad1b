"""Value objects every other module exchanges: severities, edits, fixes and findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """Ordered so that `finding.severity >= fail_on` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (info, warning, error)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(enum.StrEnum):
    """ruff's model: only `safe` fixes are applied by default."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    SUGGESTION = "suggestion"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Edit:
    """Replace `text[start:end]` of the original draft with `content`."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str


@dataclass(frozen=True)
class Finding:
    """One located problem. `start:end` index the text of the file the user gave."""

    rule: str
    severity: Severity
    start: int
    end: int
    line: int
    col: int
    matched: str
    message: str
    weight: float = 0.0
    advice: str = ""
    fix: Fix | None = None
    family: str = ""
    # a positive signal's finding: evidence the score credits, never a problem to fail on
    positive: bool = False

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)
