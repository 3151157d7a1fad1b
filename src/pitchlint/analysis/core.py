"""Who does what in a draft, what kind of question each question is, and what it gives.

Agency is the class of each main clause's grammatical subject, from the dependency parse:
SELLER (I/we/our X/the sender's company or product), READER (you/your X/the recipient, or an
imperative addressed to them) or OTHER. Raw pronoun counts misrank the seed samples
(catalog tension T1), so rules that judge self-orientation use clauses, not pronouns.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pitchlint.analysis import exchange, followups
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.exchange import GENERIC_COLLATERAL_RE, OFFER_RE, Ask, Give
from pitchlint.analysis.facts import AgencyClass, Clause, QuestionClass
from pitchlint.analysis.grammar import SUBJECT_DEPS, own_subject
from pitchlint.analysis.hedges import has_evidence, hedge_tokens
from pitchlint.analysis.meeting_asks import meeting_asks
from pitchlint.analysis.seller import identify_seller
from pitchlint.analysis.spans import span_text
from pitchlint.draft import PROSE_ZONES, Draft
from pitchlint.errors import ParseRequired
from pitchlint.nlp import is_merge_tag


@dataclass(frozen=True)
class Question:
    sentence: Span
    kind: QuestionClass


_PLEASANTRY_RE = re.compile(
    r"^(?:\W*(?:hi|hey|hello|good day|good morning)\W+)?"
    r"(?:how (?:are|is|was|r|have|has)(?: you| u| things| they| your \w+| everything| life)"
    r"(?: been)?(?: doing| going| getting on| keeping| holding up)?(?: today| lately| this week)?"
    r"|how'?s (?:it going|everything|life|your \w+)|what'?s up|how do you do)\W*$",
    re.I,
)
_LOADED_START_RE = re.compile(
    r"^\W*(?:but |so |and )?(?:are|do|did|does|is|would|wouldn't|don't|aren't|isn't|have|has|"
    r"can|could|will|what if)\b",
    re.I,
)
# "..., isn't it?": the writer offers a view and hands the reader the last word
_TAG_QUESTION_RE = re.compile(
    r",\s*(?:isn'?t|isn’t|aren'?t|aren’t|doesn'?t|doesn’t|don'?t|don’t|wasn'?t|wasn’t|right|correct)"
    r"(?:\s+(?:it|that|they|you|there))?\W*$"
)
_WHAT_IF_RE = re.compile(r"\bwhat if i (?:told|showed|said)\b", re.I)
_GENUINE_IMPERATIVE_RE = re.compile(
    r"^\W*(?:please )?(?:tell me (?:about|how|what|whether|if)|walk me through|help me understand)",
    re.I,
)


class Analysis:
    """Lazily computed facts about one parsed draft. Rules share one instance per draft."""

    def __init__(self, draft: Draft, doc: Doc, seller_names: tuple[str, ...] = ()) -> None:
        self.draft = draft
        self.doc = doc
        # who the seller is: configured names, else what the From header and signature say
        self.seller = identify_seller(draft, seller_names)
        self.seller_names = self.seller.names
        recipient = draft.meta.recipient
        self.reader_names = tuple(n.lower() for n in (recipient.name, recipient.company) if n)
        self.measured: dict[str, float] = {}  # draft metrics by name (pitchlint.metrics.measure)

    # sentences -------------------------------------------------------------------------
    @functools.cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences of the subject line and the sender's prose (greeting excluded), in order."""
        return tuple(
            s
            for s in self.doc.sents
            if not all(t.is_space or t.is_punct for t in s)
            and self.draft.zone_at(_first_word(s).idx) in PROSE_ZONES
            and self.draft.zone_at(_first_word(s).idx) != "greeting"
        )

    @functools.cached_property
    def body_sentences(self) -> tuple[Span, ...]:
        return self.sentences_in(("body", "ps"))

    def sentences_in(self, zones: Iterable[str]) -> tuple[Span, ...]:
        """The sentences (as `sentences`) that start in one of the zones."""
        wanted = frozenset(zones)
        return tuple(s for s in self.sentences if self.draft.zone_at(_first_word(s).idx) in wanted)

    def sentence_index(self, token: Token) -> int | None:
        for i, sent in enumerate(self.body_sentences):
            if sent.start <= token.i < sent.end:
                return i
        return None

    # agency ----------------------------------------------------------------------------
    @functools.cached_property
    def clauses(self) -> tuple[Clause, ...]:
        """Main clauses (the root and verbs conjoined to it) of each body sentence, in order.
        "It"/"this" opening a sentence refers back: after "Our platform offers SSO.", "It also
        includes ..." is still the seller speaking."""
        if not self.doc.has_annotation("DEP"):
            raise ParseRequired("clauses are read from the dependency parse, and this draft has none")
        found: list[Clause] = []
        previous: AgencyClass = "other"
        for sent in self.body_sentences:
            question = is_question(sent)
            first_of_sentence = len(found)
            for verb in main_verbs(sent):
                clause = self._clause(verb, sent, question)
                subject = clause.subject
                if (
                    clause.agency == "other"
                    and previous == "seller"
                    and subject is not None
                    and subject.lower_ in ("it", "this")
                    and subject.i == _first_word(sent).i
                    and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)  # "It was great to ..."
                ):
                    clause = dataclasses.replace(clause, agency="seller")
                found.append(clause)
            previous = found[first_of_sentence].agency if len(found) > first_of_sentence else "other"
        return tuple(found)

    def _clause(self, verb: Token, sent: Span, question: bool) -> Clause:
        subject = own_subject(verb)
        inherited = subject is None and verb.dep_ == "conj"
        if inherited:
            head = verb.head
            subject = own_subject(head)
        imperative = subject is None and _is_imperative(verb)
        if imperative and _lets_me_talk(verb):
            agency: AgencyClass = "seller"  # "let me tell you why I'm the best"
        elif imperative:
            agency = "reader" if _mentions_reader(verb) else "other"
        elif subject is None:
            agency = "other"
        else:
            agency = self.agency_of(subject)
            if agency == "other" and subject.lower_ in ("it", "this", "they") and verb.dep_ == "conj":
                agency = self.agency_of_verb(verb.head)
        inclusive_we = subject is not None and subject.lower_ in ("we", "us")
        collaborative = (question and _mentions_reader(sent.root)) or _lets(verb)
        if agency == "seller" and inclusive_we and collaborative:
            agency = "other"  # inclusive "we": "how would you recommend we get this done?"
        offered = _offered(verb)
        service = (
            agency == "seller"
            and not _offers_own_collateral(offered)
            and (
                (offered.lemma_.lower() in lx.SERVICE_VERBS and (question or _mentions_reader(offered)))
                or offered.lemma_.lower() in lx.GIFT_VERBS
            )
        )
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and _root_of(verb).dep_ == "ROOT")
        return Clause(verb, subject, agency, imperative, service, main, sent)

    def agency_of_verb(self, verb: Token) -> AgencyClass:
        subject = own_subject(verb)
        return self.agency_of(subject) if subject is not None else "other"

    def agency_of(self, subject: Token) -> AgencyClass:
        """Classify a subject token (its whole noun phrase is considered)."""
        lower = subject.lower_
        if lower in lx.SELLER_PRONOUNS:
            return "seller"
        if lower in lx.READER_PRONOUNS:
            return "reader"
        if is_merge_tag(subject):
            # template libraries name the sender's own fields {{Your_Company}}, {{sender_name}}
            return "seller" if re.search(r"sender|my_|from_|your|rep_|owner", lower) else "reader"
        possessors = [c.lower_ for c in subject.children if c.dep_ == "poss"]
        if any(p in lx.SELLER_POSSESSIVES for p in possessors):
            return "seller"
        if any(p in lx.READER_POSSESSIVES for p in possessors):
            return "reader"
        phrase = " ".join(t.lower_ for t in subject.subtree if not t.is_punct)
        if any(name and name in phrase for name in self.seller_names):
            return "seller"
        if any(name and name in phrase for name in self.reader_names):
            return "reader"
        return "other"

    def clause_of(self, token: Token) -> Clause | None:
        """The innermost clause (of any depth) that contains `token`."""
        node = token
        verbs = self._clauses_by_verb
        while True:
            if node.i in verbs:
                return verbs[node.i]
            if node.head.i == node.i:
                return None
            node = node.head

    def clauses_in(self, sent: Span) -> tuple[Clause, ...]:
        """The main clauses of one body sentence (looked up, not searched: a long draft has
        thousands of sentences, and rules ask this of each)."""
        return self._main_by_sentence.get(sent.start, ())

    def all_clauses_in(self, sent: Span) -> tuple[Clause, ...]:
        """Every clause of one body sentence, main or subordinate."""
        return self._all_by_sentence.get(sent.start, ())

    @functools.cached_property
    def _main_by_sentence(self) -> dict[int, tuple[Clause, ...]]:
        return _by_sentence(self.clauses)

    @functools.cached_property
    def _all_by_sentence(self) -> dict[int, tuple[Clause, ...]]:
        return _by_sentence(self.all_clauses)

    @functools.cached_property
    def _clauses_by_verb(self) -> dict[int, Clause]:
        return {c.verb.i: c for c in self.all_clauses}

    @functools.cached_property
    def all_clauses(self) -> tuple[Clause, ...]:
        """Every clause with a verb, main or subordinate (for match-level agency filters)."""
        found: list[Clause] = []
        for sent in self.body_sentences:
            question = is_question(sent)
            for token in sent:
                if token.pos_ in ("VERB", "AUX") and (
                    any(c.dep_ in SUBJECT_DEPS for c in token.children) or token.dep_ in ("ROOT", "conj")
                ):
                    found.append(self._clause(token, sent, question))
        return tuple(found)

    def agency_at(self, token: Token) -> AgencyClass:
        """Agency of the clause around a token; a token inside "our X" is the seller's."""
        head = token if token.pos_ in ("NOUN", "PROPN", "PRON") else token.head
        for node in (head, head.head):
            if node.pos_ in ("NOUN", "PROPN") and self.agency_of(node) != "other":
                return self.agency_of(node)
        clause = self.clause_of(token)
        return clause.agency if clause else "other"

    @functools.cached_property
    def seller_focus_clauses(self) -> tuple[Clause, ...]:
        """Main clauses with the seller as subject, except offers of help to the reader,
        remarks about the thread itself ("I've reached out a few times") and observations of
        the reader ("I noticed your Q2 filing")."""
        return tuple(
            c
            for c in self.clauses
            if c.main
            and c.agency == "seller"
            and not c.service
            and c.verb.lemma_.lower() not in lx.CONTACT_VERBS
            and not _observes_reader(c.verb)
        )

    @functools.cached_property
    def reader_focus_clauses(self) -> tuple[Clause, ...]:
        """Main clauses about the reader, except asks, loaded questions and "like most" frames."""
        return tuple(
            c
            for c in self.clauses
            if c.main
            and c.agency == "reader"
            and self.question_kind(c.sentence) not in ("loaded", "ask")
            and not is_generic_frame(c.sentence)
        )

    @property
    def self_focus(self) -> dict[str, int]:
        return {
            "seller_clauses": len(self.seller_focus_clauses),
            "reader_clauses": len(self.reader_focus_clauses),
        }

    # questions -------------------------------------------------------------------------
    @functools.cached_property
    def questions(self) -> tuple[Question, ...]:
        return tuple(
            Question(s, self.question_kind(s))
            for s in self.body_sentences
            if is_question(s) or _GENUINE_IMPERATIVE_RE.match(s.text)
        )

    def question_kind(self, sent: Span) -> QuestionClass:
        if not is_question(sent) and not _GENUINE_IMPERATIVE_RE.match(span_text(sent)):
            return "other"
        return classify_question(_prose(sent))

    @functools.cached_property
    def genuine_questions(self) -> int:
        return sum(1 for q in self.questions if q.kind == "genuine")

    # asks, gives and hedges ------------------------------------------------------------
    @functools.cached_property
    def meeting_asks(self) -> tuple[tuple[Span, int, int], ...]:
        """Body sentences that ask for a call, a demo or minutes, with the ask's span."""
        return meeting_asks(self)

    @functools.cached_property
    def asks(self) -> tuple[Ask, ...]:
        """What the draft requests of the reader: time, a referral, a click, a purchase, a reply."""
        return exchange.find_asks(self)

    @functools.cached_property
    def gives(self) -> tuple[Give, ...]:
        """What the draft offers the reader: help, an answer, an introduction, a resource, a fact."""
        return exchange.find_gives(self)

    def gives_value(self, sent: Span) -> bool:
        return exchange.give_kind(self, sent) is not None

    # follow-ups ------------------------------------------------------------------------
    @functools.cached_property
    def bumps(self) -> tuple[followups.Bump, ...]:
        """Body sentences that only chase the earlier email ("just checking in", "any update?")."""
        return followups.find_bumps(self)

    @functools.cached_property
    def bump_only(self) -> bool:
        """A follow-up with nothing in it but bumps and filler."""
        return followups.bump_only(self, self.bumps)

    @functools.cached_property
    def hedges(self) -> dict[int, tuple[Token, ...]]:
        """Hedge words ("might", "often", "if") per body sentence, keyed by its first token index."""
        return {s.start: tuple(hedge_tokens(s)) for s in self.body_sentences if hedge_tokens(s)}

    def evidenced(self, sent: Span) -> bool:
        return has_evidence(sent)


