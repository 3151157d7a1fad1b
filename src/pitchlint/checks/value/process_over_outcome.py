"""`process-over-outcome` (rules/value/process-over-outcome.yaml): Flags descriptions of how the
seller's product or service works ("how we automate ...", "our proprietary engine ...", "a proven
5-step methodology") with no outcome for the reader in that sentence or the next."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_question
from pitchlint.analysis.grammar import subject_of
from pitchlint.checks import check
from pitchlint.checks.value._helpers import (
    _MODALS,
    _findings_once,
    _is_product,
    _past,
    _span,
    _subtree_span,
    outcome_sentences,
)
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import in_words as _in
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of process-over-outcome.yaml, checked: a key not here is an error."""

    process_nouns: list[str]
    mechanism_modifiers: list[str]
    how_skip_verbs: list[str]
    product_nouns: list[str]
    outcome_verbs: list[str]


# process-over-outcome ---------------------------------------------------------------------
class _Process:
    """The mechanism described with the seller as agent: "how we automate ...", "our
    proprietary engine ingests ...", "our onboarding follows a 5-step methodology"."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.process_nouns = _lex(params, "process_nouns")
        self.mechanism_modifiers = _lex(params, "mechanism_modifiers")
        self.skip_verbs = _lex(params, "how_skip_verbs")
        self.product_nouns = _lex(params, "product_nouns") | lx.PRODUCT_NOUNS

    def how_clause(self, sent: Span) -> tuple[int, int] | None:
        """ "how we automate all the sales tax rates": present-tense seller mechanism."""
        for how in (t for t in sent if t.lower_ == "how" and t.dep_ == "advmod"):
            verb = how.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i < how.i or _in(verb, self.skip_verbs):
                continue
            hypothetical = any(
                c.dep_ == "aux" and c.lower_ in ("could", "might", "would", "may") for c in verb.children
            )
            if _past(verb) or hypothetical or any(c.lower_ == "together" for c in verb.children):
                continue  # a past story ("how we rebuilt it"), an idea ("how we could partner")
            subject = subject_of(verb)
            if subject is None or not self._seller_agent(subject, verb):
                continue
            clause = verb.doc[how.i : verb.right_edge.i + 1]
            if any(t.lower_ in lx.READER_PRONOUNS | lx.READER_POSSESSIVES for t in clause):
                continue  # "how we cut your close": the result is in the clause
            return _span(clause)
        return None

    def _seller_agent(self, subject: Token, verb: Token) -> bool:
        if subject.lower_ == "it":
            # "Here's how it works": the product explained, not a result
            return verb.lemma_.lower() == "work" and not any(
                c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children
            )
        clause = self.analysis.clause_of(verb)
        if clause is not None and clause.agency == "seller" and subject.lower_ in lx.SELLER_PRONOUNS:
            return True
        return _is_product(self.analysis, subject, self.product_nouns)

    def mechanism(self, sent: Span) -> tuple[int, int] | None:
        """A seller clause whose subject or object is the method itself."""
        if is_question(sent):
            return None
        for clause in self.analysis.all_clauses_in(sent):
            if clause.agency != "seller" or clause.service or _past(clause.verb):
                continue  # a story in the past tense is not a description of the method
            verb = clause.verb
            subject = subject_of(verb)
            nouns = [subject] if subject is not None else []
            nouns += [c for c in verb.children if c.dep_ in ("dobj", "attr")]
            nouns += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            if not (any(self._method_noun(n) for n in nouns) or self._proprietary(verb)):
                continue
            root = verb.head if verb.dep_ == "conj" else verb
            if any(t.lower_ in lx.READER_PRONOUNS | lx.READER_POSSESSIVES for t in root.subtree):
                continue  # "Our process starts with your question": framed around the reader
            return _span(sent) if root.dep_ == "ROOT" else _subtree_span(root)
        return None

    def _method_noun(self, noun: Token) -> bool:
        """ "our engine", "a proven 5-step methodology"; not "your process", "their workflow"."""
        if noun.pos_ not in ("NOUN", "PROPN") or not _in(noun, self.process_nouns):
            return False
        owners = [c.lower_ for c in noun.children if c.dep_ == "poss"]
        if owners:
            return all(o in lx.SELLER_POSSESSIVES for o in owners)
        return any(
            self._mechanism_modifier(c) for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
        )

    def _mechanism_modifier(self, token: Token) -> bool:
        return (
            _in(token, self.mechanism_modifiers)
            or bool(
                re.fullmatch(r"\d+|one|two|three|four|five|six|seven|eight|nine|ten", token.lower_)
                and token.head.lower_ in ("step", "stage", "phase", "point")
            )
            or (token.lower_ in ("step", "stage", "phase") and any(c.like_num for c in token.children))
        )

    def _proprietary(self, verb: Token) -> bool:
        """ "leverage our proprietary dataset": a trade-secret mechanism in a seller clause."""
        return any(
            t.lower_ in ("proprietary", "patented", "patent-pending")
            and t.dep_ == "amod"
            and not any(c.lower_ in lx.READER_POSSESSIVES for c in t.head.children)
            for t in verb.subtree
        )


@check("process-over-outcome")
def process_over_outcome(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Fire on each mechanism sentence that is not answered, in it or in the next sentence,
    by an outcome for the reader (the seed's "So What?" test)."""
    params = ctx.params_for(rule)
    detector = _Process(ctx.analysis, params)
    sentences = ctx.analysis.body_sentences
    outcomes = {s.start for s in outcome_sentences(ctx.analysis, _lex(params, "outcome_verbs"))}
    spans = []
    for i, sent in enumerate(sentences):
        hit = detector.how_clause(sent) or detector.mechanism(sent)
        if hit is None:
            continue
        answered = sent.start in outcomes or (i + 1 < len(sentences) and sentences[i + 1].start in outcomes)
        if not answered:
            spans.append(hit)
    yield from _findings_once(ctx, rule, spans)
