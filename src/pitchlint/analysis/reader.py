"""Facts about the reader that rules of several families judge (personalization, value,
follow-up): is the email written to this reader, about their problem, for their segment?

Four rules share one reading of the parse. A *reader reference* is "you"/"your", a merge tag
that stands for the recipient's data ({{company}}, not {{first_name}} or {{sender_name}}), or
the recipient's company from the front matter. The rules then ask different questions:

- no-customer-problem: is any reader reference tied to a problem, goal or situation?
- no-personalization: is there one fact about this reader beyond the greeting name?
- claims-contradicted-by-email: does an impersonal or botched email sell personalisation?
- audience-mismatch: do the email's audience words contradict the recipient metadata?

Word lists live in each rule's YAML `params`; the structure (who owns a noun, who is the
subject, whether a clause is a claim or a fact) comes from the dependency parse.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_question
from pitchlint.analysis.grammar import SUBJECT_DEPS
from pitchlint.analysis.spans import doc_text, span_text, trim
from pitchlint.mergetags import PLACEHOLDER_RE
from pitchlint.nlp import entity_at, entity_type, is_merge_tag
from pitchlint.params import word_set as _lex
from pitchlint.rules.params import RuleParams

_READER_WORDS = lx.READER_PRONOUNS | lx.READER_POSSESSIVES | {"yourself", "yourselves"}
# the sender's own fields and calendar/footer tags stand for the seller, not the reader
_SENDER_TAG_RE = re.compile(r"sender|my_|from_|your|rep_|owner|signature|calendar|unsubscribe|meeting", re.I)
_ABOUT_THEM_RE = re.compile(r"\b(?:their|theirs|them|they)\b", re.I)
_NAME_TAG_RE = re.compile(
    r"^(?:contact[._]?|recipient[._]?|lead[._]?|prospect[._]?)?"
    r"(?:first[ _-]?name|firstname|fname|first|last[ _-]?name|lastname|lname|last|"
    r"full[ _-]?name|fullname|name|greeting|salutation|nickname)$",
    re.I,
)
# modals that turn a reader clause into a promise ("you'll double your pipeline")
_PROMISE_MODALS = frozenset(
    {"will", "'ll", "’ll", "wo", "would", "'d", "’d", "can", "ca", "could", "shall", "should"}
)
# entity labels that make a statement specific (a name, a place, a date, a number)
_SPECIFIC_ENTS = frozenset(
    {
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "EVENT",
        "PRODUCT",
        "DATE",
        "CARDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "ORDINAL",
        "NORP",
        "LAW",
        "WORK_OF_ART",
    }
)
# observation verbs that only observe with one of these particles ("looked at", "came across")
_PARTICLES = {
    "look": ("at", "through", "into", "over"),
    "come": ("across", "upon"),
    "stumble": ("across", "upon", "on"),
    "check": ("out",),
}
_CAUSATIVES = frozenset({"help", "allow", "enable", "let", "make", "empower", "get"})
_CONGRATS_RE = re.compile(r"^\W*(?:congrats|congratulations|kudos)\b", re.I)
_THANKS_RE = re.compile(r"^\W*(?:thanks|thank you) (?:again )?for\b", re.I)
_DESIRE_VERBS = frozenset({"want", "need", "look", "seek", "wish", "like"})
_WISHING = frozenset({"hope", "trust", "wish", "pray"})
_GENERIC_FRAME_RE = re.compile(r"\b(?:like|as) (?:most|many|all|every|other)\b", re.I)
_HANDLE_RE = re.compile(r"@[A-Za-z][\w-]{1,38}")
# "We met at the TC DC meetup", "talked briefly at PyCon": shared history with a name or date
_MEETING_VERBS = frozenset({"meet", "talk", "speak", "chat"})
# "to talk about Lumen", "to write about your parser": the reader's work named as the topic
_TOPIC_VERBS = frozenset({"talk", "write", "cover", "feature", "discuss", "interview", "chat", "present"})


def _split(words: str) -> list[str]:
    return words.split()


def _is(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


# reader references ---------------------------------------------------------------------------
def tag_field(text: str) -> str:
    """The field name inside a merge tag: "{{ contact.first_name }}" -> "first_name"."""
    inner = re.sub(r"[{}\[\]%*|#]", " ", text).strip()
    return inner.split(".")[-1].strip().lower() if inner else ""


def is_reader_tag(token: Token) -> bool:
    """A merge tag for the recipient's own data, not a name, a sender field or spintax."""
    if not is_merge_tag(token) or "|" in token.text.strip("*|") or token.text.startswith("{%"):
        return False
    if PLACEHOLDER_RE.fullmatch(token.text):
        # a writer placeholder stands for a fact about the reader when it says so ("{a recent
        # launch of theirs}"), not for "{the problem you solve}"
        return bool(_ABOUT_THEM_RE.search(token.text))
    field = tag_field(token.text)
    return bool(field) and not _SENDER_TAG_RE.search(field)


