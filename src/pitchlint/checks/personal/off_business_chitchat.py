"""`off-business-chitchat` (rules/personal/off-business-chitchat.yaml): Flags small talk about the
reader's pastimes used as the hook of a first email: their sports team, golf game or favourite food
("Saw you're a huge Yankees fan", "How was golf this weekend?"), or an invitation to drinks ("Let's
grab a beer sometime"). An error when the email says it was found by research ("Saw you're ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis.grammar import (
    SUBJECT_DEPS,
    claim_subject,
    is_reader_pronoun,
    negated,
    possessed_by_reader,
)
from pitchlint.analysis.spans import char_span, ends_in_question, sentence_span, span_text, tokens_between
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.params import built_once
from pitchlint.params import in_words as _in
from pitchlint.params import regex_any as _regex
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of off-business-chitchat.yaml, checked: a key not here is an error."""

    hobby_words: list[str]
    sport_words: list[str]
    team_names: list[str]
    drink_words: list[str]
    food_words: list[str]
    like_verbs: list[str]
    invite_verbs: list[str]
    fan_nouns: list[str]
    leisure_heads: list[str]
    leisure_times: list[str]
    research_cues: list[str]
    defer_words: list[str]


# off-business-chitchat ---------------------------------------------------------------------
def _intent(verb: Token) -> bool:
    """An offer or a wish: "let's grab", "we should play", "I'd love to buy you", "want to"."""
    if verb.head.lower_ == "let" or any(c.lower_ in ("'s", "’s") for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("love", "like", "want", "wish"):
        return True
    modals = ("would", "could", "should", "can", "'d", "’d", "'ll", "’ll", "will", "might")
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children) or any(
        c.dep_ == "dative" for c in verb.children
    )


def _bigram(t: Token) -> str:
    """ "Super Bowl", "Red Sox": a compound and its head as one phrase."""
    compound = next((c for c in t.children if c.dep_ == "compound" and c.i == t.i - 1), None)
    return f"{compound.text} {t.text}" if compound is not None else t.text


