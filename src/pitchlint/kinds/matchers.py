"""phrase, pattern and dependency kinds: spaCy matchers plus where-the-match-counts filters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import spacy
from spacy.attrs import LEMMA, LOWER, NORM, ORTH
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from pitchlint.analysis.claims import praised
from pitchlint.analysis.core import is_question
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.schema import DependencyRule, Filters, PatternRule, PhraseRule


class MatcherChecker:
    def __init__(self, rule: LoadedRule, vocab: Vocab) -> None:
        self.rule = rule
        spec = rule.spec
        assert isinstance(spec, (PhraseRule, PatternRule, DependencyRule))
        self.filters: dict[str, Filters] = {}
        self.matcher: Matcher | PhraseMatcher | None = None
        self.dep_matcher: DependencyMatcher | None = None
        # per matcher, the words each pattern requires (None: always run it)
        self.anchors: list[list[frozenset[int]]] | None = None
        self.dep_anchors: list[list[frozenset[int]]] | None = None
        if isinstance(spec, PhraseRule):
            self.matcher = PhraseMatcher(vocab, attr=spec.attr)
            self.matcher.add("phrase", [_phrase_doc(vocab, p, spec.attr) for p in spec.phrases])
            self.filters["phrase"] = spec.filters
        else:
            if spec.patterns:
                self.matcher = Matcher(vocab)
                for i, pattern in enumerate(spec.patterns):
                    key = f"p{i}"
                    self.matcher.add(key, [pattern.tokens])
                    self.filters[key] = pattern.filters or spec.filters
                self.anchors = [_required_words(p.tokens, vocab) for p in spec.patterns]
            if isinstance(spec, DependencyRule):
                self.dep_matcher = DependencyMatcher(vocab)
                for i, pattern in enumerate(spec.dependency_patterns):
                    self.dep_matcher.add(f"d{i}", [pattern])
                    self.filters[f"d{i}"] = spec.filters
                self.dep_anchors = [
                    _required_words([node.get("RIGHT_ATTRS", {}) for node in p], vocab)
                    for p in spec.dependency_patterns
                ]

    def spans(self, ctx: RuleContext) -> list[tuple[Span, str]]:
        doc = ctx.doc
        found: list[tuple[Span, str]] = []
        strings = doc.vocab.strings
        if self.matcher is not None and _may_match(doc, self.anchors):
            for match_id, start, end in self.matcher(doc):
                found.append((doc[start:end], strings[match_id]))
        if self.dep_matcher is not None and _may_match(doc, self.dep_anchors):
            for match_id, token_ids in self.dep_matcher(doc):
                start, end = min(token_ids), max(token_ids) + 1
                found.append((doc[start:end], strings[match_id]))
        return found

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        accepted: list[Span] = []
        for span, key in self.spans(ctx):
            if any(is_merge_tag(t) for t in span) or any(t.is_space for t in span):
                continue
            if self._passes(ctx, span, self.filters[key]):
                accepted.append(span)
        for span in filter_spans(accepted):
            yield ctx.finding(self.rule, span.start_char, span.end_char)

    @staticmethod
    def _passes(ctx: RuleContext, span: Span, filters: Filters) -> bool:
        analysis = ctx.analysis
        sentence = span.sent
        if filters.sentences is not None:
            index = analysis.sentence_index(span[0])
            if index is None or index >= filters.sentences:
                return False
        if filters.questions != "any":
            question = is_question(sentence)
            if question != (filters.questions == "only"):
                return False
        if filters.about is not None and praised(analysis, span) not in filters.about:
            return False
        if filters.agency is not None:
            return analysis.agency_at(span.root) in filters.agency
        return True


_WORD_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "LEMMA": LEMMA}
_WORDS_KEY = "pitchlint.words"  # doc.user_data: hashes of every form of every word


def _required_words(pattern: list[dict[str, Any]], vocab: Vocab) -> list[frozenset[int]]:
    """For each token a match must include and that names its words (`LOWER: "never"`,
    `LEMMA: {IN: [...]}`), the hashes of those words."""
    required = []
    for token in pattern:
        op = str(token.get("OP", "1"))
        if op in ("?", "*", "!") or op.startswith(("{0", "{,")):
            continue
        for name, value in token.items():
            if name.upper() not in _WORD_ATTRS:
                continue
            if isinstance(value, str):
                options = [value]
            elif isinstance(value, dict) and set(value) == {"IN"}:
                options = value["IN"]
            else:
                continue
            required.append(frozenset(vocab.strings.add(str(v)) for v in options))
    return required


def _may_match(doc: Doc, anchors: list[list[frozenset[int]]] | None) -> bool:
    """Whether some pattern has every word it requires in the draft. The Matcher tries
    every pattern at every token, calling Python for each IN and REGEX test; most drafts
    contain none of a rule's key words."""
    if anchors is None:
        return True
    words = _words_in(doc)
    return any(all(words & options for options in required) for required in anchors)


def _words_in(doc: Doc) -> set[int]:
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        columns = [ORTH, LOWER, NORM, LEMMA] if doc.has_annotation("LEMMA") else [ORTH, LOWER, NORM]
        words = doc.user_data[_WORDS_KEY] = set(doc.to_array(columns).ravel().tolist())
    return words


def _phrase_doc(vocab: Vocab, phrase: str, attr: str) -> Doc:
    """Phrases match on LOWER or ORTH, so the tokenizer alone builds their patterns
    (for lemma matching, write a `pattern` rule)."""
    return spacy.blank("en", vocab=vocab).make_doc(phrase)
