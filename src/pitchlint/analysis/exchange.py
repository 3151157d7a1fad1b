"""Asks and gives: what a draft requests of the reader, and what it offers them first.

The seeds judge an email by the exchange: "What did you bring me?" (seed 000), "create value in
every interchange" (seed 003), a gift "clearly aimed uniquely at the target client" (seed 002).

* An **ask** is a request for the reader's time (a call, a demo, "15 minutes"), a referral
  ("who should I contact?"), a click (visit, sign up, download, or a link to follow), a
  purchase, or a reply ("let me know", "interested?").
* A **give** is something aimed at this reader: an offer of help, an answer to their question,
  an introduction, a resource made for them, a specific fact about them or their market, an
  invitation (to speak, to be a guest, to join), or a reward (pay, a fee, sponsorship, a free
  month). Invitations and rewards are what the pitches real recipients praised and answered
  had in common: a podcast host asking a maintainer on the show, a conference paying a
  speaker's fee, a company offering to sponsor a project.
  Generic collateral ("our brochure", "more information") and the seller's numeric claims about
  itself ("we've helped 500 teams") are not gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from pitchlint.analysis.facts import SentenceFacts
from pitchlint.analysis.spans import span_text, trim
from pitchlint.draft import Draft
from pitchlint.nlp import is_merge_tag

AskKind = Literal["meeting", "referral", "click", "purchase", "reply"]
GiveKind = Literal["offer", "answer", "introduction", "resource", "insight", "invitation", "reward"]


@dataclass(frozen=True)
class Ask:
    kind: AskKind
    sentence: Span
    start: int
    end: int


@dataclass(frozen=True)
class Give:
    kind: GiveKind
    sentence: Span


TIME_ASK_RE = re.compile(
    r"\b(?:\d+|five|ten|fifteen|twenty|thirty|a few|few)\s*-?\s*(?:min(?:ute)?s?)\b"
    r"|\b(?:hop|jump) on\b|\b(?:book|schedule|set up|grab|find) (?:a |some )?(?:time|call|meeting|demo|chat)"
    r"|\bcalendar\b|\bcalendly\b|\bare you (?:free|available)\b"
    r"|\bopen to (?:a |an )?(?:call|chat|meeting|demo)"
    r"|\b(?:quick|short|brief) (?:call|chat|demo|meeting)\b|\bwant (?:a|to see a) demo\b",
    re.I,
)
REFERRAL_ASK_RE = re.compile(
    r"\b(?:right|correct|best|appropriate) (?:person|contact)\b|\bwho (?:should|do|would) i\b"
    r"|\bpoint me\b|\bforward (?:this|it|me)\b|\bintroduce me\b"
    # asking a stranger to source for the seller: "recommend some great folks", "I love referrals"
    r"|\brecommend (?:some|a few|any|someone|anyone|people|folks|candidates|colleagues)\b"
    r"|\b(?:know|think of) (?:anyone|someone|anybody|somebody) (?:who|that)\b"
    r"|\b(?:love|welcome|appreciate) referrals\b|\brefer (?:me|someone|anyone|a friend|a colleague)\b",
    re.I,
)
REPLY_ASK_RE = re.compile(
    r"^\W*(?:interested|thoughts|any questions|sound good|make sense|worth a (?:chat|look|call))\W*$"
    r"|\bany questions\b|\b(?:can|could|may) i (?:send|share|show|call)\b|\bmind if i\b"
    r"|\bwould you (?:like|be interested|be open)\b|\binterested in\b",
    re.I,
)
OFFER_RE = re.compile(r"\b(?:anything|something) (?:i|we) can do\b|\bcan i help\b", re.I)
# "We'd love to host you on our show", "would you like to join our podcast", "invite you to
# speak": the reader is asked to take a place the sender offers
INVITATION_RE = re.compile(
    r"\b(?:love|like|honou?red|delighted|thrilled|happy|glad|keen) to (?:have|host|feature|interview) "
    r"(?:you|y'all|y’all|your team|them)\b"
    r"|\binvit(?:e|ing) (?:you|y'all|y’all|your team)\b|\b(?:an|my|our|this|the) invitation to\b"
    r"|\bwould you (?:like|want|be (?:up|open|willing)) (?:for|to) (?:be|join|come|speak|appear|guest)\b"
    r"|\b(?:like|love|want) (?:you|y'all|y’all) to (?:join|speak|be (?:on|in|our|a))\b"
    r"|\b(?:as|be) (?:a|our) (?:guest|speaker|panel(?:l)?ist|keynote)\b"
    r"|\b(?:get|have) (?:you|y'all|y’all) on (?:the|our|my) (?:show|podcast|panel|stage|program)\b",
    re.I,
)
# what the reader would get for nothing or be paid: money, sponsorship, a free month or trial
REWARD_RE = re.compile(
    r"\b(?:pay|pays|paying|paid|compensate|reimburse) "
    r"(?:you|y'all|your|for your|speakers|guests|contributors)\b"
    r"|\b(?:speaker|speaking|consulting|referral|finder'?s) fee\b|\bhonorarium\b|\bbonus commission\b"
    r"|\bcover(?:s|ing)? (?:your|all your|the) (?:travel|expenses|costs|flights?|hotel)\b"
    r"|\b(?:sponsor|sponsoring|fund|funding|donate|donating) (?:you|your|the project|this project)\b"
    r"|\bbecom(?:e|ing) a sponsor\b|\bto receive funding\b|\bnominate\b"
    r"|\b(?:on the house|no strings|free of charge|at no (?:cost|charge))\b"
    r"|\b(?:a |one |\d+[- ]?(?:day|week|month)s? )?(?:free|complimentary|no-cost)"
    r"(?:[- ](?:trial|month|access|report|audit|copy|license|licence|seat|seats|review|guide|"
    r"playbook|analysis|teardown|credit|credits))\b",
    re.I,
)
# a free call is still the reader's time, not a gift
_TIME_OFFER_RE = re.compile(r"\bfree (?:demo|call|consultation|meeting|chat|session|discovery)\b", re.I)
# an "invitation" to the seller's demo, webinar or store is an ask in a gift's clothes
_SELLING_INVITATION_RE = re.compile(
    r"\binvit\w* (?:you|y'all|y’all|your team) to (?:(?:a|our|an|the|my) )?(?:\w+ )?"
    r"(?:demo|webinar|call|meeting|chat|walkthrough|consultation|visit|check|try|buy|shop|order|"
    r"register|sign|book|schedule|download)",
    re.I,
)
GENERIC_COLLATERAL_RE = re.compile(
    r"\b(?:brochure|deck|more information|more info|website|blog post|our latest|case stud|"
    r"one-pager about us|product sheet|datasheet|price list|pricing list|packages)\b",
    re.I,
)
_LET_ME_KNOW_RE = re.compile(r"\blet (?:me|us) know\b|\b(?:drop|shoot|send) me a (?:line|note|reply)\b", re.I)
_ANSWER_RE = re.compile(r"\b(?:your (?:question|request)|you asked)\b", re.I)
_INTRODUCTION_RE = re.compile(r"\b(?:introduce|connect) you (?:to|with)\b", re.I)
_ATTACHED_RE = re.compile(
    r"^\W*(?:here'?s|here’s|here is|attached(?: is| are)?|i'?ve attached|enclosed)\b", re.I
)
# a link the reader is meant to follow: a URL, or a redacted "[Video Link Deleted]"
LINK_RE = re.compile(r"https?://\S+|\bwww\.\S+|\[[^\]\n]*\blink\b[^\]\n]*\]|\(link deleted\)", re.I)
_CLICK_VERBS = frozenset(
    {"visit", "click", "sign", "register", "download", "watch", "check", "try", "join", "follow", "claim"}
)
_PURCHASE_VERBS = frozenset({"buy", "order", "purchase", "subscribe", "upgrade"})
_MEETING_VERBS = frozenset({"call", "meet", "book", "schedule"})

# Verbs by which the sender makes something for the reader ("I put together a checklist for you").
GIVE_VERBS = frozenset(
    {
        "attach",
        "put",
        "pull",
        "build",
        "write",
        "make",
        "prepare",
        "record",
        "draft",
        "map",
        "benchmark",
        "compare",
        "analyze",
        "analyse",
        "audit",
        "mock",
        "run",
        "test",
        "sketch",
        "compile",
        "gather",
        "model",
        "calculate",
        "estimate",
    }
)
# tokens after a number that make it a count of attempts, a date or a clock time, not a fact
_NON_VALUE_UNITS = frozenset(
    {
        "time",
        "times",
        "email",
        "emails",
        "e-mail",
        "e-mails",
        "message",
        "messages",
        "note",
        "notes",
        "attempt",
        "attempts",
        "follow-up",
        "follow-ups",
        "touch",
        "touches",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "minute",
        "minutes",
        "min",
        "mins",
        "ago",
        "o'clock",
    }
)
_WEEKDAYS_MONTHS = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
    r"oct|nov|dec)[a-z]*$",
    re.I,
)


def question_ask_kind(text: str) -> AskKind | None:
    """What a question asks for, if it is a request rather than a question about the reader."""
    if TIME_ASK_RE.search(text):
        return "meeting"
    if REFERRAL_ASK_RE.search(text):
        return "referral"
    if REPLY_ASK_RE.search(text):
        return "reply"
    return None


def find_asks(analysis: SentenceFacts) -> tuple[Ask, ...]:
    """At most one ask per body sentence: a meeting ask wins, then the sentence's own request."""
    meetings = {sent.start: (start, end) for sent, start, end in analysis.meeting_asks}
    asks: list[Ask] = []
    for sent in analysis.body_sentences:
        if sent.start in meetings:
            asks.append(Ask("meeting", sent, *meetings[sent.start]))
            continue
        ask = _sentence_ask(analysis, sent)
        if ask is not None:
            asks.append(ask)
    return tuple(asks)


