"""`wrong-person-referral-ask` (rules/asks/wrong-person-referral-ask.yaml): Flags asking the reader
to redirect you ("if you're not the right person, who should I contact?", "point me to whoever
handles this", "forward this to the appropriate person"); an error on a first email, a warning on
later touches."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis.core import is_question
from pitchlint.analysis.grammar import negated, own_subject
from pitchlint.analysis.spans import Hit, any_match, earliest, hit_of, matches_in, span_text
from pitchlint.checks import check
from pitchlint.checks.asks._helpers import _end, regexes
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of wrong-person-referral-ask.yaml, checked: a key not here is an error."""

    person_nouns: list[str]
    fit_adjectives: list[str]
    redirect_verbs: list[str]
    ask_patterns: list[str]
    forward_patterns: list[str]
    gift_patterns: list[str]
    asking_patterns: list[str]


_READER = frozenset({"you", "u", "ya"})


def _asking(sent: Span) -> bool:
    """A question, a condition or a request: the frames in which a referral is asked for."""
    text = span_text(sent)
    return is_question(sent) or bool(
        re.search(
            r"\b(?:if|whether|unless|please|kindly|let me know|let us know|tell me|feel free|could you|"
            r"can you|would you)\b",
            text,
            re.I,
        )
    )


# wrong-person-referral-ask -------------------------------------------------------------------
@check("wrong-person-referral-ask")
def wrong_person_referral_ask(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """The rule's severity on a first touch; a later touch may have earned some help, so no
    more than a warning there."""
    params = ctx.params_for(rule)
    declared = Severity.parse(rule.spec.severity)
    severity = min(declared, Severity.WARNING) if ctx.draft.meta.is_follow_up else None
    sentences = ctx.analysis.body_sentences
    for i, sent in enumerate(sentences):
        gift = i > 0 and any_match(sentences[i - 1], regexes(params, "gift_patterns"))
        hit = earliest(_referral_hits(sent, params, gift))
        if hit is not None:
            yield ctx.finding(rule, *hit, severity=severity)


def _referral_hits(sent: Span, params: dict[str, Any], gift: bool) -> Iterator[Hit]:
    persons = _words(params, "person_nouns")
    fit = _words(params, "fit_adjectives")
    for token in sent:
        if token.lemma_.lower() in persons or token.lower_ in persons:
            fitness = [c for c in token.children if c.dep_ == "amod" and c.lower_ in fit]
            if fitness:
                hit = _unfit_reader(token, sent) or _redirect_to(token, params) or _reached_wrong(token)
                if hit is not None:
                    yield hit
    for match in matches_in(sent, regexes(params, "ask_patterns")):
        yield hit_of(sent, match)
    if not gift:
        for match in matches_in(sent, regexes(params, "forward_patterns")):
            yield hit_of(sent, match)
    if _asking(sent):
        for match in matches_in(sent, regexes(params, "asking_patterns")):
            yield hit_of(sent, match)


def _unfit_reader(person: Token, sent: Span) -> Hit | None:
    """ "if you're not the right person", "Are you the right person ...?", "who is the best
    person ...": the reader's fit is in doubt. "You're the right person to ask" is not."""
    if person.dep_ != "attr" or person.head.lemma_ != "be":
        return None
    verb = person.head
    subject = own_subject(verb)
    if subject is not None and subject.lower_ in _READER:
        asked = is_question(sent) and verb.i < subject.i  # "Are you the right person ...?"
        doubted = asked or negated(verb) or any(c.dep_ == "mark" for c in verb.children)
        return (subject.idx, _end(person)) if doubted else None
    who = next((c for c in verb.children if c.lower_ in ("who", "whom", "who's")), None)
    if who is not None:
        return who.idx, _end(person)
    return None


def _redirect_to(person: Token, params: dict[str, Any]) -> Hit | None:
    """ "could you point me to the right person", "connect me with the appropriate contact"."""
    prep = person.head
    if person.dep_ != "pobj" or prep.lower_ not in ("to", "with", "towards", "toward"):
        return None
    verb = prep.head
    if verb.lemma_.lower() not in _words(params, "redirect_verbs"):
        return None
    subject = own_subject(verb)
    if subject is not None and subject.lower_ not in _READER:
        return None  # "I was pointed to the right person by ..." / "we'll connect you with ..."
    if any(c.dep_ in ("dobj", "dative") and c.lower_ == "you" for c in verb.children):
        return None  # the seller offers to connect the reader
    return verb.idx, _end(person)


def _reached_wrong(person: Token) -> Hit | None:
    """ "if I've reached the wrong person", "apologies if this went to the wrong contact"."""
    if not any(c.lower_ == "wrong" for c in person.children):
        return None
    verb = person.head if person.dep_ == "dobj" else person.head.head if person.dep_ == "pobj" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = own_subject(verb)
    if subject is None or subject.lower_ not in ("i", "we", "this", "it", "email", "message", "note"):
        return None
    return verb.idx, _end(person)
