"""`no-emotional-payoff` (rules/value/no-emotional-payoff.yaml): Flags a pitch (the seller or its
product claims a result or a capability) that never says how the reader will feel: no relief,
confidence, peace of mind or better day. Advisory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_question
from pitchlint.analysis.grammar import subject_of
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.checks.value._helpers import _is_product, _sentence_span
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.params import in_words as _in
from pitchlint.params import regex_any
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of no-emotional-payoff.yaml, checked: a key not here is an error."""

    claim_verbs: list[str]
    feeling_words: list[str]
    feeling_verbs: list[str]
    people_nouns: list[str]
    non_feeling_modifiers: list[str]
    relief_patterns: list[str]
    sign_off_patterns: list[str]
    product_nouns: list[str]


# no-emotional-payoff ----------------------------------------------------------------------
class _Payoff:
    """Does the draft pitch (a seller or product claim), and does it ever say how the reader
    will feel? Fear ("Are you confident you're audit proof?") and the seller's own feelings
    ("We're excited to introduce") are not a payoff."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.claim_verbs = _lex(params, "claim_verbs")
        self.feelings = _lex(params, "feeling_words")
        self.feeling_verbs = _lex(params, "feeling_verbs")
        self.people = _lex(params, "people_nouns")
        self.non_feelings = _lex(params, "non_feeling_modifiers")
        self.relief = regex_any(params, "relief_patterns")
        self.sign_offs = regex_any(params, "sign_off_patterns")
        self.product_nouns = _lex(params, "product_nouns") | lx.PRODUCT_NOUNS

    def claim(self, sent: Span, after_product: bool) -> bool:
        """A declarative sentence in which the seller or its product claims a result or a
        capability ("We cut close time", "Acme reduces reconciliation time by 38%", "It syncs
        with NetSuite" right after the product was named)."""
        if is_question(sent):
            return False
        # also subordinate clauses: "excited to share that our platform supports"
        for clause in self.analysis.all_clauses_in(sent):
            if clause.service or not _in(clause.verb, self.claim_verbs):
                continue
            if clause.verb.dep_ in ("relcl", "acl"):
                continue  # "the drafts we saved" describes a noun, it claims nothing
            if clause.verb.lemma_.lower() == "make" and not any(
                c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in clause.verb.children
            ):
                continue  # "make it easy" claims; "I made a few mistakes" does not
            subject = subject_of(clause.verb)
            if clause.agency == "seller" or (
                subject is not None
                and (
                    _is_product(self.analysis, subject, self.product_nouns)
                    or (subject.pos_ == "PROPN" and not is_merge_tag(subject) and clause.verb.tag_ == "VBZ")
                    or (after_product and subject.lower_ in ("it", "this") and clause.verb.tag_ == "VBZ")
                )
            ):
                return True
        return False

    def names_product(self, sent: Span) -> bool:
        """ "our new reporting suite": the next "it" is the product."""
        return any(
            t.pos_ in ("NOUN", "PROPN") and _is_product(self.analysis, t, self.product_nouns) for t in sent
        )

    def payoff(self, sent: Span) -> bool:
        if self.analysis.question_kind(sent) == "loaded" or self.sign_offs.search(span_text(sent)):
            return False
        if self.relief.search(span_text(sent)):
            return True
        return any(_in(t, self.feelings) and self._felt_by_reader(t) for t in sent)

    def _felt_by_reader(self, token: Token) -> bool:
        """A feeling the reader (or a customer like them) has: not "I'm excited to share",
        "Happy to help", "a secure server", "financial relief" or "search engines love it"."""
        if token.dep_ == "compound" or self._own_feeling(token):
            return False
        clause = self.analysis.clause_of(token)
        customers = clause is not None and clause.subject is not None and _in(clause.subject, self.people)
        if (
            clause is not None
            and clause.agency == "seller"
            and clause.verb.lemma_.lower() not in ("hope", "bet")
            and not customers  # "Our clients love how quickly they close"
        ):
            return False
        if token.pos_ == "VERB":
            return _in(token, self.feeling_verbs) and self._person_feels(token)
        if token.pos_ == "ADJ":
            if token.dep_ in ("amod", "advmod", "npadvmod"):
                return False  # "a secure server", "fun facts"
            speaker = any(c.dep_ == "xcomp" for c in token.children) and subject_of(token.head) is None
            return not speaker  # "Happy to send the notes": the sender's offer
        return token.pos_ == "NOUN" and not any(_in(c, self.non_feelings) for c in token.children)

    def _person_feels(self, verb: Token) -> bool:
        subject = subject_of(verb)
        if subject is None:
            return False
        if subject.lower_ in lx.READER_PRONOUNS or self.analysis.agency_of(subject) == "reader":
            return True
        if not (_in(subject, self.people) or subject.lower_ in ("she", "he", "they")):
            return False  # "500 banks trust Acme", "Search engines love long posts"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return not any(o.pos_ == "PROPN" or self.analysis.agency_of(o) == "seller" for o in objects)

    def _own_feeling(self, token: Token) -> bool:
        """ "I'm excited to share", "we'd love to": the seller's feeling, not the reader's."""
        node = token
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        subject = subject_of(node)
        return subject is not None and subject.lower_ in lx.SELLER_PRONOUNS


@check("no-emotional-payoff")
def no_emotional_payoff(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """At most one finding per draft, on its first claim sentence, when the draft pitches and
    no sentence names a feeling for the reader."""
    detector = _Payoff(ctx.analysis, ctx.params_for(rule))
    sentences = ctx.analysis.body_sentences
    claims = [
        s
        for i, s in enumerate(sentences)
        if detector.claim(s, i > 0 and detector.names_product(sentences[i - 1]))
    ]
    if not claims or any(detector.payoff(s) for s in sentences):
        return
    yield ctx.finding(rule, *_sentence_span(claims[0]), claims=len(claims))
