"""`link-building-ask` (rules/asks/link-building-ask.yaml): Flags link-building and guest-post asks,
a mark of mass outreach: trading links ("link back to us", "reciprocal link", "link exchange",
"backlink", "do-follow link", "sponsored post"), the seller's link to be placed on the reader's site
("post the article with my link"), the reader's link already placed to be repaid ("I have already
added your link"), and offers to write for the reader's site ("would you accept a guest post",
"write for your blog")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.core import is_question
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.params import in_words
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of link-building-ask.yaml, checked: a key not here is an error."""

    link_nouns: list[str]
    trade_nouns: list[str]
    trade_modifiers: list[str]
    trade_compounds: list[str]
    paid_placements: list[str]
    trade_verbs: list[str]
    placing_verbs: list[str]
    meeting_links: list[str]
    guest_heads: list[str]
    sold_as: list[str]
    writing_verbs: list[str]
    publications: list[str]


# link-building-ask -----------------------------------------------------------------------
# The marks of link-building outreach, strongest first. Each is found on the parse, so the
# same ask phrased many ways is caught and a link that is only shared ("here is the link to
# the recording") is not.
_TRADE = "trade"  # the vocabulary of buying and swapping links: "backlink", "link exchange"
_OWN_LINK = "own link"  # the seller's link placed on the reader's site: "add our link"
_PLACED = "placed"  # the reader's link already put on the seller's site, to be repaid
_GUEST = "guest post"  # an offer to write for the reader's site: "would you accept a guest post"
Mark = tuple[str, int, int]  # the kind of mark and its characters


