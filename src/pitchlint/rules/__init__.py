"""Rule files: their schema and the loader that validates them."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def bundled_rules_dir() -> Path:
    """The rules shipped in the wheel, or the repository's rules/ in a source checkout
    (looked up once)."""
    packaged = Path(__file__).resolve().parent.parent / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"