def _sentence_ask(analysis: SentenceFacts, sent: Span) -> Ask | None:
    text = " ".join(span_text(sent).split())
    span = trim(sent)
    whole = (span.start_char, span.end_char)
    if analysis.question_kind(sent) == "ask":
        kind = question_ask_kind(text) or "reply"
        return Ask(kind, sent, *whole)
    if REFERRAL_ASK_RE.search(text):
        return Ask("referral", sent, *whole)
    for clause in analysis.clauses:
        if clause.sentence != sent or not clause.imperative:
            continue
        lemma = clause.verb.lemma_.lower()
        kind: AskKind | None = None
        if lemma in _CLICK_VERBS:
            kind = "click"
        elif lemma in _PURCHASE_VERBS:
            kind = "purchase"
        elif lemma in _MEETING_VERBS:
            kind = "meeting"
        if kind is not None:
            return Ask(kind, sent, clause.verb.idx, _phrase_end(clause.verb))
    match = _LET_ME_KNOW_RE.search(span_text(sent))
    if match and not OFFER_RE.search(text):
        return Ask("reply", sent, sent.start_char + match.start(), sent.start_char + match.end())
    link = LINK_RE.search(span_text(sent))
    if link and not made_for_reader(sent) and _link_is_asked(analysis, sent):
        start = sent.start_char + link.start()
        url = link.group(0)
        return Ask("click", sent, start, start + len(url if url[0] in "([" else url.rstrip(".,;:)")))
    return None


