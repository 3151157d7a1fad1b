"""`no-customer-problem` (rules/value/no-customer-problem.yaml): Flags a first email that never
mentions a problem, goal or situation of the reader's: it only says what the seller is, has or
wants."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_question
from pitchlint.analysis.reader import (
    _CAUSATIVES,
    _PROMISE_MODALS,
    Reader,
    Specifics,
    _anchor,
    _clause_verb,
    _conditional,
    _finite,
    _is,
    _overlaps,
    _promise,
)
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.checks._shared.reader_facts import CREEPY_RULE, spans_of
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of no-customer-problem.yaml, checked: a key not here is an error."""

    problem_nouns: list[str]
    owning_verbs: list[str]
    small_talk_nouns: list[str]
    problem_adjectives: list[str]
    goal_verbs: list[str]
    desire_verbs: list[str]
    cost_verbs: list[str]
    cost_nouns: list[str]
    ask_words: list[str]


# the imperative that works as a question (seed 000: "Tell me about your job.") and the offer
# of help (seed 003: "Is there anything I can do to pitch in and help?")
_GENUINE_IMPERATIVE_RE = re.compile(
    r"^\W*(?:please )?(?:tell me (?:about|how|what|whether|if)|walk me through|help me understand)", re.I
)
_OFFER_RE = re.compile(r"\b(?:anything|something) (?:i|we) can do\b|\bcan i help\b", re.I)
_WH_WORDS = frozenset({"how", "what", "which", "where", "when", "why", "who", "whom", "whose"})
# a question that opens like this is a question even when the parser finds no subject
_QUESTION_STARTS = _WH_WORDS | {"are", "is", "was", "were", "do", "does", "did", "have", "has", "had"}
_QUESTION_STARTS |= {"can", "could", "would", "will", "should", "shall", "may", "might"}
# "If that sounds familiar": a problem stated about peers, handed to the reader
_FAMILIAR_RE = re.compile(
    r"\b(?:sounds? familiar|rings? a bell|(?:true|the case|same) for (?:you|your)|if (?:that's|that is) you"
    r"|you too\b|on your radar)",
    re.I,
)
# a subject that stands for the reader's peers: "teams your size", "companies like yours"
_PEER_RE = re.compile(r"\byour size\b|\blike (?:yours|you)\b", re.I)
_KNOWING = frozenset(
    {"know", "see", "hear", "notice", "understand", "gather", "imagine", "guess", "suspect", "bet"}
)
_LINK_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|io|co|net|org|ai)\b|\blink\b", re.I)


