"""`role-change-reference` (rules/personal/role-change-reference.yaml): Flags openers about the
reader's role change, promotion or move ("Congrats on the new role!", "Saw you were just promoted",
"in your new position", "now that you've moved to the Chicago office"). On seed 001's Maybe list:
warning for a role change, info for a move of office."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.grammar import (
    OBJECT_DEPS,
    claim_subject,
    is_reader_pronoun,
    negated,
    possessed_by_reader,
    verb_above,
)
from pitchlint.analysis.spans import char_span, tokens_between
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.nlp import is_merge_tag
from pitchlint.params import built_once
from pitchlint.params import in_words as _in
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of role-change-reference.yaml, checked: a key not here is an error."""

    role_nouns: list[str]
    change_nouns: list[str]
    change_verbs: list[str]
    place_nouns: list[str]
    recency_words: list[str]
    congrats_words: list[str]


# role-change-reference ---------------------------------------------------------------------
class _RoleChange:
    """Seed 001's Maybe list: a new role, a promotion, a move to another office."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.roles = _lex(params, "role_nouns")
        self.change_nouns = _lex(params, "change_nouns")
        self.change_verbs = _lex(params, "change_verbs")
        self.places = _lex(params, "place_nouns")
        self.recency = _lex(params, "recency_words")
        self.congrats = _lex(params, "congrats_words")

    def hits(self, sent: Span) -> Iterator[tuple[int, int, str]]:
        for t in sent:
            found = (
                self._congrats(t)
                or self._your_new_role(t)
                or self._reader_moved(t)
                or self._new_role_question(t)
            )
            if found is not None:
                first, last, kind = found
                yield (*char_span(tokens_between(sent, first, last)), kind)

    def _role_noun(self, noun: Token) -> bool:
        return noun.pos_ in ("NOUN", "PROPN") and (_in(noun, self.roles) or _in(noun, self.change_nouns))

    def _congrats(self, t: Token) -> tuple[int, int, str] | None:
        """ "Congrats on the new role", "Congratulations on your promotion", "... on joining"."""
        if t.lower_ not in self.congrats and t.lemma_.lower() not in self.congrats:
            return None
        for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "for")):
            for obj in prep.children:
                if obj.dep_ == "pobj" and self._role_noun(obj):
                    if obj.lower_ in _MOVES:
                        if not possessed_by_reader(obj):
                            continue  # "Congrats on the move" may be the company's new warehouse
                        return t.i, obj.i, "location"
                    return t.i, obj.i, "role"
                if obj.dep_ == "pcomp" and _in(obj, self.change_verbs):
                    return t.i, obj.right_edge.i, "role"
        return None

    def _your_new_role(self, noun: Token) -> tuple[int, int, str] | None:
        """ "in your new role", "your recent promotion", "new to the role"."""
        if not self._role_noun(noun) or noun.dep_ == "compound":
            return None
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound")]
        recent = any(m.lower_ in self.recency for m in mods)
        if possessed_by_reader(noun) and (recent or _in(noun, self.change_nouns)):
            poss = next(c for c in noun.children if c.dep_ == "poss")
            return poss.i, noun.i, "role"
        # "(you're) new to the role"
        if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "new":
            verb = verb_above(noun.head.head)
            if verb is not None and is_reader_pronoun(claim_subject(verb)) and _in(noun, self.roles):
                return noun.head.head.i, noun.i, "role"
        return None

    def _reader_moved(self, verb: Token) -> tuple[int, int, str] | None:
        """ "you were just promoted", "you've moved over to the Chicago office", "you recently
        joined Globex": the reader is the subject of a change verb, and it is recent."""
        if verb.pos_ != "VERB" or not _in(verb, self.change_verbs) or negated(verb):
            return None
        subject = claim_subject(verb)
        if not is_reader_pronoun(subject) or subject is None:
            return None
        lemma = verb.lemma_.lower()
        near = (d for d in verb.subtree if d.head.i == verb.i or d.head.head.i == verb.i)
        recent = any(d.lower_ in self.recency for d in near) or _now_that(verb)
        destinations = [g for c in verb.subtree if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        place = next((d for d in destinations if _in(d, self.places)), None)
        role = next((d for d in destinations if _in(d, self.roles)), None)
        first = subject.i
        if lemma == "promote":  # "you were promoted", not "you promote your product"
            passive = subject.dep_ == "nsubjpass" or any(c.lower_ == "got" for c in verb.children)
            return (first, verb.right_edge.i, "role") if passive else None
        if place is not None and (recent or lemma in ("relocate", "move")):
            return first, place.i, "location"
        if recent and role is not None:
            return first, role.i, "role"
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS] + destinations
        organisation = any(o.pos_ == "PROPN" or is_merge_tag(o) for o in objects) and not any(
            c.dep_ == "poss" and c.lower_ in lx.SELLER_POSSESSIVES for o in objects for c in o.children
        )
        titled = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        if recent and (organisation or titled) and lemma in ("join", "start", "step", "take", "land"):
            return first, verb.right_edge.i, "role"
        return None

    def _new_role_question(self, noun: Token) -> tuple[int, int, str] | None:
        """ "How are you finding the new role?": the reader is the subject."""
        if not _in(noun, self.roles) or not any(c.lower_ == "new" for c in noun.children):
            return None
        verb = verb_above(noun)
        if verb is not None and is_reader_pronoun(claim_subject(verb)):
            return noun.left_edge.i, noun.i, "role"
        return None


_MOVES = frozenset({"move", "relocation", "transition"})


def _now_that(verb: Token) -> bool:
    """ "Now that you've moved ...", however the parser attaches "now"."""
    if verb.head.lower_ == "now" or any(c.lower_ == "now" for c in verb.children):
        return True
    return verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].lower_ == "now"


@check("role-change-reference")
def role_change_reference(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Opening on the reader's role change (warning) or move of office (info: seed 002 uses
    one in person, seed 001 says be wary)."""
    detector = built_once(_RoleChange, ctx.params_for(rule))
    for sent in ctx.analysis.sentences:
        start, end, kind = next(detector.hits(sent), (0, 0, ""))
        if kind == "location":
            yield ctx.finding(rule, start, end, severity=Severity.INFO, detail="move")
        elif kind:
            yield ctx.finding(rule, start, end, detail="role change")
