"""phrase, pattern and dependency kinds: spaCy matchers plus where-the-match-counts filters."""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

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
            if isinstance(spec, DependencyRule):
                self.dep_matcher = DependencyMatcher(vocab)
                for i, pattern in enumerate(spec.dependency_patterns):
                    self.dep_matcher.add(f"d{i}", [pattern])
                    self.filters[f"d{i}"] = spec.filters

    def spans(self, ctx: RuleContext) -> list[tuple[Span, str]]:
        doc = ctx.doc
        found: list[tuple[Span, str]] = []
        strings = doc.vocab.strings
        if self.matcher is not None:
            for match_id, start, end in self.matcher(doc):
                found.append((doc[start:end], strings[match_id]))
        if self.dep_matcher is not None:
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
        if filters.agency is not None:
            return analysis.agency_at(span.root) in filters.agency
        return True


def _phrase_doc(vocab: Vocab, phrase: str, attr: str) -> Doc:
    """Phrases match on LOWER or ORTH, so the tokenizer alone builds their patterns
    (for lemma matching, write a `pattern` rule)."""
    return spacy.blank("en", vocab=vocab).make_doc(phrase)
