"""Reading a rule's YAML `params`: word lists and regex lists, the same way in every check."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

_WORD_SETS: dict[int, tuple[object, frozenset[str]]] = {}


def word_set(params: dict[str, Any], key: str) -> frozenset[str]:
    """A lower-cased word list (missing key: empty). Checks build their lexicons per draft,
    so each list's set is kept, keyed by the list object itself (params are not mutated)."""
    words = params.get(key, ())
    cached = _WORD_SETS.get(id(words))
    if cached is not None and cached[0] is words:
        return cached[1]
    if len(_WORD_SETS) > 4096:  # params built afresh per call would only fill it
        _WORD_SETS.clear()
    found = frozenset(str(w).lower() for w in words)
    _WORD_SETS[id(words)] = (words, found)
    return found


_BUILT: dict[tuple[object, ...], tuple[tuple[object, ...], object]] = {}
T = TypeVar("T")


def built_once(factory: Callable[[dict[str, Any]], T], params: dict[str, Any]) -> T:
    """`factory(params)`, kept for as long as the params hold the same values. Checks whose
    detector depends on nothing but the params (its lexicons) build it once per rule, not
    once per draft."""
    values = tuple(params.values())
    key = (factory, *params, *map(id, values))
    cached = _BUILT.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], values, strict=True)):
        return cached[1]  # type: ignore[return-value]
    if len(_BUILT) > 1024:  # params built afresh per call would only fill it
        _BUILT.clear()
    built = factory(params)
    _BUILT[key] = (values, built)
    return built


def in_words(token: Token, words: Iterable[str]) -> bool:
    """The token's lower form or its lemma is in the list."""
    lexicon = words if isinstance(words, (set, frozenset)) else set(words)
    lowers, lemmas = _word_forms(token.doc)
    return lowers[token.i] in lexicon or lemmas[token.i] in lexicon


_FORMS_KEY = "pitchlint.word_forms"  # doc.user_data: every token's lowercase form and lemma


def _word_forms(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's lowercase form and lowercase lemma, read once per doc: checks ask
    `in_words` of most tokens, and each `lower_`/`lemma_` builds a new string."""
    forms = doc.user_data.get(_FORMS_KEY)
    if forms is None or len(forms[0]) != len(doc):
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, LEMMA]).tolist()
        lowers = [strings[lower] for lower, _lemma in rows]
        lemmas = [strings[lemma].lower() for _lower, lemma in rows]
        forms = doc.user_data[_FORMS_KEY] = (lowers, lemmas)
    return forms


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
