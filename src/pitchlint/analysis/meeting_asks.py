"""Finding asks for a call, a demo or "just 15 minutes" in a draft (catalog rule 30).

Three kinds of evidence, each judged on the dependency parse of one body sentence:

* a time quantity ("15 minutes") that is the object of a request verb (give, spare, grab, have,
  ...) in a sentence that asks: a question, an imperative, a conditional request ("if you're
  willing to give us ...") or a wish ("I'd love to ..."). "cut report prep to 15 minutes" is an
  outcome, not an ask;
* a meeting noun as an event ("a quick demo", "a 15-minute call", "a demo" in "Here is a link
  with ... a demo") in such a sentence. "Our demo environment" (a modifier), "No call needed"
  (negated) and "your board meeting" (theirs) are not;
* a slot or a calendar: "Are you free Tuesday at 2 or Thursday at 10?", a booking link.

Shared by `first-touch-meeting-ask` and the asks-and-gives model (`analysis.exchange`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pitchlint.analysis.facts import SentenceFacts

_REQUEST_VERBS = frozenset(
    {
        "give",
        "spare",
        "grab",
        "have",
        "get",
        "find",
        "take",
        "borrow",
        "steal",
        "need",
        "book",
        "schedule",
        "carve",
        "set",
        "block",
        "invest",
        "spend",
        "lend",
        "ask",
        "request",
        "worth",
        "free",
        "available",
    }
)
_TIME_WORDS = frozenset({"minute", "minutes", "min", "mins", "mn"})
_QUANTITY = re.compile(
    r"^(?:\d+|a|one|two|three|five|ten|fifteen|twenty|thirty|forty-five|few|couple|several)$", re.I
)
_MEETING_NOUNS = frozenset(
    {
        "call",
        "demo",
        "demonstration",
        "meeting",
        "chat",
        "zoom",
        "walkthrough",
        "walk-through",
        "sync",
        "phone",
        "coffee",
        "conversation",
        "intro",
    }
)
_EVENT_MODIFIERS = frozenset(
    {
        "quick",
        "short",
        "brief",
        "live",
        "personal",
        "personalized",
        "personalised",
        "intro",
        "introductory",
        "discovery",
        "free",
        "virtual",
        "zoom",
        "video",
        "phone",
        "little",
        "informal",
        "exploratory",
        "15-minute",
        "30-minute",
        "10-minute",
        "20-minute",
        "minute",
        "min",
        "custom",
        "tailored",
        "private",
        "1:1",
        "one-on-one",
    }
)
_NEGATORS = frozenset({"no", "without", "not", "never", "n't", "instead"})

_IMPERATIVE_START = re.compile(
    r"^\W*(?:please\s+|just\s+|so\s+)?(?:book|grab|pick|schedule|choose|find|reserve|click|use|"
    r"let me know|let's|lets|let us|reply with|hop on|jump on|send me a time|tell me when)\b",
    re.I,
)
_CONDITIONAL = re.compile(
    r"\bif (?:you(?:'re|’re| are)?|you'd|you’d|you would) (?:be )?(?:willing|open|free|available|"
    r"interested|up for|game|keen|like)\b|\bif you (?:have|can spare|could spare|can give|could "
    r"give|can find|got|want)\b",
    re.I,
)
_WISH = re.compile(
    r"\b(?:I|we)(?:'d|’d| would) (?:love|like|welcome|be (?:happy|glad|keen)) (?:to|the chance)\b"
    r"|\b(?:I|we) (?:want|hope|am hoping|are hoping) to\b|\blet'?s\b|\blet us\b"
    r"|\b(?:can|could|may) (?:I|we)\b|\b(?:I'm|I am|we're|we are|I’m|we’re) (?:hoping|looking) to\b"
    r"|\b(?:happy|glad) to\b",
    re.I,
)
_PRESENTATION = re.compile(r"^\W*(?:here is|here's|here’s|below is|attached is)\b|\blink\b|\bclick\b", re.I)
# a question that asks for the reader's time, not one about their own meetings
_QUESTION_CUE = re.compile(
    r"\b(?:open to|interested in|worth|free|available|time for|have time|set up|setup|schedule|"
    r"book|grab|hop on|jump on|get on|want|like|up for|make sense|makes sense|can we|could we|"
    r"shall we|should we|how about|fancy|do a|have a|have \d+|spare)\b",
    re.I,
)
_SLOT_RE = re.compile(
    r"\b(?:are|would) you (?:be )?(?:free|available)\b(?! (?:of|from|to (?:the|all|anyone|everyone)))"
    r"|\bwhat does your (?:calendar|schedule|week|diary) look like\b"
    r"|\bdoes (?:mon|tues|wednes|thurs|fri)day\b[^?\n]{0,30}\bwork\b"
    r"|\bhow about (?:mon|tues|wednes|thurs|fri)day\b"
    r"|\b(?:can|could|shall) we (?:quickly )?(?:chat|talk|speak|meet|connect|hop on|jump on|get on)\b"
    r"|\b(?:I|we)(?:'d|’d| would) love to (?:chat|talk|speak|meet|connect)\b",
    re.I,
)
_CALENDAR_RE = re.compile(
    r"\b(?:calendly\.com|cal\.com|savvycal\.com|chilipiper\.com|meetings\.hubspot\.com)\S*"
    r"|\b(?:book|grab|find|pick|choose|reserve) (?:a |some )?(?:time|slot|spot)\b"
    r"|\b(?:slot|time) on (?:my|our|your) calendars?\b"
    # the meeting booked for them: "I have put 30 minutes on your calendar", "accept the invite"
    r"|\b(?:I|we)(?:'ve|’ve| have)? (?:put|added|booked|blocked|sent|dropped|placed|scheduled)\b"
    r"[^.?!\n]{0,40}\b(?:on|in|to|for) your (?:calendar|diary)\b"
    r"|\baccept (?:the|my|our) (?:calendar |meeting )?invit(?:e|ation)\b",
    re.I,
)


def meeting_asks(analysis: SentenceFacts) -> tuple[tuple[Span, int, int], ...]:
    """Each body sentence that asks for a meeting, with the character span of the ask."""
    sentences = analysis.body_sentences
    found = []
    for i, sent in enumerate(sentences):
        hit = _first_hit(analysis, sent, _logical_text(sentences, i))
        if hit is not None:
            found.append((sent, *hit))
    return tuple(found)


def _logical_text(sentences: tuple[Span, ...], i: int) -> str:
    """The sentence with the lines a hard wrap split off it: the parser ends a sentence at a
    line break, so "Could you spare 15 minutes next week so I can walk" loses its
    "you through it?"."""
    parts = [sentences[i].text]
    j = i
    while not _ends(parts[-1]) and j + 1 < len(sentences) and j - i < 4:
        last = [t for t in sentences[j] if not t.is_space][-1:]
        dangling = bool(last) and last[0].pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PART", "AUX")
        j += 1
        following = sentences[j].text.lstrip()
        if not dangling and not following[:1].islower() and not following[:1].isdigit():
            break  # a new sentence (or a list item), not the rest of a wrapped one
        parts.append(following)
    return " ".join(p.strip() for p in parts)


def _ends(text: str) -> bool:
    return text.rstrip()[-1:] in (".", "!", "?", ":", ";")


def _first_hit(analysis: SentenceFacts, sent: Span, text: str) -> tuple[int, int] | None:
    question = text.rstrip()[-3:].count("?") > 0
    frames = {
        "question": question,
        "imperative": bool(_IMPERATIVE_START.search(text))
        or any(c.imperative for c in analysis.clauses_in(sent)),
        "conditional": bool(_CONDITIONAL.search(text)),
        "wish": bool(_WISH.search(text)),
    }
    asking = any(frames.values())
    hits: list[tuple[int, int]] = []
    offset = sent.start_char
    for match in _CALENDAR_RE.finditer(text):
        hits.append((offset + match.start(), offset + match.end()))
    if question or frames["wish"]:
        for match in _SLOT_RE.finditer(text):
            hits.append((offset + match.start(), offset + match.end()))
    presentation = _PRESENTATION.search(text) is not None
    for token in sent:
        span = _time_ask(token, sent, asking)
        if span is None:
            span = _meeting_ask(token, sent, text, frames, presentation)
        if span is not None:
            hits.append(span)
    return min(hits) if hits else None


def _negated(token: Token) -> bool:
    return any(c.lower_ in _NEGATORS for c in token.children) or (
        token.i > 0 and token.doc[token.i - 1].lower_ in _NEGATORS
    )


def _time_ask(token: Token, sent: Span, asking: bool) -> tuple[int, int] | None:
    """ "give us just 15 minutes", "Do you have 15 minutes", "15 minutes of your time"."""
    if token.lower_ not in _TIME_WORDS and token.lemma_.lower() != "minute":
        return None
    doc = token.doc
    quantity = [t for t in doc[max(sent.start, token.i - 3) : token.i] if _QUANTITY.match(t.text)]
    if not quantity:
        return None
    if token.head.lower_ in _MEETING_NOUNS or token.head.lemma_.lower() in _MEETING_NOUNS:
        return None  # "a 15-minute call": the meeting noun is the hit
    end = token.idx + len(token.text)
    tail = doc[token.i + 1 : min(sent.end, token.i + 4)]
    if tail.text.lower().startswith(("of your time", "of your day")):
        return quantity[0].idx, tail[-1].idx + len(tail[-1].text)
    if not asking or _negated(token):
        return None
    ancestors = [token.head, token.head.head]
    window = doc[max(sent.start, quantity[0].i - 4) : quantity[0].i]
    cue = next((t for t in ancestors if _is_request(t) and t.i < token.i), None)
    if cue is None:
        cue = next((t for t in reversed(window) if _is_request(t)), None)
    if cue is None:
        return None
    return min(cue.idx, quantity[0].idx), end


def _is_request(token: Token) -> bool:
    return token.lemma_.lower() in _REQUEST_VERBS or token.lower_ in _REQUEST_VERBS


def _meeting_ask(
    token: Token, sent: Span, text: str, frames: dict[str, bool], presentation: bool
) -> tuple[int, int] | None:
    """ "a quick demo", "a 15-minute call", "a demo" offered through a link."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if lemma not in _MEETING_NOUNS and token.lower_ not in _MEETING_NOUNS:
        return None
    if token.dep_ in ("compound", "poss") or _negated(token):
        return None  # "demo environment", "call recording"; "No call needed"
    children = list(token.children)
    dets = [c.lower_ for c in children if c.dep_ in ("det", "poss")]
    if any(d in ("your", "their", "his", "her", "the", "that", "this", "our", "my") for d in dets):
        return None
    modifiers = [c for c in children if c.dep_ in ("amod", "compound", "nummod", "nmod")]
    if any(m.lower_ not in _EVENT_MODIFIERS and m.lemma_.lower() not in _EVENT_MODIFIERS for m in modifiers):
        return None  # "a board meeting", "a sales call" of theirs
    on_phone = lemma == "phone" and token.head.lower_ in ("on", "over", "by")
    if lemma == "phone" and not on_phone:
        return None
    event = any(d in ("a", "an", "another") for d in dets) or bool(modifiers) or on_phone
    if not event:
        return None
    if frames["question"]:
        ok = bool(_QUESTION_CUE.search(text)) and not _past_question(sent)
    else:
        ok = frames["imperative"] or frames["conditional"] or frames["wish"]
        ok = ok or (presentation and lemma in ("demo", "demonstration", "walkthrough"))
    if not ok:
        return None
    premodifiers = ("det", "amod", "compound", "nummod", "nmod")
    lefts = [c.left_edge for c in children if c.i < token.i and c.dep_ in premodifiers]
    start = min([token, *(t for t in lefts if t.i >= sent.start)], key=lambda t: t.i)
    return start.idx, token.idx + len(token.text)


def _past_question(sent: Span) -> bool:
    """ "Did you get a call from our team?" asks about the past, not for time."""
    root = sent.root
    return root.tag_ == "VBD" or any(c.lower_ == "did" and c.dep_ == "aux" for c in root.children)
