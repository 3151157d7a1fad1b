"""The trained pipeline's attribute ruler and lemmatizer, applied by table lookup.

Both are rule tables, not models, yet in batch grading they cost as much as the parser:
the attribute ruler runs a Matcher with 179 patterns over every token, and the lemmatizer
makes a Python call per token. Nearly all the ruler's patterns look at one token's tag,
lowercase form, dependency and whitespace, so what they set is a function of those four
values: worked out once per combination and cached. The few patterns over two tokens still
go through a Matcher. The lemmatizer already caches lemmas by (word, part of speech,
morphology); the lookups here skip the per-token call. Both give exactly what spaCy's
components give (tests/test_pipeline_speedups.py compares them on every sample).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SIGNATURE = [TAG, LOWER, DEP, IS_SPACE]
Test = Callable[[Any], bool]


Match = tuple[int, dict[Any, Any]]  # (position in the ruler, the attributes it sets)


class LookupAttributeRuler:
    """Same output as the AttributeRuler it is built from."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.single: list[tuple[int, dict[int, Test], dict[Any, Any]]] = []
        self.matcher = Matcher(self.vocab)
        self.multi: dict[int, tuple[int, int, dict[Any, Any]]] = {}
        for attr_id, (entry, attrs, index) in enumerate(
            zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)
        ):
            for pattern in entry["patterns"]:
                tests = _single_token_tests(pattern, self.vocab) if len(pattern) == 1 and index == 0 else None
                if tests is not None:
                    self.single.append((attr_id, tests, attrs))
                else:
                    key = self.vocab.strings.add(f"pitchlint-ruler-{attr_id}")
                    self.matcher.add(key, [pattern])
                    self.multi[key] = (attr_id, index, attrs)
        self._by_signature: dict[tuple[int, ...], tuple[list[Match], dict[Any, Any]]] = {}
        # the patterns a token with a given tag can match, in the ruler's order
        self._any_tag = [p for p in self.single if _tags_of(p[1]) is None]
        tags = {tag for p in self.single for tag in _tags_of(p[1]) or ()}
        self._by_tag = {
            self.vocab.strings.add(tag): [p for p in self.single if tag in (_tags_of(p[1]) or (tag,))]
            for tag in tags
        }

    @staticmethod
    def supports(ruler: AttributeRuler) -> bool:
        """Whether every one-token pattern only tests the values the lookup keys on."""
        return all(
            len(p) != 1 or _single_token_tests(p, ruler.vocab) is not None
            for entry in ruler.patterns
            for p in entry["patterns"]
        )

    def __call__(self, doc: Doc) -> Doc:
        signatures = doc.to_array(_SIGNATURE).tolist()
        multi = self._multi_token_matches(doc)
        for i, signature in enumerate(signatures):
            matches, attrs = self._matches_for(tuple(signature))
            if i in multi:
                attrs = _apply_in_order([*matches, *multi[i]])
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _matches_for(self, signature: tuple[int, ...]) -> tuple[list[Match], dict[Any, Any]]:
        found = self._by_signature.get(signature)
        if found is None:
            values = {
                attr: self._value(attr, value) for attr, value in zip(_SIGNATURE, signature, strict=True)
            }
            candidates = self._by_tag.get(signature[0], self._any_tag)
            matches = [
                (attr_id, attrs)
                for attr_id, tests, attrs in candidates
                if all(test(values[attr]) for attr, test in tests.items())
            ]
            found = self._by_signature[signature] = (matches, _apply_in_order(matches))
        return found

    def _value(self, attr: int, value: int) -> str | bool:
        """A token's value as the Matcher compares it: a string, or a flag for IS_SPACE."""
        return bool(value) if attr == IS_SPACE else self.vocab.strings[value]

    def _multi_token_matches(self, doc: Doc) -> dict[int, list[Match]]:
        """Token index -> the multi-token patterns that set its attributes."""
        found: dict[int, list[Match]] = {}
        if self.multi:
            for key, start, end in self.matcher(doc, allow_missing=True):
                attr_id, index, attrs = self.multi[key]
                found.setdefault((start if index >= 0 else end) + index, []).append((attr_id, attrs))
        return found


def _apply_in_order(matches: list[Match]) -> dict[Any, Any]:
    """The AttributeRuler applies matches sorted by their position in it: later ones win."""
    merged: dict[Any, Any] = {}
    for _attr_id, attrs in sorted(matches, key=lambda m: m[0]):
        merged.update(attrs)
    return merged


class _OneOf:
    """An equality or IN test, which says what values it allows."""

    def __init__(self, values: Iterable[Any]) -> None:
        self.values = frozenset(values)

    def __call__(self, actual: Any) -> bool:
        return actual in self.values


def _single_token_tests(pattern: list[dict[str, Any]], vocab: Any) -> dict[int, Test] | None:
    """{attribute: test of its value} for a one-token pattern on the lookup's keys, with the
    Matcher's operators (equality, IN, NOT_IN, REGEX); None for anything else."""
    (token,) = pattern
    tests: dict[int, Test] = {}
    for name, value in token.items():
        attr = _KEYS.get(name.upper())
        if attr is None:
            return None
        test = _value_test(value)
        if test is None:
            return None
        tests[attr] = test
    return tests


def _tags_of(tests: dict[int, Test]) -> frozenset[str] | None:
    """The tags a pattern can match, when it names them; None when any tag may do."""
    test = tests.get(TAG)
    return getattr(test, "values", None)


def _value_test(value: Any) -> Test | None:
    if not isinstance(value, dict):
        return _OneOf([value])
    if len(value) != 1:
        return None
    ((operator, operand),) = value.items()
    if operator == "IN":
        return _OneOf(operand)
    if operator == "NOT_IN":
        return lambda actual: actual not in operand
    if operator == "REGEX":
        regex = re.compile(operand)
        return lambda actual: isinstance(actual, str) and bool(regex.search(actual))
    return None


class LookupLemmatizer:
    """Same output as the Lemmatizer it is built from: its lemma depends only on a token's
    text, part of speech and morphology, so each combination is lemmatised once."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self._lemmas[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def use_lookup_pipes(nlp: Language) -> None:
    """Swap the pipeline's attribute ruler and lemmatizer for their lookup versions (in
    place: `Language.replace_pipe` only builds components from a registered factory)."""
    for position, (name, component) in enumerate(nlp._components):
        if isinstance(component, AttributeRuler) and LookupAttributeRuler.supports(component):
            nlp._components[position] = (name, LookupAttributeRuler(component))
        elif isinstance(component, Lemmatizer) and component.mode in ("rule", "lookup"):
            nlp._components[position] = (name, LookupLemmatizer(component))