# no-customer-problem ------------------------------------------------------------------------
class Problems:
    """Sentences where the reader owns a problem, goal or situation."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.reader = Reader.of(analysis)
        self.nouns = _lex(params, "problem_nouns")
        self.adjectives = _lex(params, "problem_adjectives")
        self.goal_verbs = _lex(params, "goal_verbs")
        self.desire_verbs = _lex(params, "desire_verbs")
        self.cost_verbs = _lex(params, "cost_verbs")
        self.cost_nouns = _lex(params, "cost_nouns")
        self.ask_words = _lex(params, "ask_words")
        self.owning_verbs = _lex(params, "owning_verbs")
        self.small_talk = _lex(params, "small_talk_nouns")
        self.peers_count = False

    def evidence(self, sent: Span, handed_over: bool = False) -> str | None:
        """Why `sent` is about a problem, goal or situation of the reader's (None if it is not).
        `handed_over`: the email says "sound familiar?", so peers' problems count as theirs."""
        if is_question(sent) or _GENUINE_IMPERATIVE_RE.match(span_text(sent)):
            return "a question about them" if self._asks_about_them(_question_part(sent)) else None
        self.peers_count = handed_over
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN") and _is(token, self.nouns) and self._noun_is_theirs(token):
                return f"their {token.lower_}"
            if token.pos_ == "ADJ" and _is(token, self.adjectives) and self._adjective_is_theirs(token):
                return f"{token.lower_} for them"
            if token.pos_ in ("VERB", "AUX") and self._goal_clause(token):
                return f"they {token.lemma_.lower()}"
        return None

    def _theirs(self, verb: Token | None) -> bool:
        """The clause is about the reader, or about their peers when the email hands the
        peers' problem to them ("Teams your size lose two days a close", "Sound familiar?")."""
        if verb is None:
            return False
        if self.reader.is_subject(verb):
            return True
        subject = self.reader.subject_of(verb)
        if subject is None:
            return self.peers_count  # the small model often drops the subject of such clauses
        if subject.lower_ in lx.SELLER_PRONOUNS:
            return False
        peer_text = " ".join(t.lower_ for t in subject.subtree)
        return bool(_PEER_RE.search(peer_text)) or (self.peers_count and subject.pos_ in ("NOUN", "PROPN"))

    def _asks_about_them(self, sent: Span) -> bool:
        """A genuine question about their situation. Not a request ("Can you take a look?", "Will
        you check this out?"), not about the seller ("Can I tell you more?", "Do you want me to
        send a report?"), not about the pitch ("What do you think?", "Is this on your radar?"),
        not small talk ("how's your Tuesday going?") and not an elliptical hook ("Want the most
        bang for your buck?")."""
        if self.analysis.question_kind(sent) != "genuine":
            return False
        text = span_text(sent).strip()
        if _GENUINE_IMPERATIVE_RE.match(text) or _OFFER_RE.search(text):
            return True
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if len(words) < 4 or not any(self.reader.ref(t) for t in words):
            return False  # "Do you agree?", "What's their hook?"
        root = sent.root
        subject = self.reader.subject_of(root) or next((c for c in root.children if c.dep_ == "expl"), None)
        if subject is None and words[0].lower_ not in _QUESTION_STARTS:
            return False  # an elliptical hook: "Want the most bang for your buck?"
        nouns = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and self.reader.possessed(t)]
        said = subject.lower_ if subject is not None else ""
        if said in lx.SELLER_PRONOUNS or (said in ("this", "that", "it") and not nouns):
            return False  # "Can I tell you more?", "Does this sound interesting?"
        wh = (bool(words) and words[0].lower_ in _WH_WORDS) or any(
            t.lower_ in _WH_WORDS and t.i < root.i for t in words[:3]
        )
        modal = any(c.dep_ == "aux" and c.lower_ in _PROMISE_MODALS for c in root.children)
        if said in lx.READER_PRONOUNS and modal and not wh:
            return False  # "Can you review the attached numbers for us?"
        lemma = root.lemma_.lower()
        if lemma in ("want", "like", "need") and any(t.lower_ in ("me", "us") and t.i > root.i for t in sent):
            return False  # "Shall I send you the full breakdown?"
        if lemma == "think" and not any(
            c.dep_ in ("prep", "dobj") and c.lower_ != "what" for c in root.children
        ):
            return False  # "So, what do you think?"
        return not (nouns and all(_is(n, self.small_talk) for n in nouns))  # "how's your Tuesday?"

    def _noun_is_theirs(self, noun: Token) -> bool:
        """ "your priorities", "the deadline you face", "challenges for your team"; not "our plan"
        and not inside the seller's promise ("we'll help you hit your targets")."""
        if any(c.dep_ == "poss" and c.lower_ in lx.SELLER_POSSESSIVES for c in noun.children):
            return False
        if _promise(noun):
            return False
        if self.reader.possessed(noun):
            return True
        for prep in (c for c in noun.children if c.dep_ in ("prep", "acl")):
            if any(self.reader.ref(t) for t in prep.subtree):
                return True
        verb = _clause_verb(noun)
        return (
            verb is not None
            and _is(verb, self.owning_verbs)
            and self._theirs(verb)
            and noun.dep_ in ("dobj", "pobj", "attr")
            and not _promise(verb)
        )

    def _adjective_is_theirs(self, adj: Token) -> bool:
        """ "times might be tough for you", "your close is slow", "a tough quarter for your team"."""
        for prep in (c for c in adj.children if c.dep_ == "prep"):
            if any(self.reader.ref(t) for t in prep.subtree):
                return True
        if adj.dep_ == "amod":
            return self.reader.possessed(adj.head)
        if adj.dep_ in ("acomp", "attr", "ROOT", "ccomp"):
            verb = adj.head if adj.dep_ != "ROOT" else adj
            return self._theirs(verb) and not _promise(verb)
        return False

    def _goal_clause(self, verb: Token) -> bool:
        """ "you're trying to hit the Q3 date", "your team wants to cut close time", "you spend
        tons of time tracking rates". Not promises ("you'll save"), not imperatives, and not
        wanting the seller ("If You want to date me", "if you want to learn more")."""
        lemma = verb.lemma_.lower()
        if lemma not in self.goal_verbs | self.desire_verbs | self.cost_verbs:
            return False
        if not self._theirs(verb) or _promise(verb) or not _finite(verb):
            return False
        if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in _CAUSATIVES:
            return False  # "we help you increase traffic": the seller's promise
        subtree = [t for t in verb.subtree if t.i > verb.i]
        if any(
            t.lower_ in lx.SELLER_PRONOUNS | lx.SELLER_POSSESSIVES or _is(t, self.ask_words) for t in subtree
        ):
            return False
        if lemma in self.desire_verbs and (_conditional(verb) or not self._own_desire(verb)):
            return False
        if lemma in self.cost_verbs:
            return any(_is(t, self.cost_nouns) for t in subtree)
        return True

    @staticmethod
    def _own_desire(verb: Token) -> bool:
        """ "Your team wants to cut close time", "I hear you're looking to expand"; not "everything
        you need" inside the seller's claim."""
        if verb.dep_ in ("ROOT", "conj"):
            return True
        return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _KNOWING


def _question_part(sent: Span) -> Span:
    """ "I run a freight-audit shop and had one question: how do you decide ...?" -> the part
    after the last colon, which is the question."""
    colons = [t for t in sent if t.text in (":", "—", "–") and t.i < sent.end - 2]
    if not colons:
        return sent
    return sent.doc[colons[-1].i + 1 : sent.end]


def _pitches(analysis: Analysis) -> bool:
    """The email sells or asks something (a short friendly note with neither needs no problem)."""
    if analysis.seller_focus_clauses:
        return True
    if any(c.imperative for c in analysis.clauses):
        return True
    if any(q.kind == "ask" for q in analysis.questions):
        return True
    return any(_LINK_RE.search(s.text) for s in analysis.body_sentences)


@check("no-customer-problem")
def no_customer_problem(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Fire once when no sentence ties the reader to a problem, goal or situation."""
    analysis = ctx.analysis
    if analysis.draft.meta.is_reply or not analysis.body_sentences or not _pitches(analysis):
        return
    if any(g.kind in ("invitation", "reward") for g in analysis.gives):
        return  # a seat on their stage, a fee, a free month: what is in it for them is the offer
    params = ctx.params_for(rule)
    creepy = spans_of(ctx, CREEPY_RULE)
    problems = Problems(analysis, params)
    handed_over = any(_FAMILIAR_RE.search(s.text) for s in analysis.body_sentences)
    if any(problems.evidence(s, handed_over) for s in analysis.sentences if not _overlaps(s, creepy)):
        return
    # a specific observation about their business is their situation
    if Specifics(analysis, params, creepy).found:
        return
    anchor = _anchor(analysis)
    if anchor is not None:
        yield ctx.finding(rule, anchor.start_char, anchor.end_char)
