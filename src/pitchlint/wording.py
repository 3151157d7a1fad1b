"""One-line quotes of draft text for messages and reports."""

from __future__ import annotations


def clip(text: str, limit: int = 80) -> str:
    """The text on one line, cut with an ellipsis past `limit` characters."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