class _Chitchat:
    """Pastimes as the hook: the reader's team, golf game or favourite food, or drinks."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.hobbies = _lex(params, "hobby_words")
        teams = _lex(params, "team_names")
        # "Red Sox fan" parses as "Sox" with a compound: match the last word of a name too
        self.teams = teams | {name.split()[-1] for name in teams if " " in name}
        self.sports = _lex(params, "sport_words")
        self.drinks = _lex(params, "drink_words")
        self.foods = _lex(params, "food_words")
        self.like_verbs = _lex(params, "like_verbs")
        self.invite_verbs = _lex(params, "invite_verbs")
        self.fan_nouns = _lex(params, "fan_nouns")
        self.leisure_heads = _lex(params, "leisure_heads")
        self.leisure_times = _lex(params, "leisure_times")
        self.defer = _lex(params, "defer_words")
        self.activities = self.hobbies | self.sports
        self.pastimes = self.activities | self.foods | self.drinks | self.teams
        self.offers = self.drinks | self.hobbies | {"round", "tee"}

    def _pastime(self, t: Token) -> bool:
        return _in(t, self.pastimes) or _bigram(t).lower() in self.pastimes

    def hits(self, sent: Span) -> Iterator[tuple[int, int]]:
        if any(_in(t, self.defer) for t in sent):
            return
        for t in sent:
            found = self._reader_likes(t) or self._invitation(t) or self._fan(t) or self._your_game(t)
            if found is not None:
                yield char_span(tokens_between(sent, *found))
                return
        if ends_in_question(sent) and (self._how_was_golf(sent) or self._game_question(sent)):
            yield sentence_span(sent, keep_end_punct=True)

    def _invitation(self, verb: Token) -> tuple[int, int] | None:
        """ "Let's grab a beer", "I'd love to buy you a drink", "up for a round of golf?"."""
        if verb.pos_ != "VERB" or not _in(verb, self.invite_verbs):
            return None
        subject = claim_subject(verb)
        who = subject.lower_ if subject is not None else ""
        imperative = subject is None and verb.tag_ == "VB"
        if not imperative and not (who in ("we", "us", "'s", "’s", "i", "you") and _intent(verb)):
            return None  # "We buy wine from 40 vineyards" is business
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "dative") and not (obj.dep_ == "prep" and obj.lower_ == "for"):
                continue
            targets = [obj, *(g for g in obj.children if g.dep_ in ("pobj", "prep"))]
            targets += [g for p in targets if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if any(_in(x, self.offers) for x in targets):
                last = max(x.i for x in targets)
                first = verb.i
                if verb.dep_ == "ccomp" and verb.head.lower_ == "let":
                    first = verb.head.i  # "Let's grab a beer"
                return first, last
        return None

    def _fan(self, noun: Token) -> tuple[int, int] | None:
        """ "you're a huge Yankees fan", "fellow Cubs fan", "a fan of the Packers"."""
        if not _in(noun, self.fan_nouns):
            return None
        mods = [c for c in noun.subtree if c.i != noun.i]
        if not any(self._team_or_sport(m) for m in mods):
            return None
        if noun.dep_ in ("attr", "acomp") and is_reader_pronoun(claim_subject(noun.head)):
            return claim_subject(noun.head).i, noun.right_edge.i  # type: ignore[union-attr]
        fellow = any(m.lower_ == "fellow" for m in mods) or (
            noun.i > 0 and any(noun.doc[j].lower_ == "fellow" for j in range(max(0, noun.i - 4), noun.i))
        )
        if fellow:
            start = next(j for j in range(max(0, noun.i - 4), noun.i + 1) if noun.doc[j].lower_ == "fellow")
            return start, noun.i
        return None

    def _team_or_sport(self, t: Token) -> bool:
        return t.lower_ in self.teams or _in(t, self.activities)

    def _reader_likes(self, verb: Token) -> tuple[int, int] | None:
        """ "you love sushi", "you play golf", "you ran the Boston marathon"."""
        if verb.pos_ != "VERB" or not _in(verb, self.like_verbs) or negated(verb):
            return None
        subject = claim_subject(verb)
        if not is_reader_pronoun(subject) or subject is None:
            return None
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "xcomp")):
            if self._pastime(obj) or any(self._pastime(c) for c in obj.children if c.dep_ == "compound"):
                return subject.i, obj.right_edge.i
        return None

    def _your_game(self, noun: Token) -> tuple[int, int] | None:
        """ "your golf game", "your handicap", "your marathon time"."""
        if noun.pos_ != "NOUN" or not possessed_by_reader(noun):
            return None
        if _in(noun, self.hobbies):
            first = next(c for c in noun.children if c.dep_ == "poss").i
            return first, noun.i
        if _in(noun, self.leisure_heads) and any(
            self._pastime(c) for c in noun.children if c.dep_ in ("compound", "amod")
        ):
            first = next(c for c in noun.children if c.dep_ == "poss").i
            return first, noun.i
        return None

    def _how_was_golf(self, sent: Span) -> bool:
        """ "How was golf this weekend?": a pastime as the subject, asked about a day off."""
        pastime = any(t.dep_ in SUBJECT_DEPS and _in(t, self.activities) for t in sent)
        return pastime and any(_in(t, self.leisure_times) for t in sent)

    def _game_question(self, sent: Span) -> bool:
        """ "Did you catch the Knicks game last night?"."""
        for t in sent:
            if t.lower_ in ("game", "match", "race", "fight") and any(
                self._team_or_sport(c) for c in t.children if c.dep_ in ("compound", "amod")
            ):
                return any(is_reader_pronoun(x) for x in sent)
        return False


@check("off-business-chitchat")
def off_business_chitchat(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """The reader's pastimes, or an invitation to one, in a first email; an error when the
    sentence says it was found by research."""
    params = ctx.params_for(rule)
    detector = built_once(_Chitchat, params)
    research = _regex(params, "research_cues")
    for sent in ctx.analysis.body_sentences:
        for start, end in detector.hits(sent):
            # "Saw you're a huge Yankees fan": found by research, not met in person (catalog T2)
            severity = Severity.ERROR if research.search(span_text(sent)) else Severity.WARNING
            yield ctx.finding(rule, start, end, severity=severity)