def is_name_tag(token: Token) -> bool:
    return is_merge_tag(token) and bool(_NAME_TAG_RE.match(tag_field(token.text)))


@dataclass(frozen=True)
class Reader:
    """Where the recipient is mentioned in one draft (token indices)."""

    company_tokens: frozenset[int]

    @classmethod
    def of(cls, analysis: Analysis) -> Reader:
        company = analysis.draft.meta.recipient.company
        found: set[int] = set()
        if company and len(company.strip()) >= 2:
            pattern = re.compile(r"(?<!\w)" + re.escape(company.strip()) + r"(?!\w)", re.I)
            doc = analysis.doc
            for match in pattern.finditer(doc_text(doc)):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is not None:
                    found.update(t.i for t in span)
        return cls(frozenset(found))

    def ref(self, token: Token) -> bool:
        """ "you", "your", a recipient merge tag ({{company}}), or the recipient's company."""
        if token.lower_ in _READER_WORDS:
            return True
        if is_merge_tag(token):
            return is_reader_tag(token) and not is_name_tag(token)
        return token.i in self.company_tokens

    def possessed(self, token: Token, depth: int = 0) -> bool:
        """ "your goals", "your team's goals", "{{company}}'s roadmap", "Kestrel's plan"."""
        if depth > 3:
            return False
        for child in token.children:
            if child.dep_ in ("poss", "compound") and (self.ref(child) or self.possessed(child, depth + 1)):
                return True
        return False

    def subject_of(self, verb: Token) -> Token | None:
        node = verb
        for _ in range(3):
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                # "Quick one: does your team still ...?" parses with two subjects
                return next((c for c in subjects if self.ref(c) or self.possessed(c)), subjects[0])
            if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
                return None
            node = node.head
        return None

    def is_subject(self, verb: Token) -> bool:
        """The clause's subject is the reader: "you", "your team", "{{company}}"."""
        subject = self.subject_of(verb)
        if subject is None:
            return False
        if subject.i > 0 and subject.doc[subject.i - 1].lower_ in ("like", "as"):
            return False  # "businesses like yours grow" (a misparse of a segment)
        # "your team", not "companies like yours" or "the article for your website"
        return self.ref(subject) or self.possessed(subject)