def _link_is_asked(analysis: SentenceFacts, sent: Span) -> bool:
    """A link the reader is sent to ("Check out www.x.com", "You can listen here: url",
    "Here's the link: url", or a sentence that is little but the link), not one that only says
    where the sender is from ("Howdy from [The Changelog](url)!", "My employer contributes to
    open source (url)")."""
    text = span_text(sent)
    if _ATTACHED_RE.match(text):
        return True
    mains = [c for c in analysis.clauses_in(sent) if c.main]
    if any(c.imperative or c.agency == "reader" for c in mains):
        return True
    link = LINK_RE.search(text)
    return link is not None and len(link.group(0)) * 2 >= len(text.strip())


def find_gives(analysis: SentenceFacts) -> tuple[Give, ...]:
    gives: list[Give] = []
    for sent in analysis.body_sentences:
        kind = give_kind(analysis, sent)
        if kind is not None:
            gives.append(Give(kind, sent))
    return tuple(gives)


def give_kind(analysis: SentenceFacts, sent: Span) -> GiveKind | None:
    """What this sentence brings the reader, if anything aimed at them."""
    text = span_text(sent)
    if OFFER_RE.search(text):
        return "offer"
    if _ANSWER_RE.search(text):
        return "answer"
    if _INTRODUCTION_RE.search(text):
        return "introduction"
    if INVITATION_RE.search(text) and not _SELLING_INVITATION_RE.search(text):
        return "invitation"
    if REWARD_RE.search(text) and not _TIME_OFFER_RE.search(text):
        return "reward"
    if GENERIC_COLLATERAL_RE.search(text):
        return None
    if made_for_reader(sent):
        return "resource"
    if any(c.service for c in analysis.clauses_in(sent)):
        return "offer"
    if analysis.question_kind(sent) != "other":
        return None
    if any(is_fact_number(analysis.draft, t) for t in sent) and not _seller_claim(analysis, sent):
        return "insight"
    return None


