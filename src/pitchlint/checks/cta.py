"""Calls to action that hand the reader the work or lean on them (catalog rules 31-35, 37).

* `wrong-person-referral-ask`: "if you're not the right person, who should I contact?";
* `passive-cta`: a closing that leaves the reader to work out the next step ("Any questions?");
* `random-reading-link`: a generic article, listicle or "more information" link;
* `bribe-for-meeting`: a gift card or freebie offered in exchange for a meeting;
* `urgency-pressure`: "act now", expiring offers, "seating will be limited";
* `fake-familiarity`: "as promised", "per our conversation" in a first email.

Each check reads its word lists from the rule's YAML `params` and uses the parse to keep the
same words in legitimate roles quiet: "You're the right person to ask because ..." (no
referral asked), "I'll forward this to our tax lead" (the seller forwards), "we help retailers
sell gift cards" (not a gift to the reader), "I'm now leading the team" (no imperative).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.core import is_question
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.nlp import is_merge_tag
from pitchlint.params import regex_list
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule

Hit = tuple[int, int]

_READER = frozenset({"you", "u", "ya"})
# merge tags that say nothing about the reader's situation (names, the sender, the company)
_GENERIC_TAG = re.compile(
    r"sender|my_|from_|rep_|owner|signature|first.?name|last.?name|full.?name|^\W*name|company", re.I
)
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")


# shared helpers -----------------------------------------------------------------------------


def _search(sent: Span, patterns: Iterable[re.Pattern[str]]) -> Iterator[re.Match[str]]:
    text = span_text(sent)
    for pattern in patterns:
        yield from pattern.finditer(text)


def _found(sent: Span, patterns: Iterable[re.Pattern[str]]) -> bool:
    """Whether any pattern matches the sentence (stops at the first match)."""
    text = span_text(sent)
    return any(pattern.search(text) for pattern in patterns)


def _at(sent: Span, match: re.Match[str]) -> Hit:
    """The match, or its `(?P<hit>...)` group when the pattern names one (context kept out)."""
    group = "hit" if "hit" in match.re.groupindex and match.group("hit") is not None else 0
    return sent.start_char + match.start(group), sent.start_char + match.end(group)


def _tokens(sent: Span, hit: Hit) -> Span | None:
    return sent.doc.char_span(hit[0], hit[1], alignment_mode="expand")


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in token.children)


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


def _first(hits: Iterable[Hit]) -> Hit | None:
    """The earliest hit, widened by the hits that overlap it ("Here is a link" + "a link with
    more information")."""
    ordered = sorted(hits)
    if not ordered:
        return None
    start, end = ordered[0]
    for s, e in ordered[1:]:
        if s < end:
            end = max(end, e)
    return start, end


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
        gift = i > 0 and _found(sentences[i - 1], _regexes(params, "gift_patterns"))
        hit = _first(_referral_hits(sent, params, gift))
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
    for match in _search(sent, _regexes(params, "ask_patterns")):
        yield _at(sent, match)
    if not gift:
        for match in _search(sent, _regexes(params, "forward_patterns")):
            yield _at(sent, match)
    if _asking(sent):
        for match in _search(sent, _regexes(params, "asking_patterns")):
            yield _at(sent, match)


def _unfit_reader(person: Token, sent: Span) -> Hit | None:
    """ "if you're not the right person", "Are you the right person ...?", "who is the best
    person ...": the reader's fit is in doubt. "You're the right person to ask" is not."""
    if person.dep_ != "attr" or person.head.lemma_ != "be":
        return None
    verb = person.head
    subject = _subject(verb)
    if subject is not None and subject.lower_ in _READER:
        asked = is_question(sent) and verb.i < subject.i  # "Are you the right person ...?"
        doubted = asked or _negated(verb) or any(c.dep_ == "mark" for c in verb.children)
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
    subject = _subject(verb)
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
    subject = _subject(verb)
    if subject is None or subject.lower_ not in ("i", "we", "this", "it", "email", "message", "note"):
        return None
    return verb.idx, _end(person)


# passive-cta ------------------------------------------------------------------------------
@check("passive-cta")
def passive_cta(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A closing that leaves the next step to the reader, in an email that asks them nothing
    specific. In a reply to their own question, "let me know if you have any questions" is
    courtesy, not a call to action."""
    params = ctx.params_for(rule)
    analysis = ctx.analysis
    if ctx.draft.meta.is_reply:
        return
    if params.get("quiet_with_genuine_question", True) and analysis.genuine_questions:
        return
    skip = _regexes(params, "closing_skip_patterns")
    content = [s for s in analysis.body_sentences if not any(p.search(s.text.strip()) for p in skip)]
    closing = content[-int(params.get("closing_sentences", 3)) :]
    patterns = _regexes(params, "phrases")
    for sent in closing:
        hit = _first(_at(sent, m) for m in _search(sent, patterns))
        if hit is not None:
            yield ctx.finding(rule, *hit)


# random-reading-link -------------------------------------------------------------------------
@check("random-reading-link")
def random_reading_link(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A link framed as generic reading ("thought you'd enjoy", "more information", a
    listicle title), or a bare link with no word on why it matters, and nothing nearby that
    ties it to this reader (their own noun, a page or section, something made for them)."""
    params = ctx.params_for(rule)
    ignored = _regexes(params, "ignored_sentences")
    sentences = [s for s in ctx.analysis.body_sentences if not any(p.search(s.text) for p in ignored)]
    links = [_links(sent, params) for sent in sentences]
    current = _regexes(params, "recency_patterns")
    specific = [_reader_specific(sent, ctx.analysis, params) for sent in sentences]
    recent = [_found(sent, current) for sent in sentences]
    framing = _regexes(params, "framing_patterns")
    content = _regexes(params, "content_patterns")
    listicle = _regexes(params, "listicle_patterns")
    for i, sent in enumerate(sentences):
        near = range(max(0, i - 1), min(len(sentences), i + 2))
        bare = _only_links(sent, links[i])
        # the sentence, and each link in or next to it with the sentences either side of it
        related = [j for j in near if j == i or bare or links[j]]
        context = {k for j in related for k in (j - 1, j, j + 1) if 0 <= k < len(sentences)}
        if any(specific[j] for j in related):
            continue
        link_near = any(links[j] for j in near)
        named = _found(sent, content)
        hits = [_at(sent, m) for m in _search(sent, framing)] if (link_near or named) else []
        if link_near or named or hits:
            hits += [_at(sent, m) for m in _search(sent, listicle)]
        if bare and not any(_homepage(ctx.draft.text[s:e]) for s, e in links[i]):
            hits += links[i]
        if any(recent[k] for k in context):
            hits = [_at(sent, m) for m in _search(sent, listicle)]  # current, but still a listicle
        hit = _first(hits)
        if hit is not None:
            yield ctx.finding(rule, *hit)


def _homepage(link: str) -> bool:
    """ "www.acme.com" alone on a line is contact information, not something to read."""
    return bool(re.fullmatch(r"(?:https?://)?(?:www\.)?[\w.-]+\.[a-z]{2,}/?", link.strip("<>()"), re.I))


def _links(sent: Span, params: dict[str, Any]) -> list[Hit]:
    ignored = _regexes(params, "ignored_links")
    found = []
    for match in _search(sent, _regexes(params, "link_patterns")):
        if span_text(sent)[max(0, match.start() - 1) : match.start()] == "@":
            continue  # an email address, not a link
        if any(p.search(match.group(0)) for p in ignored):
            continue  # calendars and unsubscribe links are other rules' business
        found.append(_at(sent, match))
    tag = re.compile(str(params.get("link_tag_pattern", r"(?!)")), re.I)
    found += [(t.idx, _end(t)) for t in sent if is_merge_tag(t) and tag.search(t.text)]
    return found


def _only_links(sent: Span, links: Sequence[Hit]) -> bool:
    """The sentence is nothing but links (and punctuation): "[Video Link Deleted]"."""
    if not links:
        return False
    text = span_text(sent)
    for start, end in sorted(links, reverse=True):
        text = text[: start - sent.start_char] + " " + text[end - sent.start_char :]
    return not re.search(r"\w", text)


def _reader_specific(sent: Span, analysis: Analysis, params: dict[str, Any]) -> bool:
    """Tied to this reader: their name or company, something of theirs that is not generic
    ("your Q3 filing", not "your business"), a page or section pointer, or an answer to them."""
    text = span_text(sent).lower()
    if any(name and name in text for name in analysis.reader_names):
        return True
    link_tag = re.compile(str(params.get("link_tag_pattern", r"(?!)")), re.I)
    if any(is_merge_tag(t) and not _GENERIC_TAG.search(t.text) and not link_tag.search(t.text) for t in sent):
        return True  # a template slot the writer fills in per reader: {{relevant_context}}
    if any(p.search(span_text(sent)) for p in _regexes(params, "specific_patterns")):
        return True
    generic = _words(params, "generic_reader_nouns")
    for token in sent:
        if token.lower_ in ("your", "yours") and token.dep_ == "poss":
            noun = token.head
            if noun.lemma_.lower() not in generic and noun.lower_ not in generic:
                return True
    return False


# bribe-for-meeting ------------------------------------------------------------------------
@check("bribe-for-meeting")
def bribe_for_meeting(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A gift handed to the reader next to a meeting ask or an exchange cue ("for your time")
    is an error; a bare loss-leader freebie ("free business cards") is a warning."""
    params = ctx.params_for(rule)
    sentences = ctx.analysis.body_sentences
    gifts = _regexes(params, "gift_patterns")
    meetings = _regexes(params, "meeting_patterns")
    asks = [_found(sent, meetings) for sent in sentences]
    for i, sent in enumerate(sentences):
        near = any(asks[max(0, i - 1) : i + 2])
        hits = [h for h in (_at(sent, m) for m in _search(sent, gifts)) if _handed_over(sent, h, params)]
        hit = _first(hits) if near else None
        if hit is not None:
            yield ctx.finding(rule, *hit)
            continue
        bait = _first(_at(sent, m) for m in _search(sent, _regexes(params, "loss_leader_patterns")))
        if bait is not None:
            yield ctx.finding(rule, *bait, severity=Severity.WARNING)


def _handed_over(sent: Span, hit: Hit, params: dict[str, Any]) -> bool:
    """The gift goes to the reader: not a modifier of another noun ("gift card sales"), not
    something the reader or their customers sell or redeem, not the reader's own."""
    span = _tokens(sent, hit)
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end:
        return False  # "gift card program", "swag budget"
    if any(c.dep_ == "poss" and c.lower_ in ("your", "their", "his", "her") for c in root.children):
        return False
    verb = root.head if root.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "conj") else root
    while verb.dep_ in ("prep", "pobj", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() not in _words(params, "trade_verbs")


# urgency-pressure ------------------------------------------------------------------------
@check("urgency-pressure")
def urgency_pressure(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Pressure to buy ("act now", an offer that expires) is an error; event scarcity
    ("seating will be limited", "register now") is a warning, and one warning covers a run of
    adjacent sentences ("request your invitation now. Seating will be limited."). A date alone
    is not pressure, and the reader's own deadline stated as fact never matches: the patterns
    name the seller's offer, not the reader's filing or renewal."""
    params = ctx.params_for(rule)
    hard = _regexes(params, "pressure_patterns")
    soft = _regexes(params, "soft_pressure_patterns")
    run: Hit | None = None
    for sent in ctx.analysis.sentences:
        hit = _first(_at(sent, m) for m in _search(sent, hard))
        if hit is not None:
            yield ctx.finding(rule, *hit)
        scarce = None if hit is not None else _first(_at(sent, m) for m in _search(sent, soft))
        zone = ctx.draft.zone_at
        if scarce is not None and run is not None and zone(run[0]) == zone(scarce[0]):
            run = (run[0], scarce[1])
            continue
        if run is not None:
            yield ctx.finding(rule, *run, severity=Severity.WARNING)
        run = scarce
    if run is not None:
        yield ctx.finding(rule, *run, severity=Severity.WARNING)


# fake-familiarity ------------------------------------------------------------------------
@check("fake-familiarity")
def fake_familiarity(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Prior-contact phrases in a first email to a prospect. A reply, an existing customer or
    a named place where you met ("great meeting you at the Ohio tax summit") is real contact."""
    meta = ctx.draft.meta
    if meta.is_reply or meta.relationship == "customer":
        return
    params = ctx.params_for(rule)
    phrases = _regexes(params, "phrases")
    named = _regexes(params, "named_encounter_patterns")
    sentences = ctx.analysis.body_sentences
    if any(_found(sent, named) for sent in sentences) or _remembered_meeting(ctx):
        return  # "I met you last summer at Smith & Wollensky's ... thank you for taking the time"
    for sent in sentences:
        hit = _first(_at(sent, m) for m in _search(sent, phrases))
        if hit is not None:
            yield ctx.finding(rule, *hit)


def _remembered_meeting(ctx: RuleContext) -> bool:
    """The reader-fact model found a meeting with a name, a place or a date."""
    from pitchlint.checks.targeting import researched

    return any(reason == "a meeting they will remember" for _sent, reason in researched(ctx, {}))


def _regexes(params: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    """Case-insensitive; a space in a pattern also matches a hard line wrap (" ?" any space)."""
    return regex_list(params, key, wrapping=True)
