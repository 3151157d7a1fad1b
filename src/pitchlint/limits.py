"""How much of an input pitchlint takes on, so that no file can exhaust memory or time: bytes
read per input, characters parsed per draft, characters per CSV field. A user can raise
them (config `limits:`); an input over one is skipped with a message that names the file,
its size and the limit, and the rest of the batch goes on.

The HTML reader is an event parser (no recursion), so nesting depth needs no limit."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

# A long sales email is 3,000 characters; spaCy's parser wants about 1 GB per 100,000.
DEFAULT_CHARACTERS = 100_000


@dataclass(frozen=True)
class Limits:
    bytes: int = 10_000_000  # read from one file or stdin (an mbox or CSV holds many emails)
    characters: int = DEFAULT_CHARACTERS  # of one draft, after it is read
    field_characters: int = 1_000_000  # of one CSV cell

    @classmethod
    def from_mapping(cls, data: Any, where: str) -> Limits:
        """`limits: {bytes: 20000000, characters: 200000}` from config; a wrong key or a
        number that is not a whole positive one is an error naming the field."""
        if not isinstance(data, dict):
            raise ValueError(f"{where}: `limits` must be a mapping of {', '.join(cls.keys())}")
        values = {}
        for key, value in data.items():
            name = str(key).replace("-", "_")
            if name not in {f.name for f in fields(cls)}:
                raise ValueError(f"{where}: unknown limit `{key}` (one of {', '.join(cls.keys())})")
            values[name] = whole_number(value, f"{where}: limits.{key}", low=1)
        return cls(**values)

    @classmethod
    def keys(cls) -> list[str]:
        return [f.name.replace("_", "-") for f in fields(cls)]


DEFAULT_LIMITS = Limits()


def whole_number(value: Any, what: str, *, low: int = 0, high: int | None = None) -> int:
    """A finite whole number in range, from config, a rule file or a batch row (an
    `Infinity`, `1e999`, `true` or "3.5" is refused, not cast)."""
    bounds = f"from {low}" if high is None else f"from {low} to {high}"
    problem = ValueError(f"{what} must be a whole number {bounds}, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise problem
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        raise problem
    number = int(value)
    if number < low or (high is not None and number > high):
        raise problem
    return number


def finite_number(value: Any, what: str, *, low: float, high: float | None = None) -> float:
    """A finite number in range (weights, grade bounds, fail-under)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{what} must be a number, got {value!r}")
    if value < low or (high is not None and value > high):
        bounds = f">= {low:g}" if high is None else f"from {low:g} to {high:g}"
        raise ValueError(f"{what} must be a number {bounds}, got {value!r}")
    return float(value)
