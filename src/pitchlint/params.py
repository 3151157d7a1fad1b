"""Reading a rule's YAML `params`: word lists and regex lists, the same way in every check."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Token


def word_set(params: dict[str, Any], key: str) -> frozenset[str]:
    """A lower-cased word list (missing key: empty)."""
    return frozenset(str(w).lower() for w in params.get(key, ()))


def in_words(token: Token, words: Iterable[str]) -> bool:
    """The token's lower form or its lemma is in the list."""
    lexicon = words if isinstance(words, (set, frozenset)) else set(words)
    return token.lower_ in lexicon or token.lemma_.lower() in lexicon


def regex_list(
    params: dict[str, Any], key: str, *, wrapping: bool = False, multiline: bool = False
) -> tuple[re.Pattern[str], ...]:
    """Case-insensitive patterns; with `wrapping`, a space also matches a hard line wrap."""
    return compile_all(tuple(str(p) for p in params.get(key, ())), wrapping=wrapping, multiline=multiline)


@functools.lru_cache(maxsize=128)
def compile_all(
    patterns: tuple[str, ...], *, wrapping: bool = False, multiline: bool = False
) -> tuple[re.Pattern[str], ...]:
    if wrapping:
        patterns = tuple(p.replace(" ?", r"\s*").replace(" ", r"\s+") for p in patterns)
    flags = re.I | (re.M if multiline else 0)
    return tuple(re.compile(p, flags) for p in patterns)


def regex_any(params: dict[str, Any], key: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any in the list (never matches when empty)."""
    return re.compile("|".join(str(p) for p in params.get(key, ())) or r"(?!)", re.I)
