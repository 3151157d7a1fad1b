"""`vertical-veneer` (rules/value/vertical-veneer.yaml): Flags the seller's product or offer aimed
at an industry or job-title label ("what we sell to CFOs", "our solution for healthcare CFOs") with
no problem of theirs named in the sentence: the same pitch with a vertical pasted on."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_question
from pitchlint.analysis.grammar import subject_of
from pitchlint.checks import check
from pitchlint.checks.value._helpers import _findings_once, _is_product, _subtree_span
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import in_words as _in
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of vertical-veneer.yaml, checked: a key not here is an error."""

    audience_words: list[str]
    audience_phrases: list[str]
    offer_verbs: list[str]
    serve_verbs: list[str]
    problem_nouns: list[str]
    pain_verbs: list[str]
    product_nouns: list[str]


# vertical-veneer --------------------------------------------------------------------------
class _Veneer:
    """The seller's product or offer aimed at an industry or function label ("what we sell
    to CFOs", "our solution for healthcare CFOs"), with no problem of theirs in the sentence."""

    def __init__(self, analysis: Analysis, params: dict[str, Any], recipient: Iterable[str | None]) -> None:
        self.analysis = analysis
        self.audiences = _lex(params, "audience_words")
        self.phrases = [p.lower() for p in params.get("audience_phrases", [])]
        self.phrases += [r.lower() for r in recipient if r]
        self.offer_verbs = _lex(params, "offer_verbs")
        self.serve_verbs = _lex(params, "serve_verbs")
        self.problems = _lex(params, "problem_nouns")
        self.pains = _lex(params, "pain_verbs")
        self.product_nouns = _lex(params, "product_nouns") | lx.PRODUCT_NOUNS

    def hit(self, sent: Span) -> tuple[int, int] | None:
        if is_question(sent) or any(_in(t, self.problems) or _in(t, self.pains) for t in sent):
            return None  # their problem is named: "for developers who hate writing docs"
        for clause in self.analysis.all_clauses_in(sent):
            if clause.agency != "seller":
                continue
            verb = clause.verb
            audience = self._audience_of(verb)
            if audience is None or not self._offers_product(verb):
                continue
            top = verb
            while top.dep_ == "conj" and self.analysis.agency_of_verb(top.head) != "other":
                top = top.head
            return _subtree_span(top)
        return None

    def _audience_of(self, verb: Token) -> Token | None:
        """An industry or function as the recipient of the offer: "sell to CFOs", "help
        financial services firms", "our solution for healthcare CFOs"."""
        subject = subject_of(verb)
        holders = [verb]
        if subject is not None and _is_product(self.analysis, subject, self.product_nouns):
            holders.append(subject)
        holders += [c for c in verb.children if c.dep_ in ("dobj", "attr") and _in(c, self.product_nouns)]
        for holder in holders:
            for prep in (
                c for c in holder.children if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "to")
            ):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if self._audience(pobj):
                        return pobj
            modifiers = [c for c in holder.children if c.dep_ in ("compound", "amod", "nmod")]
            if holder is not verb and any(self._audience(m) for m in modifiers):
                return holder  # "our healthcare platform"
        if _in(verb, self.serve_verbs):
            for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i):
                if self._audience(obj):
                    return obj
        return None

    def _audience(self, noun: Token) -> bool:
        """An industry or function noun, or a noun it modifies ("financial services firms")."""
        if noun.lower_ in lx.READER_PRONOUNS or any(c.lower_ in lx.READER_POSSESSIVES for c in noun.children):
            return False
        phrase = " ".join(t.lower_ for t in noun.subtree if not t.is_punct)
        words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "conj"))]
        if any(
            _in(w, self.audiences) or (w.lower_.endswith("s") and w.lower_[:-1] in self.audiences)
            for w in words
        ):
            return True
        return any(re.search(rf"\b{re.escape(p)}\b", phrase) for p in self.phrases)

    def _offers_product(self, verb: Token) -> bool:
        """The clause is about what the seller sells: an offer verb, or the product named."""
        if _in(verb, self.offer_verbs):
            # "what we sell to CFOs", "we build software for"; not "We sell to CFOs, so ..."
            return any(c.dep_ in ("dobj", "attr", "nsubjpass") for c in verb.children) or verb.lemma_ in (
                "specialize",
                "specialise",
            )
        subject = subject_of(verb)
        if (
            subject is not None
            and subject.lower_ not in lx.SELLER_PRONOUNS
            and _is_product(self.analysis, subject, self.product_nouns)
        ):
            return True
        return any(
            _in(t, self.product_nouns) and any(c.lower_ in lx.SELLER_POSSESSIVES for c in t.children)
            for t in verb.subtree
        )


@check("vertical-veneer")
def vertical_veneer(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding per sentence that pitches the product "for" or "to" an industry or role."""
    recipient = ctx.draft.meta.recipient
    detector = _Veneer(ctx.analysis, ctx.params_for(rule), (recipient.industry, recipient.role))
    spans = [hit for sent in ctx.analysis.body_sentences if (hit := detector.hit(sent)) is not None]
    yield from _findings_once(ctx, rule, spans)
