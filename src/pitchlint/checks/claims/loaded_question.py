"""`loaded-question` (rules/claims/loaded-question.yaml): Flags yes/no questions meant to scare or
corner the reader ("Are you 100% confident in the result?", "Wouldn't you like to double your
pipeline?", "What if I told you ...?")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis.grammar import claim_subject, is_reader_pronoun, possessed_by_reader
from pitchlint.analysis.spans import sentence_span, span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import built_once
from pitchlint.params import in_words as _in
from pitchlint.params import regex_any as _regex
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of loaded-question.yaml, checked: a key not here is an error."""

    certainty_words: list[str]
    fear_words: list[str]
    benefit_multipliers: list[str]
    loss_verbs: list[str]
    always_loaded: list[str]


# loaded-question ---------------------------------------------------------------------------
class _Loaded:
    """A second, structural test on questions the shared classifier calls loaded: the fear or
    absolute word has to carry the question, not just appear in it."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.certainty = _lex(params, "certainty_words")
        self.fear = _lex(params, "fear_words")
        self.feelings = self.certainty | self.fear
        self.multipliers = _lex(params, "benefit_multipliers")
        self.always = _regex(params, "always_loaded")
        self.loss = _lex(params, "loss_verbs")

    def reason(self, sent: Span) -> str | None:
        text = span_text(sent)
        if self.always.search(text):
            return "one answer expected"
        for t in sent:
            if self._degree_hundred(t):
                return "an absolute"
            if _proof(t):
                return "an absolute"
            actor = claim_subject(t) if t.pos_ in ("VERB", "AUX", "ADJ") else None
            if actor is None and t.dep_ == "acl":
                actor = t.head  # "Is your team losing ...", parsed as "team [losing ...]"
            reader = is_reader_pronoun(actor) or (actor is not None and possessed_by_reader(actor))
            feeling = t.dep_ in ("acomp", "attr") and _in(t, self.feelings)
            if feeling and (is_reader_pronoun(claim_subject(t.head)) or _reader_possessed_subject(t.head)):
                return "certainty or fear"
            if t.pos_ == "VERB" and _in(t, self.multipliers) and _hypothetical(t):
                return "a promise dressed as a question"
            if t.pos_ == "VERB" and t.lemma_.lower() == "wish" and is_reader_pronoun(claim_subject(t)):
                return "a wish"
            if reader and t.pos_ == "VERB" and _in(t, self.loss) and (t.tag_ == "VBG" or t.dep_ == "xcomp"):
                return "fear of loss"
            if t.lower_ == "risk" and t.dep_ == "pobj" and t.head.lower_ == "at":
                return "fear of loss"
            if t.lower_ == "afford" and is_reader_pronoun(claim_subject(t)):
                return "fear of loss"
        return None

    @staticmethod
    def _degree_hundred(t: Token) -> bool:
        """ "100% confident", "100 percent accurate": a degree, not "100% of your shipments"."""
        if t.text not in ("100", "100%"):
            return False
        unit = t.head if t.text == "100" else t
        if t.text == "100" and t.head.lower_ not in ("%", "percent"):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in unit.children):
            return False
        return unit.dep_ in ("npadvmod", "advmod", "amod") or unit.head.pos_ in ("ADJ", "ADV")


_WH_OPEN = re.compile(
    r"^\W*(?:so,? |and |but )?(?:how|what(?! if)|which|where|when|why|who)\b", re.IGNORECASE
)


def _hypothetical(verb: Token) -> bool:
    """ "(would you) like to double", "want to triple", "could double": a wish or a
    possibility, not "Did you double headcount?"."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("like", "love", "want", "wish"):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("could", "can", "would", "might") for c in verb.children)


# Signals strong enough to overrule the shared classifier's "ask" or "genuine" ("Would you
# like to double your pipeline?" reads as an ask; "Are you leaving money on the table?" has no
# word from its fear list).
_LOADED_ANYWAY = frozenset({"one answer expected", "an absolute", "a promise dressed as a question"})


def _proof(t: Token) -> bool:
    """ "audit proof", "audit-proof", "future-proof"; not "a proof of concept"."""
    if t.lower_.endswith("-proof"):
        return True
    if t.lower_ != "proof" or t.i == 0 or any(c.dep_ in ("det", "prep") for c in t.children):
        return False
    before = t.doc[t.i - 1]
    before = t.doc[t.i - 2] if before.text in ("-", "‑") and t.i > 1 else before
    return before.pos_ in ("NOUN", "ADJ", "PROPN") and before.head.i == t.i


def _reader_possessed_subject(verb: Token) -> bool:
    subject = claim_subject(verb)
    return subject is not None and possessed_by_reader(subject)


@check("loaded-question")
def loaded_question(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Questions the shared classifier marks loaded (or asks with a promise in them: "Would
    you like to double your pipeline?") that also pass the structural test above."""
    detector = built_once(_Loaded, ctx.params_for(rule))
    for question in ctx.analysis.questions:
        if question.kind == "pleasantry":
            continue
        reason = detector.reason(question.sentence)
        if reason is None or (question.kind != "loaded" and reason not in _LOADED_ANYWAY):
            continue
        if question.kind != "loaded" and _WH_OPEN.match(span_text(question.sentence)):
            continue  # an open question ("How did you get 100% accurate returns?") is genuine
        start, end = sentence_span(question.sentence, keep_end_punct=True)
        yield ctx.finding(rule, start, end, detail=reason)