def _seller_claim(analysis: SentenceFacts, sent: Span) -> bool:
    """ "We've helped 500 teams": a number in the seller's own main clause is a claim, not a gift."""
    return any(c.main and c.agency == "seller" for c in analysis.clauses_in(sent))


def is_fact_number(draft: Draft, token: Token, excluded: tuple[tuple[int, int], ...] = ()) -> bool:
    """A number that states a fact ("6.2 days", "40-person", "$500"), not the count of earlier
    emails, a date, a clock time, a phone number or the length of a call."""
    if is_merge_tag(token) or not (token.like_num or re.search(r"\d", token.text)):
        return False
    if token.lower_ in ("one", "once", "twice"):
        return False
    if any(s <= token.idx < e for s, e in excluded):
        return False
    if draft.in_merge_tag(token.idx, token.idx + len(token.text)):
        return False
    doc = token.doc
    follows = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if follows is not None and follows.lower_ in _NON_VALUE_UNITS:
        return False
    if token.lower_ in _NON_VALUE_UNITS or any(
        t.lower_ == "ago" for t in doc[token.i + 1 : min(len(doc), token.i + 4)]
    ):
        return False
    lower = token.lower_
    if len(re.sub(r"\D", "", lower)) >= 7 or lower.startswith("+"):
        return False  # a phone number or an order id
    if ":" in lower or re.fullmatch(r"\d{1,2}(?:am|pm|a\.m\.|p\.m\.)", lower):
        return False  # 10:30, 2pm
    if re.fullmatch(r"(?:19|20)\d\d", lower):
        return False  # a year
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", lower):
        previous = doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.lower_ in ("at", "by", "around", "before", "after", "until"):
            return False  # "Tuesday at 2"
        nearby = doc[max(0, token.i - 2) : min(len(doc), token.i + 3)]
        if any(_WEEKDAYS_MONTHS.match(t.text) for t in nearby):
            return False  # "Oct 15", "Tuesday the 3rd"
    return True


def made_for_reader(sent: Span) -> bool:
    """ "I put together a checklist for your team", "I pulled your last 3 filings", "Attached is a
    comparison of your checkout": a making verb by the sender (or a presented attachment) whose
    object or "for" phrase names the reader."""
    text = span_text(sent)
    if not re.search(r"\b(?:you|your|yours)\b", text, re.I) and not any(is_merge_tag(t) for t in sent):
        return False
    if _ATTACHED_RE.match(text):
        return "?" not in text.rstrip()[-3:]
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in GIVE_VERBS:
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and token.dep_ == "conj":
            subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in ("i", "we"):
            continue
        objects = [c for c in token.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        if not objects:
            continue
        for_phrases = [c for c in token.children if c.dep_ in ("dative", "prep") and c.lower_ == "for"]
        if any(
            any(t.lower_ in ("you", "your", "yours") or is_merge_tag(t) for t in r.subtree)
            for r in (*objects, *for_phrases)
        ):
            return True
    return False


def _phrase_end(verb: Token) -> int:
    """The end of the verb's own phrase ("Visit www.voicera.com/upstreamgroup"), leaving out
    coordinated verbs and clauses that follow it."""
    own = [verb]
    for child in verb.children:
        if child.i > verb.i and child.dep_ not in ("conj", "cc", "punct", "advcl", "parataxis", "ccomp"):
            own.extend(t for t in child.subtree if not t.is_space)
    last = max(own, key=lambda t: t.i)
    return last.idx + len(last.text)
