"""`hollow-common-ground` (rules/personal/hollow-common-ground.yaml): Flags claimed shared interests
with nothing behind them ("I see you liked The Challenger Sale. Me too!", "Fellow Slideshare
enthusiast here", "Great post on LinkedIn!"): no quote, number or named point to show the interest
is real."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis.grammar import QUOTED_RE, claim_subject, is_reader_pronoun, possessed_by_reader
from pitchlint.analysis.spans import sentence_span, span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.params import in_words as _in
from pitchlint.params import regex_any as _regex
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of hollow-common-ground.yaml, checked: a key not here is an error."""

    interest_verbs: list[str]
    mention_verbs: list[str]
    interest_nouns: list[str]
    work_nouns: list[str]
    faint_praise: list[str]
    shared_cues: list[str]
    mutual_cues: list[str]
    specificity_patterns: list[str]
    defer_words: list[str]


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _has_specifics(sentences: Iterable[Span], extra: re.Pattern[str]) -> bool:
    """A quote, a number (not a year) or a named point: what makes a reference checkable."""
    for sent in sentences:
        text = span_text(sent)
        if QUOTED_RE.search(text) or extra.search(text):
            return True
        if any(
            (t.like_num or re.search(r"\d", t.text)) and not _YEAR.match(t.text) and not is_merge_tag(t)
            for t in sent
        ):
            return True
    return False


# hollow-common-ground ----------------------------------------------------------------------
class _Common:
    """Claimed shared interests ("Me too!", "Fellow Slideshare enthusiast", "Great post!")
    with nothing specific enough to show the interest is real."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.interest_verbs = _lex(params, "interest_verbs")
        self.interest_nouns = _lex(params, "interest_nouns")
        self.mention_verbs = _lex(params, "mention_verbs")
        self.work = _lex(params, "work_nouns")
        self.faint_praise = _lex(params, "faint_praise")
        self.shared = _regex(params, "shared_cues")
        self.mutual = _regex(params, "mutual_cues")
        self.specific = _regex(params, "specificity_patterns")
        self.defer = _lex(params, "defer_words")

    def reader_interest(self, sent: Span) -> bool:
        """ "you liked The Challenger Sale", "you shared Dixon's piece", "your favorite book"."""
        for t in sent:
            if t.pos_ == "VERB" and is_reader_pronoun(claim_subject(t)):
                if _in(t, self.interest_verbs):
                    return True
                # "you mentioned Good to Great", not "you mentioned Q3 is busy"
                objects = [c for c in t.children if c.dep_ == "dobj"]
                if _in(t, self.mention_verbs) and any(
                    o.pos_ == "PROPN" or _in(o, self.work) for o in objects
                ):
                    return True
            fan = _in(t, self.interest_nouns) and t.dep_ in ("attr", "acomp")
            if fan and is_reader_pronoun(claim_subject(t.head)):
                return True
            if t.lower_ in ("favorite", "favourite") and possessed_by_reader(t.head):
                return True
        return False

    def seller_interest(self, sent: Span) -> bool:
        """The sender claims the same interest: "I also loved the book", "I'm a fan too"."""
        for t in sent:
            subject = claim_subject(t) if t.pos_ in ("VERB", "AUX") else None
            seller = subject is not None and subject.lower_ in ("i", "we")
            if seller and t.pos_ == "VERB" and _in(t, self.interest_verbs):
                return True
            if _in(t, self.interest_nouns) and t.dep_ in ("attr", "ROOT"):
                return True
        return False

    def seller_fan(self, sent: Span) -> bool:
        """ "I'm a big fan of Pavilion too": the sender's fandom, with a "too" or "also"."""
        for t in sent:
            subject = claim_subject(t.head) if t.dep_ == "attr" else None
            if subject is not None and subject.lower_ in ("i", "we") and _in(t, self.interest_nouns):
                return True
        return False

    def fellow(self, sent: Span) -> bool:
        """ "Fellow Slideshare enthusiast here" (the parser often splits "Fellow")."""
        words = [t for t in sent if not t.is_punct]
        for i, t in enumerate(words):
            if t.lower_ == "fellow" and any(_in(w, self.interest_nouns) for w in words[i + 1 : i + 5]):
                return True
        return False

    def faint_fragment(self, sent: Span) -> Token | None:
        """ "Great post on LinkedIn!", "Loved the article!": a verbless or subjectless fragment
        praising a piece of work."""
        root = sent.root
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if len(words) > 8:
            return None
        praised = any(_in(c, self.faint_praise) for c in root.children if c.dep_ == "amod")
        if root.pos_ in ("NOUN", "PROPN") and _in(root, self.work) and praised:
            return root
        if root.pos_ == "VERB" and _in(root, self.interest_verbs) and claim_subject(root) is None:
            obj = next((c for c in root.children if c.dep_ == "dobj"), None)
            if obj is not None and _in(obj, self.work):
                return obj
        return None

    def deferred(self, sent: Span) -> bool:
        """Hobbies and teams are off-business-chitchat's; identities are the creepy rule's."""
        return any(_in(t, self.defer) for t in sent)


@check("hollow-common-ground")
def hollow_common_ground(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A shared-interest claim or a stock compliment with no quote, number or named point in
    it or the next sentence."""
    params = ctx.params_for(rule)
    detector = _Common(params)  # praise of the reader's own work is brown-nosing's (yields_to)
    sentences = ctx.analysis.body_sentences
    for i, sent in enumerate(sentences):
        if detector.deferred(sent):
            continue
        window = sentences[max(0, i - 1) : i + 2]
        previous = sentences[i - 1] if i > 0 else None
        span: tuple[int, int] | None = None
        shared = bool(detector.shared.search(span_text(sent)))
        mutual = bool(detector.mutual.search(span_text(sent))) and detector.seller_interest(sent)
        mutual = mutual or (shared and detector.seller_fan(sent))
        if detector.fellow(sent) or mutual or (shared and detector.reader_interest(sent)):
            span = sentence_span(sent)
        elif shared and previous is not None and detector.reader_interest(previous):
            # "I see you liked The Challenger Sale. Me too!"
            if detector.seller_interest(sent) or len(sent) <= 5:
                span = (sentence_span(previous)[0], sentence_span(sent, keep_end_punct=True)[1])
        elif (work := detector.faint_fragment(sent)) is not None and not possessed_by_reader(work):
            span = sentence_span(sent)
        if span is None or _has_specifics(window, detector.specific):
            continue
        yield ctx.finding(rule, *span)