def _promise(token: Token) -> bool:
    """ "you'll save", "you could cut", "we can make sure your messages hit your targets", "we
    help you grow": a modal or a causative above the clause makes it the seller's promise."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in _PROMISE_MODALS for c in node.children
        ):
            return True
        if node is not token and node.lemma_.lower() in _CAUSATIVES and node.pos_ == "VERB":
            return True
        if node.head.i == node.i or node.dep_ == "advcl":
            return False  # "If your team is chasing the deadline, we can help": a condition
        node = node.head
    return False


def _conditional(token: Token) -> bool:
    """Inside an "if"/"unless"/"whether" clause, at any depth."""
    node = token
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _finite(verb: Token) -> bool:
    """ "Your message emailed to millions" is a fragment, not a report of what they did."""
    if verb.tag_ == "VBN":
        return any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return True


def _clause_verb(token: Token) -> Token | None:
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


# personalization signals ---------------------------------------------------------------------
class SpecificsParams(RuleParams):
    """The word lists of what counts as a fact about the reader: a rule that judges them may
    take a config override of each (default: SPECIFICS_DEFAULTS below)."""

    generic_nouns: list[str] | None = None
    platforms: list[str] | None = None
    observation_verbs: list[str] | None = None
    veneer_heads: list[str] | None = None
    claim_verbs: list[str] | None = None


# Defaults for the lists no-personalization reads from its YAML `params`; the two rules that
# reuse its evidence (no-customer-problem, claims-contradicted-by-email) take these unless
# their own params override them.
SPECIFICS_DEFAULTS: dict[str, list[str]] = {
    # "your X" that every company has: not evidence of research
    "generic_nouns": _split("""
        team business company organization organisation firm day time week inbox website site
        profile page email role work needs industry info information details account brand
        customers clients people staff employees department office process processes goals bottom
        line revenue sales growth success experience attention thoughts feedback opinion input view
        take calendar schedule availability reply response answer question questions interest name
        number address contact space market product products service services help support
        consideration cooperation domain listing listings ad ads advertisement advertising country
        city area blog blogs content background effort efforts stuff articles posts readers
        audience visitors traffic competitor competitors competition peers rivals"""),
    # where mass senders "found" the reader: naming them is not a fact about the reader
    "platforms": _split("""
        linkedin google facebook twitter instagram youtube tiktok crunchbase g2 capterra clutch
        upwork fiverr yelp internet web online"""),
    # "Saw that ...", "I read your post on ...", "Loved your talk on ..."
    "observation_verbs": _split("""
        see saw notice read hear spot catch watch learn come stumble congratulate congrats follow
        listen look check review browse study enjoy love like admire"""),
    # "companies like {{company}}": a segment with the reader pasted in as an example
    "veneer_heads": _split("""
        company companies team teams brand brands business businesses organization organizations
        firm firms leader leaders people folks"""),
    # "you get 5 free credits": benefit verbs with the reader as subject are claims
    "claim_verbs": _split("get receive save earn gain enjoy win double triple"),
}


# a merge tag or the recipient's company named from front matter is a slot, not research done
TEMPLATE_EVIDENCE = ("merge tag", "the recipient's company")


class Specifics:
    """Facts about this reader: the evidence no-personalization looks for."""

    def __init__(
        self, analysis: Analysis, params: dict[str, Any], excluded: Iterable[tuple[int, int]] = ()
    ) -> None:
        params = {**SPECIFICS_DEFAULTS, **params}
        self.analysis = analysis
        self.excluded = tuple(excluded)
        self.reader = Reader.of(analysis)
        self.generic_nouns = _lex(params, "generic_nouns")
        self.platforms = _lex(params, "platforms")
        self.observation_verbs = _lex(params, "observation_verbs")
        self.veneer_heads = _lex(params, "veneer_heads")
        self.claim_verbs = _lex(params, "claim_verbs")

    def specific(self, token: Token) -> bool:
        """A name, place, date or number that is not the seller's and not a social platform:
        also a project named in code quotes (`keyring`) or a handle (@bitwalker), the way
        people name open-source work."""
        if is_merge_tag(token) or token.is_punct or token.is_space or token.like_url or token.like_email:
            return False
        if _code_quoted(token) or _HANDLE_RE.fullmatch(token.text):
            return True
        if token.dep_ == "meta" or (token.is_upper and token.is_alpha and len(token) > 3):
            return False  # a list number "2.", or SHOUTING
        lower = token.lower_
        if lower in self.platforms or any(lower in name.split() for name in self.analysis.seller_names):
            return False
        label = entity_type(token) if _may_be_entity(token) else ""
        if label in ("DATE", "TIME"):
            return _dated(token)
        if label in _SPECIFIC_ENTS:
            return True
        return token.like_num or bool(re.search(r"\d", token.text))

    def _veneer(self, token: Token) -> bool:
        """ "companies like {{company}}": the reader named as an example of a segment."""
        doc = token.doc
        before = [t.lower_ for t in doc[max(0, token.i - 3) : token.i]]
        if before[-1:] == ["like"] or before[-2:] == ["such", "as"] or before[-1:] == ["including"]:
            return True
        head = doc[token.i - 2] if token.i >= 2 else None
        return head is not None and before[-1:] in (["like"], ["as"]) and _is(head, self.veneer_heads)

    def signals(self) -> Iterator[tuple[Span, str]]:
        """Each sentence (subject line included) with evidence, and what the evidence is."""
        analysis = self.analysis
        for sent in analysis.sentences:
            if _overlaps(sent, self.excluded):
                continue  # a personal-life fact is creepy, not personalisation (catalog T4)
            reason = self._sentence_signal(sent)
            if reason:
                yield sent, reason

    @functools.cached_property
    def found(self) -> list[tuple[Span, str]]:
        return list(self.signals())

    def _sentence_signal(self, sent: Span) -> str | None:
        for token in sent:
            if is_merge_tag(token) and is_reader_tag(token) and not is_name_tag(token):
                if not self._veneer(token):
                    return f"merge tag {token.text}"
            elif (
                token.i in self.reader.company_tokens
                and token.i - 1 not in self.reader.company_tokens
                and not self._veneer(token)
            ):
                return "the recipient's company"
        for token in sent:
            if (
                token.pos_ in ("NOUN", "PROPN")
                and self.reader.possessed(token)
                and self._specific_phrase(token)
            ):
                return "a specific thing of theirs"
        if _CONGRATS_RE.match(span_text(sent)) and self._congrats(sent):
            return "congratulations on their news"
        if _THANKS_RE.match(span_text(sent)) and any(self.specific(t) for t in sent):
            return "thanks for something they did"  # "Thanks for speaking at the Denver meetup"
        for token in sent:
            if token.pos_ == "VERB" and self._shared_history(token):
                return "a meeting they will remember"
            if token.pos_ == "VERB" and self._named_topic(token):
                return "their work by name"
        if is_question(sent):
            return "their specific situation" if self._presupposes(sent) else None
        for token in sent:
            if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
                continue
            if self._observation(token) or self._reader_fact(token):
                return "an observation about them"
        return None

    def _shared_history(self, verb: Token) -> bool:
        """ "I met you last summer at the Denver meetup", "We talked briefly at PyCon": the
        sender and the reader met, with a name, a place or a date to show it. A vague claim
        ("we met at a recent event") is fake-familiarity's business, not a fact."""
        if not _is(verb, _MEETING_VERBS) or verb.tag_ not in ("VBD", "VBN"):
            return False
        subject = self.reader.subject_of(verb)
        if subject is None or subject.lower_ not in ("i", "we"):
            return False
        # "we talked", "I met you": the reader was there; "I have spoken at conferences" is a credential
        together = subject.lower_ == "we" or any(self.reader.ref(t) for t in verb.subtree if t.i > verb.i)
        return together and any(self.specific(t) for t in verb.subtree if t.i > verb.i and t.dep_ != "conj")

    def _named_topic(self, verb: Token) -> bool:
        """ "We'd love to host you on our show to talk about Lumen", "I'd like to nominate
        `keyring`": the reader's own work named (a name or code name in its object), in a
        sentence that addresses them."""
        if not (_is(verb, _TOPIC_VERBS) or verb.lemma_.lower() == "nominate"):
            return False
        if not any(self.reader.ref(t) for t in verb.sent) and verb.lemma_.lower() != "nominate":
            return False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [
            o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("about", "on") for o in c.children
        ]
        return any(
            (self.specific(t) or self._proper_name(t)) and not _seller_owned(t, self.analysis)
            for o in objects
            for t in o.subtree
        )

    def _proper_name(self, token: Token) -> bool:
        """A proper noun the entity recogniser did not label ("talk about Larkspur"), that is
        not a platform, a merge tag or one of the seller's names."""
        if token.pos_ != "PROPN" or is_merge_tag(token) or token.lower_ in self.platforms:
            return False
        return not any(token.lower_ in name.split() for name in self.analysis.seller_names)

    def _congrats(self, sent: Span) -> bool:
        """ "Congrats on the Series B" (a name), not "Congrats on the move" or "on your new role"."""
        after = [t for t in sent if t.i > sent.start and t.lower_ in ("on", "to")]
        if not after:
            return False
        tokens = [t for t in sent if t.i > after[0].i]
        named = any(t.pos_ == "PROPN" and t.lower_ not in self.platforms for t in tokens)
        theirs = any(t.pos_ == "NOUN" and self.reader.possessed(t) and self._particular(t) for t in tokens)
        return named or theirs or any(self.specific(t) for t in tokens)

    def _presupposes(self, sent: Span) -> bool:
        """A question that presupposes a fact about them: "how are you handling sales tax for the
        new Texas warehouse?" (a named thing of theirs, with "the" or "your"). A question that
        only names a category ("Are you looking for SEO services in New York?") shows nothing."""
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and self.reader.is_subject(t)]
        if not verbs or any(_is(v, _DESIRE_VERBS) for v in verbs):
            return False
        for token in sent:
            if token.pos_ not in ("NOUN", "PROPN") or not self._particular(token):
                continue
            determined = any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "your") for c in token.children
            )
            if determined and any(self.specific(t) for t in token.lefts):
                return True
        return False

    def _specific_phrase(self, noun: Token) -> bool:
        """ "your Q3 filing", "your Reno warehouse", "your post about the Ohio rule"."""
        if noun.lower_ in self.platforms or _conditional(noun) or _promise(noun):
            return False
        modifiers = [t for t in noun.lefts if t.lower_ not in _READER_WORDS]
        modifiers = [t for m in modifiers for t in m.subtree if t.i < noun.i]
        if any(t.lower_ in self.platforms for t in modifiers):
            return False
        return any(self.specific(t) for t in modifiers)

    def _observation(self, verb: Token) -> bool:
        """ "Saw that Tidewater opened a warehouse in Reno", "I read your post on nexus", "I saw
        that your team added a self-serve billing flow". Not "Love to hear your thoughts"
        (a base form: a wish, not something the sender saw) and not "I'd love to see"."""
        if not _is(verb, self.observation_verbs) or verb.tag_ == "VB" or _promise(verb):
            return False
        subject = self.reader.subject_of(verb)
        if subject is not None and subject.lower_ not in lx.SELLER_PRONOUNS:
            return False
        if subject is None and verb.tag_ not in ("VBD", "VBN"):
            return False  # "See our data policies": an imperative, not something they saw
        particle = _PARTICLES.get(verb.lemma_.lower())
        if particle and not any(c.lower_ in particle for c in verb.children):
            return False  # "look forward to", "come back"
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return False  # "I am following up on my email": the thread, not the reader
        tokens = [t for t in verb.subtree if t.i > verb.i]
        nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and self.reader.possessed(t)]
        if any(self._particular(n) for n in nouns):
            return True
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl", "conj")):
            negated = any(c.dep_ == "neg" for c in clause.children)  # "noticed you're not listed"
            if (
                clause.pos_ in ("VERB", "AUX")
                and self.reader.is_subject(clause)
                and not _promise(clause)
                and not negated
            ):
                objects = [t for t in clause.subtree if t.dep_ in ("dobj", "pobj", "attr")]
                if any(t.pos_ in ("NOUN", "PROPN") and self._particular(t) for t in objects):
                    return True
        return any(self.specific(t) and not _seller_owned(t, self.analysis) for t in tokens)

    def _particular(self, noun: Token) -> bool:
        return noun.lemma_.lower() not in self.generic_nouns and noun.lower_ not in self.generic_nouns

    def _reader_fact(self, verb: Token) -> bool:
        """ "Your careers page lists nine open roles in Lisbon": the reader is the subject, the
        verb states a fact (no modal, no "if") and the clause names something specific."""
        if not self.reader.is_subject(verb) or _promise(verb) or _conditional(verb) or not _finite(verb):
            return False
        if _GENERIC_FRAME_RE.search(span_text(verb.sent)) or _is(verb, self.claim_verbs):
            return False
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _WISHING:
            return False  # "I hope you're doing well": a pleasantry, not a fact
        subject = self.reader.subject_of(verb)
        if subject is not None and subject.lower_ in lx.READER_PRONOUNS:
            # "you spend" states a presumption; "you opened", "you're hiring" report news
            tense_ok = verb.tag_ in ("VBD", "VBN") or (verb.tag_ == "VBG" and not _promise(verb))
            if not tense_ok:
                return False
        if subject is not None and subject.lower_ not in _READER_WORDS and self._particular(subject):
            return True  # "Your team's job post mentions multi-state filings"
        clause = [t for t in verb.subtree if subject is None or t.i not in _subtree_ids(subject)]
        return any(self.specific(t) for t in clause)


