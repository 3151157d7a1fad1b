"""What the checks of the `asks` family share (rules/asks/)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from pitchlint.params import regex_list


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def regexes(params: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    """Case-insensitive; a space in a pattern also matches a hard line wrap (" ?" any space)."""
    return regex_list(params, key, wrapping=True)
