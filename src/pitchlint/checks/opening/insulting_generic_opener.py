"""`insulting-generic-opener` (rules/opening/insulting-generic-opener.yaml): Flags openers that file
the reader under a crowd ("If you're like most companies", "Like most CFOs, you…", "Companies like
yours typically…", "As a busy executive, you…", "companies in your industry are…", "people in your
position…", "as a blogger on X or Y, you may…"), anywhere in the first sentences after a pleasantry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.core import is_question
from pitchlint.analysis.grammar import SUBJECT_DEPS, own_subject
from pitchlint.checks import check
from pitchlint.checks.opening._helpers import _is_reader_token, _leading, _mentions_reader, _specific
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.params import in_words
from pitchlint.params import regex_list as _regex
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of insulting-generic-opener.yaml, checked: a key not here is an error."""

    sentences: int
    pleasantry_patterns: list[str]
    crowd_quantifiers: list[str]
    crowd_nouns: list[str]
    reader_fields: list[str]
    generalising_adverbs: list[str]
    presumption_predicates: list[str]
    presumption_verbs: list[str]
    busy_words: list[str]


# 3. insulting-generic-opener ---------------------------------------------------------------
@check("insulting-generic-opener")
def insulting_generic_opener(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """ "If you're like most companies", "Like most CFOs, you ...", "Companies like yours
    typically ...", "As a busy executive, you ...", "every HR leader is worried": the reader
    filed under a crowd in the first sentences (error in sentence 1, warning in sentence 2)."""
    params = ctx.params_for(rule)
    analysis = ctx.analysis
    window = int(params.get("sentences", 2))
    pleasantry = _regex(params, "pleasantry_patterns")
    sentences = _leading(analysis, pleasantry)  # "Hope you're well." is not the opener
    for i, sent in enumerate(sentences[:window]):
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        span = _generic_frame(analysis, sent, following, params)
        if span is not None:
            severity = Severity.ERROR if i == 0 else Severity.WARNING
            yield ctx.finding(rule, *span, severity=severity)


def _generic_frame(
    analysis: Analysis, sent: Span, following: Span | None, params: dict[str, Any]
) -> tuple[int, int] | None:
    crowd = _words(params, "crowd_quantifiers")
    for token in sent:
        span = (
            _like_most(analysis, token, sent, crowd)
            or _like_you_subject(analysis, token, params)
            or _as_a_role(analysis, token, sent, params)
            or _every_role_worried(analysis, token, sent, following, crowd, params)
            or _crowd_label(analysis, token, following, params)
        )
        if span is not None:
            return span
    return None


def _crowd_label(
    analysis: Analysis, token: Token, following: Span | None, params: dict[str, Any]
) -> tuple[int, int] | None:
    """ "Companies in your industry are moving ...", "people in your position get ...", "many
    of our clients in your space", "for businesses like yours": a crowd that stands in for the
    reader, named by the reader's field or "like yours", with something said of it. Not the
    seller saying whom it serves ("we help companies like yours file in every state"), and not
    a crowd bounded by a checkable fact ("companies in Ohio's new nexus bracket, like yours"),
    and not a claim about the crowd that the next sentence asks the reader about."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON") or not in_words(token, _words(params, "crowd_nouns")):
        return None
    anchor = _reader_anchor(analysis, token, params)
    if anchor is None:
        return None
    phrase = _crowd_phrase(token)
    if any(_specific(t, analysis) for t in phrase.subtree if not _within(t, anchor)):
        return None
    if _served_by_seller(analysis, phrase) or _asks_next(analysis, following):
        return None
    end = anchor.right_edge
    return phrase.left_edge.idx, end.idx + len(end.text)


def _reader_anchor(analysis: Analysis, noun: Token, params: dict[str, Any]) -> Token | None:
    """The "in your industry" / "at your stage" / "like yours" that ties a crowd to the reader."""
    fields = _words(params, "reader_fields")
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            if prep.lower_ == "like" and _is_reader_token(obj) and not _OTHERS_TAG_RE.search(obj.lower_):
                return prep  # "businesses like yours"; not "companies like {{Similar_Company}}"
            yours = any(c.dep_ == "poss" and _is_reader_token(c) for c in obj.children)
            if prep.lower_ in ("in", "at", "within") and yours and in_words(obj, fields):
                return prep  # "companies in your industry", "teams at your stage"
    return None


def _crowd_phrase(noun: Token) -> Token:
    """The head of the whole crowd phrase: "Many" in "Many of our clients in your space"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in (*SUBJECT_DEPS, "dobj", "pobj"):
        return head.head
    return noun


def _asks_next(analysis: Analysis, following: Span | None) -> bool:
    """A claim about a group followed by a question to the reader offers data and asks where
    they land ("Is that true for you?"); it does not assume they fit."""
    return following is not None and is_question(following) and _mentions_reader(analysis, following)


def _within(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i


def _served_by_seller(analysis: Analysis, phrase: Token) -> bool:
    """The seller names whom it serves: the crowd is the object of the seller's verb ("we work
    with companies in your space") or does what the seller helps it do ("we help companies
    like yours file")."""
    verb = phrase.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if phrase.dep_ in SUBJECT_DEPS:
        if phrase.head.i == verb.i:  # the crowd's own verb: "we help [companies like yours file]"
            if verb.dep_ not in ("ccomp", "xcomp"):
                return False
            verb = verb.head
        return analysis.agency_of_verb(verb) == "seller" and verb.lemma_.lower() in _ENABLING_VERBS
    return analysis.agency_of_verb(verb) == "seller" or (verb.dep_ == "ROOT" and _is_seller_ask(verb))


def _is_seller_ask(verb: Token) -> bool:
    """ "Let me show companies like yours ...": the seller's own imperative."""
    return verb.lower_ == "let" and any(c.lower_ in ("me", "us") for c in verb.children)


# merge tags that stand for other companies, not the reader's: {{Similar_Company}}, {{Customer_1}}
_OTHERS_TAG_RE = re.compile(
    r"similar|another|other|peer|customer|client|competitor|example|case|logo|reference"
)
_ENABLING_VERBS = frozenset({"help", "enable", "let", "allow", "make", "get", "support", "empower", "show"})


def _crowd(np: Token, crowd: frozenset[str]) -> bool:
    """ "most companies", "many CFOs", "all of you", "most of our customers"."""
    if np.lower_ in crowd and any(c.dep_ == "prep" and c.lower_ == "of" for c in np.children):
        return True
    return any(c.lower_ in crowd and c.dep_ in ("amod", "det", "predet", "nummod") for c in np.children)


def _like_most(analysis: Analysis, token: Token, sent: Span, crowd: frozenset[str]) -> tuple[int, int] | None:
    """ "(If you're) like most companies" / "Like most VPs of Sales, you ..." about the reader."""
    if token.lower_ != "like" or token.dep_ != "prep":
        return None
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects or not _crowd(objects[0], crowd):
        return None
    head = token.head
    reader = _clause_is_reader(analysis, head) or _clause_is_reader(analysis, sent.root)
    if not reader:
        return None
    if analysis.question_kind(sent) == "genuine":
        return None  # "Like most teams hiring that fast, do you ramp reps in cohorts?" asks
    start = token
    if any(c.dep_ == "mark" and c.i < token.i for c in head.children):
        start = head.left_edge  # "If you're like most companies": take the whole condition
    end = objects[0].right_edge
    return start.idx, end.idx + len(end.text)


def _clause_is_reader(analysis: Analysis, verb: Token) -> bool:
    subject = own_subject(verb)
    return subject is not None and analysis.agency_of(subject) == "reader"


def _like_you_subject(analysis: Analysis, token: Token, params: dict[str, Any]) -> tuple[int, int] | None:
    """ "Companies like yours typically struggle": a crowd the reader belongs to, generalised."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ not in ("NOUN", "PROPN"):
        return None
    like = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "like"), None)
    if like is None:
        return None
    objects = [c for c in like.children if c.dep_ == "pobj"]
    if not objects or not any(_is_reader_token(t) for t in objects[0].subtree):
        return None
    verb = token.head
    if not _generalises(verb, params):
        return None
    end = like.right_edge
    return token.left_edge.idx, end.idx + len(end.text)


def _generalises(verb: Token, params: dict[str, Any]) -> bool:
    """ "typically struggle", "probably spend", "are drowning", "all face": a claim about the
    whole crowd (and so about the reader)."""
    adverbs = _words(params, "generalising_adverbs")
    predicates = _words(params, "presumption_predicates")
    nodes = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "xcomp", "attr"))]
    if any(c.lower_ in adverbs for n in nodes for c in n.children if c.dep_ in ("advmod", "aux")):
        return True
    if verb.lemma_.lower() == "tend":
        return True
    return any(n.lemma_.lower() in predicates or n.lower_ in predicates for n in nodes)


def _as_a_role(
    analysis: Analysis, token: Token, sent: Span, params: dict[str, Any]
) -> tuple[int, int] | None:
    """ "As a busy executive, you don't have time ...", "as a blogger on PR or marketing, you may
    be interested": the reader as a category, presumed; anywhere in the sentence, as long as
    "as" frames the reader's own clause."""
    if token.lower_ != "as" or token.dep_ != "prep" or not _frames_clause(token):
        return None
    role = next((c for c in token.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if role is None or not any(c.lower_ in ("a", "an") for c in role.children if c.dep_ == "det"):
        return None
    head = token.head
    if not _clause_is_reader(analysis, head):
        ccomp = [c for c in head.subtree if c.dep_ == "ccomp" and _clause_is_reader(analysis, c)]
        if not ccomp:
            return None
        head = ccomp[0]
    busy = any(c.lower_ in _words(params, "busy_words") for c in role.children)
    negated_time = any(c.dep_ == "neg" for c in head.children) and any(
        c.lemma_.lower() == "time" for c in head.children if c.dep_ == "dobj"
    )
    if not (busy or negated_time or _generalises(head, params) or _presumes(head, params)):
        return None
    end = role.right_edge
    return token.idx, end.idx + len(end.text)


def _frames_clause(token: Token) -> bool:
    """ "As a CFO, you ..." / "because, as a marketer, you ...": "as" comes before the clause it
    frames; "we see you as a partner" puts it after, as the verb's complement."""
    head = token.head
    subject = own_subject(head)
    return subject is not None and token.i < subject.i


def _presumes(verb: Token, params: dict[str, Any]) -> bool:
    return verb.lemma_.lower() in _words(params, "presumption_verbs")


def _every_role_worried(
    analysis: Analysis,
    token: Token,
    sent: Span,
    following: Span | None,
    crowd: frozenset[str],
    params: dict[str, Any],
) -> tuple[int, int] | None:
    """ "every HR leader is worried about retention": a crowd the reader is in, with a worry
    pinned on it. A data point from the seller's own sample ("Most of the 40 controllers we
    surveyed ...") followed by a question to the reader is not."""
    if token.dep_ not in ("nsubj", "nsubjpass") or not _crowd(token, crowd | {"every", "each"}):
        return None
    if token.lower_ in ("you", "we", "i"):
        return None
    phrase = list(token.subtree)
    words = {t.lower_ for t in phrase}
    if words & {"my", "our", "we", "us", "i"} or any(t.like_num for t in phrase):
        return None  # the seller's own clients or survey: a data point
    roles = _words(params, "crowd_nouns")
    noun = token if token.lower_ not in crowd else next((c for c in token.subtree if c.pos_ == "NOUN"), token)
    if noun.lemma_.lower() not in roles and noun.lower_ not in roles:
        return None
    verb = token.head
    if not _generalises(verb, params) or _asks_next(analysis, following):
        return None
    end = max((c for c in verb.children if c.dep_ in ("acomp", "xcomp")), key=lambda t: t.i, default=verb)
    return token.left_edge.idx, end.idx + len(end.text)