_WILLING = frozenset({"happy", "glad", "delighted", "keen", "willing", "pleased"})


def _offered(verb: Token) -> Token:
    """ "I'd be happy to send you the checklist": the offer is "send", not "be"."""
    if verb.lemma_ != "be":
        return verb
    for adjective in (c for c in verb.children if c.dep_ == "acomp" and c.lower_ in _WILLING):
        for action in (c for c in adjective.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            return action
    return verb


def _observes_reader(verb: Token) -> bool:
    if verb.lemma_.lower() not in lx.OBSERVATION_VERBS:
        return False
    objects = [t for c in verb.children if c.dep_ in ("dobj", "ccomp", "prep") for t in c.subtree]
    return any(t.lower_ in ("you", "your") or is_merge_tag(t) for t in objects)


def is_question(sent: Span) -> bool:
    return "?" in span_text(sent).rstrip()[-3:]


def classify_question(text: str) -> QuestionClass:
    """genuine / loaded / ask / pleasantry / other, from the question's words."""
    clean = " ".join(text.split())
    if _PLEASANTRY_RE.match(clean):
        return "pleasantry"
    if exchange.question_ask_kind(clean) is not None:
        return "ask"
    lower = clean.lower()
    words = re.findall(r"[a-z0-9%'’-]+", lower)
    if _WHAT_IF_RE.search(clean):
        return "loaded"
    if (
        _LOADED_START_RE.match(clean)
        and " or " not in lower
        and (
            any(w.strip("’'") in lx.FEAR_OR_ABSOLUTE or w.endswith("-proof") for w in words)
            or " at risk" in lower  # "Do you have a risk committee?" is a fact question
        )
    ):
        return "loaded"
    if OFFER_RE.search(clean) or _GENUINE_IMPERATIVE_RE.match(clean):
        return "genuine"
    asked = re.split(r"[;:–—]\s*", lower)[-1]  # "None that I can think of; what else ...?"
    if len(words) >= 3 and (
        re.search(r"\b(?:you|your|yours|you're|you’re|y'all|folks)\b", lower)
        or re.match(r"^\W*(?:so,? |and |but )?(?:how|what|which|where|when|why|who)\b", asked)
        or _TAG_QUESTION_RE.search(lower)
    ):
        return "genuine"
    return "other"


def _first_word(sent: Span) -> Token:
    return next((t for t in sent if not t.is_space), sent[0])


def _prose(sent: Span) -> str:
    return "".join(t.text_with_ws for t in sent if not t.is_space).strip()


def main_verbs(sent: Span) -> list[Token]:
    """The root and the verbs conjoined to it ("I came across X and thought I'd reach out")."""
    root = sent.root
    verbs = [root]
    frontier = [root]
    while frontier:
        node = frontier.pop()
        for child in node.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                verbs.append(child)
                frontier.append(child)
    return sorted(verbs, key=lambda t: t.i)


def _root_of(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _is_imperative(verb: Token) -> bool:
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "conj"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in verb.children):
        return False
    return not any(c.dep_ == "mark" for c in verb.children)


def _mentions_reader(verb: Token) -> bool:
    return any(
        t.lower_ in lx.READER_PRONOUNS | lx.READER_POSSESSIVES
        or (is_merge_tag(t) and not re.search(r"sender|my_|from_|your|rep_|owner", t.lower_))
        for t in verb.subtree
    )


def _lets_me_talk(verb: Token) -> bool:
    """ "let me tell you all about it", "let us show you": the seller takes the floor. "Let me
    know" hands it to the reader."""
    if verb.lower_ != "let":
        return False
    speaker = any(c.lower_ in ("me", "us") and c.dep_ in ("nsubj", "dobj") for c in verb.subtree)
    talk = [t for t in verb.subtree if t.pos_ == "VERB" and t is not verb]
    return speaker and any(t.lemma_.lower() not in ("know", "hear") for t in talk)


def _offers_own_collateral(verb: Token) -> bool:
    """ "send you my photo", "share our deck", "walk you through our roadmap": the object is
    the seller's own, not a gift."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objects += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(
        any(p.lower_ in lx.SELLER_POSSESSIVES for p in o.children if p.dep_ == "poss")
        or GENERIC_COLLATERAL_RE.search(" ".join(t.text for t in o.subtree))
        for o in objects
    )


def _lets(verb: Token) -> bool:
    return verb.lower_ in ("let", "'s") or any(c.lower_ in ("'s", "’s") for c in verb.children)


def is_generic_frame(sent: Span) -> bool:
    """ "If you're like most companies": a frame that lumps the reader in with everyone."""
    return bool(re.search(r"\b(?:like|as) (?:most|many|all|every)\b", span_text(sent), re.I))


def _by_sentence(clauses: tuple[Clause, ...]) -> dict[int, tuple[Clause, ...]]:
    grouped: dict[int, list[Clause]] = {}
    for clause in clauses:
        grouped.setdefault(clause.sentence.start, []).append(clause)
    return {start: tuple(found) for start, found in grouped.items()}
