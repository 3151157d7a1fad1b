"""phrase, pattern and dependency kinds: spaCy matchers plus where-the-match-counts filters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
        self.phrases: PhraseMatcher | None = None
        self.token_patterns: _SubsetMatchers | None = None
        self.dependency_patterns: _SubsetMatchers | None = None
        if isinstance(spec, PhraseRule):
            self.phrases = PhraseMatcher(vocab, attr=spec.attr)
            self.phrases.add("phrase", [_phrase_doc(vocab, p, spec.attr) for p in spec.phrases])
            self.filters["phrase"] = spec.filters
            return
        if spec.patterns:
            tokens = [p.tokens for p in spec.patterns]
            anchors = [_required_words(p, vocab) for p in tokens]
            self.token_patterns = _SubsetMatchers(vocab, "p", tokens, anchors, Matcher)
            for i, pattern in enumerate(spec.patterns):
                self.filters[f"p{i}"] = pattern.filters or spec.filters
        if isinstance(spec, DependencyRule):
            patterns = spec.dependency_patterns
            anchors = [_required_words([node.get("RIGHT_ATTRS", {}) for node in p], vocab) for p in patterns]
            self.dependency_patterns = _SubsetMatchers(vocab, "d", patterns, anchors, DependencyMatcher)
            for i in range(len(patterns)):
                self.filters[f"d{i}"] = spec.filters

    def spans(self, ctx: RuleContext) -> list[tuple[Span, str]]:
        doc = ctx.doc
        found: list[tuple[Span, str]] = []
        strings = doc.vocab.strings
        if self.phrases is not None:
            for match_id, start, end in self.phrases(doc):
                found.append((doc[start:end], strings[match_id]))
        token_matcher = self.token_patterns.for_doc(doc) if self.token_patterns else None
        if token_matcher is not None:
            for match_id, start, end in token_matcher(doc):
                found.append((doc[start:end], strings[match_id]))
        dependency_matcher = self.dependency_patterns.for_doc(doc) if self.dependency_patterns else None
        if dependency_matcher is not None:
            for match_id, token_ids in dependency_matcher(doc):
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


class _SubsetMatchers:
    """A rule's patterns, run on a draft only when the draft has every word a pattern
    requires. spaCy's matchers try every pattern at every token, calling Python for each IN
    and REGEX test, and most drafts have the words of one or two of a rule's patterns, so a
    draft gets a matcher of just those (one per set of patterns, built when first needed).
    A pattern's matches do not depend on the others in its matcher: the results are those
    of one matcher of every pattern."""

    _KEEP = 64  # matchers kept per rule; the sets of patterns drafts need are few

    def __init__(
        self,
        vocab: Vocab,
        prefix: str,
        patterns: Sequence[list[dict[str, Any]]],
        anchors: list[list[frozenset[int]]],
        kind: type[Matcher] | type[DependencyMatcher],
    ) -> None:
        self.vocab = vocab
        self.prefix = prefix  # the key of pattern i is prefix + i, as the filters are keyed
        self.patterns = patterns
        self.anchors = anchors  # per pattern, the words it requires
        self.kind = kind
        self.built: dict[tuple[int, ...], Matcher | DependencyMatcher] = {}

    def for_doc(self, doc: Doc) -> Matcher | DependencyMatcher | None:
        """A matcher of the patterns that may match the draft (None: none may)."""
        words = _words_in(doc)
        runnable = tuple(
            i for i, required in enumerate(self.anchors) if all(words & options for options in required)
        )
        if not runnable:
            return None
        matcher = self.built.get(runnable)
        if matcher is None:
            if len(self.built) >= self._KEEP:
                self.built.clear()
            matcher = self.built[runnable] = self.kind(self.vocab)
            for i in runnable:
                matcher.add(f"{self.prefix}{i}", [self.patterns[i]])
        return matcher


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