@check("link-building-ask")
def link_building_ask(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A request to trade links or publish on the reader's site. Trading links is an error; a
    guest-post offer alone is a warning, and one that says it is not for links is info."""
    params = ctx.params_for(rule)
    analysis = ctx.analysis
    marks = [(sent, mark) for sent in analysis.sentences if (mark := _link_mark(analysis, sent, params))]
    disclaimed = any(_disclaims_links(sent, params) for sent in analysis.sentences)
    for _sent, (kind, start, end) in marks:
        if kind != _GUEST:
            yield ctx.finding(rule, start, end, detail="")
        elif disclaimed:
            detail = " (a guest post, not for links)"
            yield ctx.finding(rule, start, end, severity=Severity.INFO, detail=detail)
        else:
            yield ctx.finding(rule, start, end, severity=Severity.WARNING, detail=" (a guest post)")


def _link_mark(analysis: Analysis, sent: Span, params: dict[str, Any]) -> Mark | None:
    """The strongest link-building mark in the sentence, with its characters."""
    finders = (_trade_term, _seller_link_placed, _reader_link_placed, _guest_post)
    for finder in finders:
        found = finder(analysis, sent, params)
        if found is not None:
            return found
    return None


def _link_noun(token: Token, params: dict[str, Any]) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and in_words(token, _words(params, "link_nouns"))


def _negated(token: Token) -> bool:
    """ "not for link building purposes", "we do not need any backlinks", "no links"."""
    if any(c.lower_ in ("no", "without") for c in token.children):
        return True
    node = token
    while node.head.i != node.i:
        if node.lower_ == "without" or any(c.dep_ == "neg" for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "aux"):
            return False
        node = node.head
    return any(c.dep_ == "neg" for c in node.children)


def _trade_term(analysis: Analysis, sent: Span, params: dict[str, Any]) -> Mark | None:
    """ "backlinks", "reciprocal link", "link exchange", "link partners", "do-follow link",
    "sponsored post", "link back to us"."""
    trade_nouns = _words(params, "trade_nouns")
    modifiers = _words(params, "trade_modifiers")
    compounds = _words(params, "trade_compounds")
    paid = _words(params, "paid_placements")
    trade_verbs = _words(params, "trade_verbs")
    for token in sent:
        if token.is_punct or token.is_space or _negated(token):
            continue
        if in_words(token, trade_nouns) and token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
            return _TRADE, *_chars(token.left_edge if token.left_edge.dep_ == "compound" else token, token)
        if _link_noun(token, params):
            mods = [c for c in token.children if c.dep_ in ("amod", "compound") and in_words(c, modifiers)]
            if mods:
                return _TRADE, *_chars(min(mods, key=lambda t: t.left_edge.i).left_edge, token)
            if token.dep_ == "compound" and in_words(token.head, compounds):
                return _TRADE, *_chars(token, token.head)
        sponsored = token.lemma_.lower() in ("sponsor", "paid", "pay") and token.dep_ == "amod"
        if sponsored and in_words(token.head, paid):
            return _TRADE, *_chars(token, token.head)
        if _link_noun(token, params) and token.dep_ == "dobj" and in_words(token.head, trade_verbs):
            return _TRADE, *_chars(token.head, token)  # "build links", "we sell links"
        if token.lemma_.lower() == "link" and token.pos_ == "VERB" and not _states_fact(token):
            target = _link_target(analysis, token)
            if target is not None:
                return _TRADE, *_chars(token, target)
    return None


def _states_fact(verb: Token) -> bool:
    """ "Your post links to our study": a statement, not an ask ("could you link back", "if you
    link back", "linking back to us")."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    modal = any(c.tag_ == "MD" or c.lower_ == "if" for c in verb.children)
    indicative = verb.tag_ in ("VBZ", "VBD") or (subject and verb.tag_ == "VBP")  # not "link back"
    return indicative and not modal and not is_question(verb.sent)


def _link_target(analysis: Analysis, verb: Token) -> Token | None:
    """ "link back to us", "linking to our site": the end of a link asked for that points at
    the seller ("back", or the seller's page), None when it points elsewhere."""
    back = next((c for c in verb.children if c.lower_ == "back"), None)
    tos = [p for p in (verb, *verb.children) for p in p.children if p.dep_ == "prep" and p.lower_ == "to"]
    for prep in tos:
        for target in prep.children:
            if target.dep_ == "pobj" and analysis.agency_of(target) == "seller":
                return target
    return back


def _seller_link_placed(analysis: Analysis, sent: Span, params: dict[str, Any]) -> Mark | None:
    """The seller's link to be placed by the reader or on the reader's site: "post the article
    with my link", "please add our link to your blog roll"."""
    for token in sent:
        if not _link_noun(token, params) or _negated(token) or _meeting_link(token, params):
            continue
        if not _seller_owned(analysis, token):
            continue
        verb = _governing_verb(token)
        if verb is None or not in_words(verb, _words(params, "placing_verbs")):
            continue
        if _verb_agency(analysis, verb) != "seller" or _on_reader_site(verb, params):
            owner = next((c for c in token.children if c.dep_ == "poss"), token)
            return _OWN_LINK, *_chars(min(owner, token, key=lambda t: t.i), token)
    return None


def _reader_link_placed(analysis: Analysis, sent: Span, params: dict[str, Any]) -> Mark | None:
    """The reader's site already linked from the seller's, the opening of a swap: "I have
    already added your link to our partners page", "I've put a link to your site on our
    directory", "we added your site to our list of resources"."""
    places = _words(params, "publications")
    for token in sent:
        link = _link_noun(token, params)
        if token.dep_ != "dobj" or not (link or in_words(token, places)) or _meeting_link(token, params):
            continue
        verb = token.head
        if not in_words(verb, _words(params, "placing_verbs")) or _verb_agency(analysis, verb) != "seller":
            continue
        targets = [o for p in (*token.children, *verb.children) if p.dep_ == "prep" for o in p.children]
        to_reader = any(in_words(o, places) and analysis.agency_of(o) == "reader" for o in targets)
        yours = analysis.agency_of(token) == "reader"
        on_seller_page = any(o.dep_ == "pobj" and analysis.agency_of(o) == "seller" for o in targets)
        if (link and to_reader) or (yours and (on_seller_page or _has_address(sent))):
            return _PLACED, *_chars(verb, token)
    return None


def _guest_post(analysis: Analysis, sent: Span, params: dict[str, Any]) -> Mark | None:
    """An offer to write for the reader's site: "guest post", "write for your blog",
    "contribute an article to your newsletter", "publish my article on your site"."""
    guest_heads = _words(params, "guest_heads")
    for token in sent:
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.text in ("-", "‑") and token.i + 2 < len(token.doc):
            following = token.nbor(2)
        guest = token.lower_ == "guest" and following is not None and in_words(following, guest_heads)
        if guest and following is not None and not _reports_past(token):
            sold = _sold_as(following, params)  # "our guest posting service": links for sale
            return (_TRADE, *_chars(token, sold)) if sold is not None else (_GUEST, *_chars(token, following))
        if in_words(token, _words(params, "writing_verbs")) and token.pos_ == "VERB":
            place = _reader_publication(analysis, token, params)
            if place is not None and not _negated(token):
                return _GUEST, *_chars(token, place)
    return None


def _sold_as(head: Token, params: dict[str, Any]) -> Token | None:
    """The service or package a guest post is sold as: "guest posting service", "guest post
    outreach", "guest post packages"."""
    sold = _words(params, "sold_as")
    following = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if following is not None and in_words(following, sold) and following.pos_ in ("NOUN", "PROPN"):
        return following
    return None


def _reports_past(token: Token) -> bool:
    """ "I wrote a guest post for HubSpot last year": a credential, not an offer to this reader."""
    verb = _governing_verb(token)
    to_reader = any(t.lower_ in ("your", "you") for t in token.sent)
    return verb is not None and verb.tag_ == "VBD" and not to_reader


def _reader_publication(analysis: Analysis, verb: Token, params: dict[str, Any]) -> Token | None:
    """The reader's blog, site or audience a writing verb is aimed at ("for your blog")."""
    places = _words(params, "publications")
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "to", "in")):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            if in_words(place, places) and analysis.agency_of(place) == "reader":
                return place
    return None


