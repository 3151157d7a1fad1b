"""Follow-ups whose only content is the fact of following up (catalog rule 36).

A follow-up phrase ("just checking in", "I have emailed you a few times", "circling back") is
flagged only when nothing in the email gives the reader something new: a specific number, an
answer to their question, or a resource made for them. The phrase lexicon lives in the rule's
YAML `params`; the value detector is here, shared in spirit with `Analysis.gives_value` but
stricter about what does not count (the count of earlier emails, dates and times, a time ask,
a restated claim, generic collateral).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis.core import is_question
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule

# "As I mentioned, our platform ..." restates an old claim: not new value.
_RESTATEMENT = re.compile(
    r"^\W*(?:as (?:i|we) (?:mentioned|said|wrote|noted)|as mentioned|like i said)\b", re.I
)
_GENERIC_COLLATERAL = re.compile(
    r"\b(?:brochure|deck|more information|more info|website|blog post|our latest|case stud|"
    r"one-pager about us|product sheet|datasheet|price list|pricing list|packages)\b",
    re.I,
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
_GIVE_VERBS = frozenset(
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


def _lexicon(params: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    return _compile(tuple(str(p) for p in params.get(key, ())))


@functools.lru_cache(maxsize=16)
def _compile(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    # a space in a pattern also matches a hard line wrap
    return tuple(re.compile(p.replace(" ", r"\s+"), re.I | re.M) for p in patterns)


@check("valueless-follow-up")
def valueless_follow_up(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    params = ctx.params_for(rule)
    phrases = _lexicon(params, "phrases")
    answers = _lexicon(params, "answer_cues")
    slot_re = re.compile(str(params.get("content_slot", r"(?!)")), re.I)
    text = ctx.draft.text
    hits: list[tuple[int, int]] = []
    spans_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for index, sent in enumerate(ctx.analysis.body_sentences):
        offset, sentence = sent.start_char, sent.text
        best: tuple[int, int] | None = None
        for pattern in phrases:
            for match in pattern.finditer(sentence):
                start, end = _trim(text, offset + match.start(), offset + match.end())
                if _quoted(sentence, start - offset) or ctx.draft.in_merge_tag(start, end):
                    continue
                if best is None or start < best[0]:
                    best = (start, end)
        if best is not None:
            hits.append(best)
            spans_by_sentence.setdefault(index, []).append(best)
    if not hits:
        return
    restating = False
    for index, sent in enumerate(ctx.analysis.body_sentences):
        # a hard-wrapped line is parsed as its own sentence: "As I mentioned, our" carries on
        restating = bool(_RESTATEMENT.search(sent.text)) or (restating and not _ends_sentence(sent))
        if restating:
            continue
        if _carries_value(ctx, sent, spans_by_sentence.get(index, []), answers, slot_re):
            return
    for start, end in hits:
        yield ctx.finding(rule, start, end)


def _ends_sentence(sent: Span) -> bool:
    return sent.text.rstrip()[-1:] in (".", "!", "?", ":", ";")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The match without the leading or trailing spaces and punctuation a pattern took in."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _quoted(sentence: str, at: int) -> bool:
    """Inside quotation marks: the phrase is being talked about, not used."""
    before = sentence[:at]
    straight = before.count('"')
    return straight % 2 == 1 or before.count("“") > before.count("”")


def _carries_value(
    ctx: RuleContext,
    sent: Span,
    follow_up_spans: list[tuple[int, int]],
    answers: tuple[re.Pattern[str], ...],
    slot_re: re.Pattern[str],
) -> bool:
    """New value in one sentence: an answer to the reader, a specific number, a resource made
    for them, or a template slot for a fresh insight ("{{new_information}}")."""
    text = sent.text
    if any(p.search(text) for p in answers):
        return True
    for token in sent:
        if token._.merge_tag and slot_re.search(token.text):
            return True
    if _RESTATEMENT.search(text) or _GENERIC_COLLATERAL.search(text):
        return False
    if any(_is_fact_number(ctx, token, follow_up_spans) for token in sent):
        return True
    return _made_for_reader(sent)


def _is_fact_number(ctx: RuleContext, token: Token, follow_up_spans: list[tuple[int, int]]) -> bool:
    """A number that states a fact ("6.2 days", "40-person", "$500"), not the count of earlier
    emails, a date, a clock time or the length of a call."""
    if token._.merge_tag or not (token.like_num or re.search(r"\d", token.text)):
        return False
    if token.lower_ in ("one", "once", "twice"):
        return False
    if any(s <= token.idx < e for s, e in follow_up_spans):
        return False
    if ctx.draft.in_merge_tag(token.idx, token.idx + len(token.text)):
        return False
    doc = token.doc
    follows = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if follows is not None and follows.lower_ in _NON_VALUE_UNITS:
        return False
    if any(t.lower_ == "ago" for t in doc[token.i + 1 : min(len(doc), token.i + 4)]):
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


def _made_for_reader(sent: Span) -> bool:
    """ "I put together a checklist for your team", "I pulled your last 3 filings": a making
    verb by the sender with a thing as its object, and the reader in that object or a "for you"."""
    text = sent.text
    if not re.search(r"\b(?:you|your|yours)\b", text, re.I) and not any(t._.merge_tag for t in sent):
        return False
    if re.match(r"^\W*(?:here'?s|here is|attached(?: is| are)?|i'?ve attached|enclosed)\b", text, re.I):
        return not is_question(sent)
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in _GIVE_VERBS:
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
        receivers = [*objects, *for_phrases]
        if any(
            any(t.lower_ in ("you", "your", "yours") or t._.merge_tag for t in r.subtree) for r in receivers
        ):
            return True
    return False