# words the recognizer labels as a date, a figure or an ordinal with no digit or capital
_ENTITY_WORD_RE = re.compile(
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter"
    r"|last|past|previous|weeks?|months?|years?|quarters?"
    r"|first|second|third|(?:four|fif|six|seven|eigh|nin|ten)th|half|dozens?|(?:hundred|thousand|million|billion)s"
)


def _may_be_entity(token: Token) -> bool:
    """Whether the recognizer could give the token a label `specific` counts: a name (a
    capital that is not just a sentence's first letter), a figure or a date word. Asking
    only about these keeps the recognizer off most sentences."""
    if token.like_num or token.pos_ in ("PROPN", "NUM") or _ENTITY_WORD_RE.fullmatch(token.lower_):
        return True
    return token.text[:1].isupper() and not token.is_sent_start and token.text != "I"


_DATED_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\bq[1-4]\b|quarter"
    r"|\b(?:spring|summer|fall|autumn|winter)\b|\b(?:last|past|previous) (?:week|month|year)\b",
    re.I,
)


def _dated(token: Token) -> bool:
    """ "last month", "in March", "Q3": a date. "this week", "today", "your week": small talk."""
    entity = entity_at(token)
    return bool(_DATED_RE.search(entity.text if entity is not None else token.text))


def _code_quoted(token: Token) -> bool:
    """A name in code quotes (`keyring`), as open-source projects are named."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc) or not token.is_alpha:
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    return before.text == "`" and not before.whitespace_ and after.text == "`" and not token.whitespace_


def _seller_owned(token: Token, analysis: Analysis) -> bool:
    """ "our podcast", "my book": the seller's own thing, not the reader's."""
    node = token
    for _ in range(3):
        if any(c.dep_ == "poss" and c.lower_ in lx.SELLER_POSSESSIVES for c in node.children):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return analysis.agency_of(token) == "seller"


def _overlaps(sent: Span, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < sent.end_char and sent.start_char < end for start, end in spans)


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _anchor(analysis: Analysis) -> Span | None:
    return trim(analysis.body_sentences[0]) if analysis.body_sentences else None
