"""`expertise-insistence` (rules/claims/expertise-insistence.yaml): Flags the seller insisting on
its own expertise: "we know exactly what you need", "we understand your business better than
anyone", "the foremost experts in", "150 combined years of experience", "let me tell you why I'm the
best"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.grammar import claim_subject, negated, verb_above
from pitchlint.analysis.spans import char_span, ends_in_question, span_text, tokens_between
from pitchlint.checks import check
from pitchlint.checks.claims._helpers import _is_seller, _union
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import in_words as _in
from pitchlint.params import regex_any as _regex
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of expertise-insistence.yaml, checked: a key not here is an error."""

    cognition_verbs: list[str]
    certainty_adverbs: list[str]
    expert_nouns: list[str]
    credential_modifiers: list[str]
    tell_verbs: list[str]
    experience_patterns: list[str]


_BE = frozenset({"be", "am", "is", "are", "was", "were", "'m", "’m", "'re", "’re", "'s", "’s"})


def _field_end(noun: Token) -> int:
    """The end of "an expert in the WordPress website", not of the list that follows it."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "at")), None)
    field = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return field.i if field is not None else noun.i


# expertise-insistence ----------------------------------------------------------------------
class _Expertise:
    """The seller telling the reader how much it knows, instead of showing it."""

    def __init__(self, params: dict[str, Any], analysis: Analysis) -> None:
        self.analysis = analysis
        self.cognition = _lex(params, "cognition_verbs")
        self.intensifiers = _lex(params, "certainty_adverbs")
        self.experts = _lex(params, "expert_nouns")
        self.credentials = _lex(params, "credential_modifiers")
        self.tell_verbs = _lex(params, "tell_verbs")
        self.experience = _regex(params, "experience_patterns")

    def hits(self, sent: Span) -> Iterator[tuple[int, int]]:
        for token in sent:
            found = (
                self._knows_exactly(token)
                or self._nobody_knows_better(token)
                or self._the_experts(token)
                or self._why_we_are(token)
            )
            if found is not None:
                yield char_span(tokens_between(sent, *found))
        for match in self.experience.finditer(span_text(sent)):
            start = sent.start_char + match.start()
            span = sent.doc.char_span(start, sent.start_char + match.end(), alignment_mode="expand")
            if span is not None and self._sellers(span):
                yield span.start_char, span.end_char

    def _knows_exactly(self, verb: Token) -> tuple[int, int] | None:
        """ "we know exactly what you need", "we understand your business better than anyone"."""
        if verb.pos_ != "VERB" or not _in(verb, self.cognition) or negated(verb):
            return None
        subject = claim_subject(verb)
        if not _is_seller(subject, self.analysis) or subject is None:
            return None
        for node in verb.subtree:
            if node.i == verb.i or verb_above(node) not in (verb, *verb.children):
                continue
            if node.lower_ in self.intensifiers and node.i > verb.i:
                return min(subject.i, verb.i), node.i
            if node.lower_ in ("better", "best") and node.head.i == verb.i:
                return min(subject.i, verb.i), node.right_edge.i  # "better than anyone"
            if node.lower_ in ("inside", "backwards") and node.i + 1 < len(node.doc):
                last = node.right_edge.i
                while last + 1 < len(node.doc) and node.doc[last + 1].lower_ in ("out", "and", "forwards"):
                    last += 1
                return min(subject.i, verb.i), last  # "inside out", "backwards and forwards"
        return None

    def _nobody_knows_better(self, verb: Token) -> tuple[int, int] | None:
        """ "No one knows retail tax better than we do"."""
        if verb.pos_ != "VERB" or not _in(verb, self.cognition):
            return None
        subject = claim_subject(verb)
        if subject is None:
            return None
        nobody = subject.lower_ in ("nobody", "noone") or (
            subject.lower_ in ("one", "company", "team", "firm", "vendor")
            and any(c.lower_ == "no" for c in subject.children)
        )
        if not nobody:
            return None
        compared = [t for t in verb.subtree if t.lower_ in ("better", "like", "more") and t.i > verb.i]
        if compared and any(t.lower_ in lx.SELLER_PRONOUNS for t in verb.subtree if t.i > compared[0].i):
            return subject.left_edge.i, verb.right_edge.i
        return None

    def _the_experts(self, noun: Token) -> tuple[int, int] | None:
        """ "We're experts in", "As the foremost experts in sales tax", "our certified experts",
        "our team of PhDs". Plain "our experts help you" is a staffing fact, not insistence."""
        if noun.pos_ not in ("NOUN", "PROPN") or not _in(noun, self.experts):
            return None
        # end at the field of expertise: "an expert in the WordPress website", not the list after it
        end = _field_end(noun)
        head = noun.head
        subject = claim_subject(head)
        # "I'm an expert in", "we are the experts"
        copula = noun.dep_ in ("attr", "acomp") and head.lemma_.lower() in _BE | {"be"}
        if copula and subject is not None and _is_seller(subject, self.analysis) and not negated(head):
            return subject.i, end
        # "As the foremost experts in X, we ..."
        titled = any(c.lower_ == "the" or _in(c, self.credentials) for c in noun.children)
        as_frame = noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX")
        if as_frame and titled and _is_seller(claim_subject(head.head), self.analysis):
            return head.i, end
        # "our certified experts", "our team of PhDs"
        credentialed = any(_in(c, self.credentials) for c in noun.children if c.dep_ in ("amod", "compound"))
        owner = noun
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("team", "group", "staff"):
            owner = head.head
            credentialed = True
        if credentialed and any(
            c.dep_ == "poss" and c.lower_ in lx.SELLER_POSSESSIVES for c in owner.children
        ):
            return owner.left_edge.i, noun.i
        # "Acme, the experts in sales tax, ..." (Acme being the sender's company)
        if noun.dep_ == "appos" and titled and _is_seller(head, self.analysis) and end != noun.i:
            return noun.left_edge.i, end
        return None

    def _why_we_are(self, verb: Token) -> tuple[int, int] | None:
        """ "let me tell you why I'm the best", "show you why we're the right partner"."""
        if not _in(verb, self.tell_verbs):
            return None
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl")):
            why = any(c.lower_ == "why" for c in clause.children)
            copula = clause.lemma_.lower() in _BE | {"be"} or clause.lower_ in _BE
            if why and copula and _is_seller(claim_subject(clause), self.analysis):
                first = verb.i
                if verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("me", "us") and verb.i > 1:
                    first = verb.doc[verb.i - 2].i if verb.doc[verb.i - 2].lower_ == "let" else first
                return first, clause.right_edge.i
        return None

    def _sellers(self, span: Span) -> bool:
        """A years-of-experience claim whose owner is the seller."""
        verb = verb_above(span.root)
        owners = [c for c in span.root.children if c.dep_ == "poss"]
        if any(o.lower_ in lx.SELLER_POSSESSIVES for o in owners):
            return True
        return verb is not None and _is_seller(claim_subject(verb), self.analysis)


@check("expertise-insistence")
def expertise_insistence(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Claims of superior knowledge or recited credentials; questions and negations are
    honest ("I don't know how your team handles this") and stay quiet."""
    detector = _Expertise(ctx.params_for(rule), ctx.analysis)
    for sent in ctx.analysis.body_sentences:
        if ends_in_question(sent):
            continue
        spans = list(detector.hits(sent))
        if spans:
            yield ctx.finding(rule, *_union(spans))
