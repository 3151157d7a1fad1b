"""`brown-nosing` (rules/personal/brown-nosing.yaml): Flags gushing praise ("amazing", "loved your
keynote", "huge fan") for the reader's talks, articles or podcasts with nothing specific to show the
sender saw or read them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis.grammar import QUOTED_RE, own_subject, possessed_by_reader
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import built_once, regex_any
from pitchlint.params import in_words as _in
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of brown-nosing.yaml, checked: a key not here is an error."""

    praise_words: list[str]
    love_verbs: list[str]
    effect_verbs: list[str]
    work_nouns: list[str]
    specificity_patterns: list[str]
    attendance_patterns: list[str]


def _words(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


# brown-nosing ------------------------------------------------------------------------------
_YEAR = re.compile(r"^(?:19|20)\d\d$")


class _Praise:
    def __init__(self, params: dict[str, Any]) -> None:
        self.praise = _lex(params, "praise_words")
        self.love_verbs = _lex(params, "love_verbs")
        self.effect_verbs = _lex(params, "effect_verbs")
        self.work = _lex(params, "work_nouns")
        self.specific = regex_any(params, "specificity_patterns")
        self.attendance = regex_any(params, "attendance_patterns")

    def _work_noun(self, token: Token) -> Token | None:
        """The reader's work the token points at: "your keynote", "your podcast appearance"."""
        if token.pos_ in ("NOUN", "PROPN") and _in(token, self.work) and possessed_by_reader(token):
            return token
        if (
            token.pos_ in ("NOUN", "PROPN")
            and possessed_by_reader(token)
            and any(_in(c, self.work) for c in token.children if c.dep_ == "compound")
        ):
            return token  # "your podcast appearance"
        return None

    def hits(self, sent: Span) -> Iterator[tuple[Token, Token]]:
        for t in sent:
            words = _words(t)
            # "your amazing keynote"
            if t.dep_ == "amod" and words & self.praise:
                work = self._work_noun(t.head)
                if work is not None:
                    yield t, work
            # "Loved your keynote", "really enjoyed your talk"
            elif t.pos_ == "VERB" and words & self.love_verbs:
                for obj in (c for c in t.children if c.dep_ in ("dobj", "attr")):
                    work = self._work_noun(obj)
                    if work is not None:
                        yield t, work
            # "Your website caught my attention", "your profile stood out"
            elif t.pos_ == "VERB" and words & self.effect_verbs:
                subject = own_subject(t)
                work = self._work_noun(subject) if subject is not None else None
                if work is not None:
                    yield t, work
            # "Your keynote was brilliant"
            elif t.dep_ == "acomp" and words & self.praise:
                subject = own_subject(t.head)
                work = self._work_noun(subject) if subject is not None else None
                if work is not None:
                    yield t, work
            # "Huge fan of your work", "blown away by your podcast"
            if (t.lower_ == "fan" and any(c.lower_ in ("huge", "big", "massive") for c in t.children)) or (
                t.lemma_.lower() == "blow" and any(c.lower_ == "away" for c in t.children)
            ):
                start = next((c for c in t.children if c.lower_ in ("huge", "big", "massive")), t)
                for prep in (c for c in t.children if c.dep_ in ("prep", "agent")):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        work = self._work_noun(obj)
                        if work is not None:
                            yield start, work

    def specific_near(self, sentences: tuple[Span, ...], index: int, work: Token) -> bool:
        """A quote, a number, a named point or attendance in this or the next sentence (and
        attendance stated just before)."""
        window = [sentences[index]]
        if index + 1 < len(sentences) and _about_the_work(sentences[index + 1], work):
            window.append(sentences[index + 1])
        for sent in window:
            text = span_text(sent)
            if QUOTED_RE.search(text) or self.specific.search(text) or self.attendance.search(text):
                return True
            if any((t.like_num or re.search(r"\d", t.text)) and not _YEAR.match(t.text) for t in sent):
                return True
        return index > 0 and bool(self.attendance.search(sentences[index - 1].text))


_PIVOT = re.compile(r"^\W*(?:anyway|so|but|now|that's why|which is why|speaking of|we|our|i)\b", re.I)
_ASK = re.compile(r"\b\d+\s*-?\s*min|\b(?:call|demo|meeting|chat|calendar)\b", re.I)
_BACK_REFERENCE = re.compile(
    r"\b(?:it|that|this|you (?:said|wrote|argued|mentioned|noted|showed|shared)"
    r"|(?:your|the) (?:slide|part|point|section|chart|stat|number|data|example|story|line|argument))\b",
    re.I,
)


def _about_the_work(sent: Span, work: Token) -> bool:
    """The next sentence still talks about the reader's work, not a pivot to the pitch."""
    text = span_text(sent).strip()
    if _PIVOT.match(text) or _ASK.search(text):
        return False
    return bool(_BACK_REFERENCE.search(text)) or any(t.lemma_ == work.lemma_ for t in sent)


@check("brown-nosing")
def brown_nosing(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Praise aimed at the reader's talk, article or podcast with nothing specific about it."""
    detector = built_once(_Praise, ctx.params_for(rule))
    sentences = ctx.analysis.sentences
    for index, sent in enumerate(sentences):
        found = list(detector.hits(sent))
        if not found:
            continue
        praise, work = found[0]
        if detector.specific_near(sentences, index, work):
            continue
        tokens = [praise, work, *(c for c in work.children if c.dep_ == "poss")]
        first = min(tokens, key=lambda t: t.i)
        last = max(tokens, key=lambda t: t.i)
        yield ctx.finding(rule, first.idx, last.idx + len(last.text))