def _disclaims_links(sent: Span, params: dict[str, Any]) -> bool:
    """ "not for link building purposes", "no backlinks": the guest post is not a link play."""
    link_words = _words(params, "link_nouns") | _words(params, "trade_nouns") | {"seo"}
    return any(in_words(t, link_words) and _negated(t) for t in sent)


def _seller_owned(analysis: Analysis, link: Token) -> bool:
    """ "my link", "our link", "a link to our site", "a link back to us"."""
    if any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in link.children):
        return True
    targets = [o for p in link.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children]
    return any(o.dep_ == "pobj" and analysis.agency_of(o) == "seller" for o in targets)


def _on_reader_site(verb: Token, params: dict[str, Any]) -> bool:
    places = _words(params, "publications")
    return any(in_words(t, places) and any(c.lower_ == "your" for c in t.children) for t in verb.subtree)


def _meeting_link(link: Token, params: dict[str, Any]) -> bool:
    """ "the Zoom link", "my calendar link", "the link to the recording": a link to a meeting or
    a file, not to a site to be ranked."""
    words = _words(params, "meeting_links")
    return any(in_words(t, words) for t in link.subtree if t.i != link.i)


def _has_address(sent: Span) -> bool:
    return any(t.like_url for t in sent)


def _verb_agency(analysis: Analysis, verb: Token) -> str:
    """Who does it, a subject shared through "and" included ("I have gone ahead and added")."""
    clause = analysis.clause_of(verb)
    return clause.agency if clause is not None and clause.verb.i == verb.i else analysis.agency_of_verb(verb)


def _governing_verb(token: Token) -> Token | None:
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return node if node.pos_ in ("VERB", "AUX") else None


def _chars(first: Token, last: Token) -> tuple[int, int]:
    if last.i < first.i:
        first, last = last, first
    return first.idx, last.idx + len(last.text)
