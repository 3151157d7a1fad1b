"""`seller-as-hero` (rules/value/seller-as-hero.yaml): Flags customer stories in which the seller
does the actions ("we rebuilt their pipeline, retrained their reps and tripled their revenue", "We
helped Globex achieve 300% ROI") and the customer is only the object."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.grammar import subject_of
from pitchlint.checks import check
from pitchlint.checks.value._helpers import _past, _sentence_span
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import entity_type, is_merge_tag
from pitchlint.params import in_words as _in
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of seller-as-hero.yaml, checked: a key not here is an error."""

    min_seller_actions: int
    customer_nouns: list[str]
    peer_nouns: list[str]
    peer_determiners: list[str]
    customer_merge_tag: str
    excluded_entity_types: list[str]
    non_action_verbs: list[str]
    receipt_verbs: list[str]


# seller-as-hero ---------------------------------------------------------------------------
_STORY_PRONOUNS = frozenset({"they", "them", "she", "he", "her", "him"})
_STORY_POSSESSIVES = frozenset({"their", "her", "his", "its"})
_CALENDAR_WORD = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|q[1-4]",
    re.I,
)


class _Story:
    """Who acts in a customer story: the seller ("we rebuilt their pipeline") or the customer
    ("after her team moved rate lookups into their ERP, they close in 4")."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.customer_nouns = _lex(params, "customer_nouns")
        self.peer_nouns = _lex(params, "peer_nouns")
        self.peer_determiners = _lex(params, "peer_determiners")
        self.passive_verbs = _lex(params, "non_action_verbs")
        self.receipt_verbs = _lex(params, "receipt_verbs")
        self.customer_tag = re.compile(params.get("customer_merge_tag", r"(?!)"), re.I)
        self.excluded_entities = _lex(params, "excluded_entity_types")

    # who is the customer -------------------------------------------------------------
    def customer(self, token: Token, in_story: bool) -> bool:
        """A third-party customer: a name, "one of our clients", "another team", or (inside
        a story) "they" and whatever "their"/"her" owns."""
        lower = token.lower_
        if in_story and (lower in _STORY_PRONOUNS or lower in _STORY_POSSESSIVES):
            return True
        if is_merge_tag(token):
            return bool(self.customer_tag.search(lower))
        if token.pos_ == "PROPN":
            return self._named_customer(token)
        if token.pos_ == "NUM" or lower == "one":
            return any(
                _in(p, self.customer_nouns)
                for prep in token.children
                if prep.lower_ == "of"
                for p in prep.children
                if p.dep_ == "pobj"
            )
        if _in(token, self.customer_nouns):
            return True
        if _in(token, self.peer_nouns):
            return any(
                c.dep_ in ("det", "amod", "nummod") and _in(c, self.peer_determiners) for c in token.children
            )
        return False

    def _named_customer(self, token: Token) -> bool:
        if token.dep_ in ("compound", "amod", "nmod", "appos"):
            return False
        if not token.text[:1].isupper() or token.like_url or token.like_email or "." in token.text:
            return False  # "your site acme.io"
        if _CALENDAR_WORD.fullmatch(token.text):
            return False  # "for Thursday", even when no entity recognizer ran
        if entity_type(token).lower() in self.excluded_entities:
            return False  # a place, a date, a figure (asked last: it runs the recognizer)
        if self.analysis.agency_of(token) != "other":
            return False  # the seller's or the reader's own name
        if token.dep_ == "pobj":
            return token.head.lower_ == "for"
        if any(c.dep_ in ("det", "nummod") for c in token.children):
            return False  # "one API": a common noun capitalised
        return token.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "dative")

    def owned_by_customer(self, token: Token, in_story: bool) -> bool:
        """ "Globex's controller", "her team", "their VP of Sales"."""
        if self.customer(token, in_story):
            return True
        return any(c.dep_ == "poss" and self.customer(c, in_story) for c in token.children)

    # stories ----------------------------------------------------------------------------
    def story_sentences(self, sentences: tuple[Span, ...]) -> list[Span]:
        """Sentences in which a customer takes part in a past event (as its subject, or as
        the one it was done to or for), and the "they ..." sentences that continue them."""
        found: list[Span] = []
        for sent in sentences:
            continues = bool(found) and found[-1].end == sent.start
            if any(self._customer_event(verb, continues) for verb in sent if _past(verb)):
                found.append(sent)
        return found

    def _customer_event(self, verb: Token, in_story: bool) -> bool:
        if verb.lemma_.lower() == "help" and self._helped(verb) is not None:
            return True
        participants = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")]
        participants += [
            p for prep in verb.children if prep.lower_ == "for" for p in prep.children if p.dep_ == "pobj"
        ]
        return any(
            self.owned_by_customer(p, in_story) and not (p.lower_ in _STORY_PRONOUNS and not in_story)
            for p in participants
        )

    def _helped(self, help_verb: Token) -> Token | None:
        """The third party in "We helped Globex achieve ..." / "helped {{customer}} cut ...":
        whatever stands between "helped" and its complement verb, if it is not the seller or
        the reader."""
        comp = next(
            (c for c in help_verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > help_verb.i), None
        )
        end = comp.i if comp is not None else help_verb.sent.end
        for token in help_verb.doc[help_verb.i + 1 : end]:
            if token.pos_ not in ("NOUN", "PROPN", "NUM") or token.dep_ in ("compound", "amod", "poss"):
                continue
            if is_merge_tag(token):
                return token if self.customer(token, False) else None
            if token.lower_ in lx.READER_PRONOUNS or self.analysis.agency_of(token) != "other":
                return None
            if self.customer(token, False) or token.pos_ == "PROPN":
                return token
        return None

    def agents(self, sent: Span) -> tuple[list[Token], list[Token]]:
        """(seller action verbs, customer action verbs) in a story sentence."""
        seller: list[Token] = []
        customer: list[Token] = []
        for verb in sent:
            clausal = verb.dep_ in ("ccomp", "xcomp") and any(
                c.dep_ in ("nsubj", "dobj") for c in verb.children
            )
            if verb.pos_ != "VERB" and not clausal:
                continue  # also "helped a retailer cut prep" with "cut" mistagged as a noun
            if _in(verb, self.passive_verbs) or verb.dep_ in ("amod", "compound", "aux"):
                continue
            who = self._agent(verb)
            if who == "seller":
                seller.append(verb)
            elif who == "customer":
                customer.append(verb)
        return seller, customer

    def _agent(self, verb: Token) -> str:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.dep_ == "nsubjpass":
            return "other"  # "their pipeline was rebuilt": no agent named
        helper = verb.head if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() == "help" else None
        if helper is not None and (subject is None or subject.lower_ not in lx.SELLER_PRONOUNS):
            # the one helped acts ("helped a retailer cut prep"), unless it only receives the
            # result: "helped Globex achieve 300% ROI" is the helper's action
            return self._agent(helper) if _in(verb, self.receipt_verbs) else "customer"
        if subject is None:
            return self._inherited(verb)
        if subject.lower_ in lx.SELLER_PRONOUNS or (
            self.analysis.agency_of(subject) == "seller" and not self.customer(subject, True)
        ):
            return "seller"
        return "customer" if self.owned_by_customer(subject, True) else "other"

    def _inherited(self, verb: Token) -> str:
        """No subject of its own: "retrained their reps and tripled ...", "by rebuilding ..."."""
        head = verb.head
        if head.i == verb.i:
            # "we rebuilt their pipeline, retrained their reps ...": the parser often hangs
            # the first item of a past-tense list under the second as a complement
            lead = [c for c in verb.lefts if c.dep_ in ("ccomp", "parataxis") and subject_of(c) is not None]
            return self._agent(lead[-1]) if verb.tag_ == "VBD" and lead else "other"
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head
        if verb.dep_ == "xcomp":
            controller = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if controller is not None:  # "encourage you to take": "you" takes
                return "customer" if self.owned_by_customer(controller, True) else "other"
        return self._agent(head) if head.pos_ in ("VERB", "AUX") and head.i != verb.i else "other"


@check("seller-as-hero")
def seller_as_hero(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding per draft when the seller does more of the story's actions than the
    customer does; it sits on the story sentence with the most seller actions."""
    story = _Story(ctx.analysis, ctx.params_for(rule))
    sentences = story.story_sentences(ctx.analysis.body_sentences)
    counted = [(sent, *story.agents(sent)) for sent in sentences]
    seller = sum(len(s) for _, s, _ in counted)
    customer = sum(len(c) for _, _, c in counted)
    if seller < ctx.params_for(rule).get("min_seller_actions", 2) or seller <= customer:
        return  # one seller verb ("We hosted Globex's team") is not yet a hero's story
    sent = max(counted, key=lambda item: len(item[1]))[0]
    detail = f"{seller} action{'s' if seller != 1 else ''} by the seller, {customer} by the customer"
    yield ctx.finding(rule, *_sentence_span(sent), detail=detail)
