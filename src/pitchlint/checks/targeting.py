"""Targeting: is the email written to this reader, about their problem, for their segment?

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
from pitchlint.analysis.spans import doc_text, span_text, trim
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.mergetags import PLACEHOLDER_RE
from pitchlint.nlp import entity_at, entity_type, is_merge_tag
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
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
# the imperative that works as a question (seed 000: "Tell me about your job.") and the offer
# of help (seed 003: "Is there anything I can do to pitch in and help?")
_GENUINE_IMPERATIVE_RE = re.compile(
    r"^\W*(?:please )?(?:tell me (?:about|how|what|whether|if)|walk me through|help me understand)", re.I
)
_OFFER_RE = re.compile(r"\b(?:anything|something) (?:i|we) can do\b|\bcan i help\b", re.I)
_CAUSATIVES = frozenset({"help", "allow", "enable", "let", "make", "empower", "get"})
_WH_WORDS = frozenset({"how", "what", "which", "where", "when", "why", "who", "whom", "whose"})
# a question that opens like this is a question even when the parser finds no subject
_QUESTION_STARTS = _WH_WORDS | {"are", "is", "was", "were", "do", "does", "did", "have", "has", "had"}
_QUESTION_STARTS |= {"can", "could", "would", "will", "should", "shall", "may", "might"}
_CONGRATS_RE = re.compile(r"^\W*(?:congrats|congratulations|kudos)\b", re.I)
_THANKS_RE = re.compile(r"^\W*(?:thanks|thank you) (?:again )?for\b", re.I)
_DESIRE_VERBS = frozenset({"want", "need", "look", "seek", "wish", "like"})
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
_SIZE_RELATIVE_RE = re.compile(r"\b(?:your size|size like yours|unlike)\b", re.I)
_OBSERVING_ROOTS = frozenset({"see", "notice", "read", "hear", "spot", "know", "wonder", "guess"})
_NUMBER_RE = re.compile(r"\d[\d,.]*\s*[kK]?")
_CREEPY_RULE = "personal/creepy-personal-reference.yaml"
_RESIDUE_RULE = "personalization/merge-field-artifacts.yaml"
_WISHING = frozenset({"hope", "trust", "wish", "pray"})
_GENERIC_FRAME_RE = re.compile(r"\b(?:like|as) (?:most|many|all|every|other)\b", re.I)
_HANDLE_RE = re.compile(r"@[A-Za-z][\w-]{1,38}")
# "We met at the TC DC meetup", "talked briefly at PyCon": shared history with a name or date
_MEETING_VERBS = frozenset({"meet", "talk", "speak", "chat"})
# "to talk about Lumen", "to write about your parser": the reader's work named as the topic
_TOPIC_VERBS = frozenset({"talk", "write", "cover", "feature", "discuss", "interview", "chat", "present"})
_LINK_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|io|co|net|org|ai)\b|\blink\b", re.I)


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
            subjects = [c for c in node.children if c.dep_ in _SUBJECT_DEPS]
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
        audience visitors traffic"""),
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
        """ "We'd love to have you on the show to talk about Lumen", "I'd like to nominate
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


@functools.lru_cache(maxsize=8)
def _sibling_rule(path: str) -> LoadedRule | None:
    from pathlib import Path

    from pitchlint.rules.loader import RuleError, load_rule_file

    try:
        return load_rule_file(Path(path))
    except (RuleError, OSError):
        return None


def sibling_findings(ctx: RuleContext, relative: str) -> list[tuple[int, int]]:
    """Spans another bundled rule flags in this draft, judged by that rule's own check (so
    "template residue" means what merge-field-artifacts says, "personal-life fact" what
    creepy-personal-reference says). Empty if that rule file is absent."""
    from pitchlint.checks import get_check
    from pitchlint.rules.loader import bundled_rules_dir

    rule = _sibling_rule(str(bundled_rules_dir() / relative))
    if rule is None or rule.kind != "python":
        return []
    key = f"findings:{rule.id}"
    if key not in ctx.memo:  # two rules here ask for the same sibling: judge it once per draft
        function = get_check(rule.spec.function or rule.id, rule.path)  # type: ignore[attr-defined]
        ctx.memo[key] = [(f.start, f.end) for f in function(ctx, rule)]
    return list(ctx.memo[key])


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _skip_relationship(analysis: Analysis) -> bool:
    meta = analysis.draft.meta
    return meta.relationship == "customer" or meta.is_reply


def _anchor(analysis: Analysis) -> Span | None:
    return trim(analysis.body_sentences[0]) if analysis.body_sentences else None


def reader_facts(ctx: RuleContext, params: dict[str, Any]) -> list[tuple[Span, str]]:
    """The sentences that hold a fact about this reader, and what it is (once per draft for
    the rules that read it with the default lists)."""
    creepy = sibling_findings(ctx, params.get("personal_rule", _CREEPY_RULE))
    if any(params.get(k) not in (None, SPECIFICS_DEFAULTS[k]) for k in SPECIFICS_DEFAULTS):
        return Specifics(ctx.analysis, params, creepy).found  # a config override of the lists
    if "reader_facts" not in ctx.memo:
        ctx.memo["reader_facts"] = Specifics(ctx.analysis, {}, creepy).found
    return list(ctx.memo["reader_facts"])


# a merge tag or the recipient's company named from front matter is a slot, not research done
_TEMPLATE_EVIDENCE = ("merge tag", "the recipient's company")


def researched(ctx: RuleContext, params: dict[str, Any]) -> list[tuple[Span, str]]:
    """The body sentences that show research done, not a merge field or a CRM company name."""
    return [
        (sent, reason)
        for sent, reason in reader_facts(ctx, params)
        if not reason.startswith(_TEMPLATE_EVIDENCE) and ctx.draft.zone_at(sent.start_char) != "subject"
    ]


@check("reader-research")
def reader_research(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A positive signal on each sentence that shows research about this reader in its own
    words: their named work, a meeting with a name or date, an observation of something
    specific of theirs."""
    for sent, reason in researched(ctx, ctx.params_for(rule)):
        span = trim(sent)
        yield ctx.finding(rule, span.start_char, span.end_char, detail=reason)


@check("no-personalization")
def no_personalization(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Fire once when no sentence holds a fact about this reader beyond the greeting name."""
    analysis = ctx.analysis
    if _skip_relationship(analysis) or not analysis.body_sentences:
        return
    if reader_facts(ctx, ctx.params_for(rule)):
        return
    anchor = _anchor(analysis)
    if anchor is not None:
        yield ctx.finding(rule, anchor.start_char, anchor.end_char)


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
    creepy = sibling_findings(ctx, params.get("personal_rule", _CREEPY_RULE))
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


# claims-contradicted-by-email ---------------------------------------------------------------


def _claim_context(reader: Reader, sent: Span) -> bool:
    """A sentence that sells (the seller or product speaking, an imperative, a promise), not a
    question and not a statement of the reader's own situation ("your reps spend hours")."""
    if is_question(sent):
        return False
    root = sent.root
    if root.lemma_.lower() in _OBSERVING_ROOTS and not any(c.dep_ == "auxpass" for c in root.children):
        return False  # "I noticed your reply rates dipped"; not "we are known for ..."
    return not (reader.is_subject(root) and not _promise(root))


@check("claims-contradicted-by-email")
def claims_contradicted_by_email(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A personalisation/targeting/engagement claim in an email that is impersonal, carries
    template residue, or is a late step of an unanswered sequence; an attention-to-detail
    claim in an email with template residue."""
    analysis = ctx.analysis
    params = ctx.params_for(rule)
    personal = [re.compile(p, re.I) for p in params.get("personal_claims", [])]
    detail = [re.compile(p, re.I) for p in params.get("detail_claims", [])]
    reader = Reader.of(analysis)
    claims: list[tuple[int, int, bool]] = []
    for sent in analysis.body_sentences:
        if not _claim_context(reader, sent):
            continue
        text = span_text(sent)
        for patterns, is_personal in ((personal, True), (detail, False)):
            for pattern in patterns:
                for match in pattern.finditer(text):
                    claims.append(
                        (sent.start_char + match.start(), sent.start_char + match.end(), is_personal)
                    )
    if not claims:
        return
    meta = analysis.draft.meta
    residue = bool(sibling_findings(ctx, params.get("residue_rule", _RESIDUE_RULE)))
    creepy = sibling_findings(ctx, params.get("personal_rule", _CREEPY_RULE))
    reasons_personal: list[str] = []
    if residue:
        reasons_personal.append("still carries template residue")
    if (
        meta.relationship != "customer"
        and not meta.is_reply
        and not Specifics(analysis, params, creepy).found
    ):
        reasons_personal.append("says nothing specific about this reader")
    if not meta.is_reply and meta.touch >= int(params.get("sequence_touch", 5)):
        reasons_personal.append(f"is touch {meta.touch} of a sequence they have not answered")
    taken: list[tuple[int, int]] = []
    for start, end, is_personal in sorted(claims):
        reasons = reasons_personal if is_personal else (["still carries template residue"] if residue else [])
        if not reasons or any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        yield ctx.finding(rule, start, end, detail=" and ".join(reasons))


# audience-mismatch --------------------------------------------------------------------------


def _size_class(size: str, params: dict[str, Any]) -> str | None:
    """ "12", "10-50", "5,000+", "2k", "enterprise", "SMB" -> small / mid / large."""
    lower = size.lower()
    numbers: list[float] = []
    for raw in _NUMBER_RE.findall(lower):
        value = raw.strip().replace(",", "")
        factor = 1000.0 if value.lower().endswith("k") else 1.0
        try:
            numbers.append(float(value.rstrip("kK").strip()) * factor)
        except ValueError:
            continue
    if numbers:
        headcount = max(numbers)
        if headcount <= float(params.get("small_max", 200)):
            return "small"
        if headcount >= float(params.get("large_min", 1000)):
            return "large"
        return "mid"
    for label in ("small", "large", "mid"):
        if any(word in lower for word in params.get(f"{label}_size_labels", [])):
            return label
    return None


def _groups(text: str, table: dict[str, list[str]]) -> set[str]:
    """The groups of `table` whose words occur in `text` (word boundaries, plural-tolerant)."""
    found = set()
    for group, words in table.items():
        for word in words:
            if re.search(r"(?<![\w-])" + re.escape(str(word)) + r"(?:s|es)?(?![\w-])", text, re.I):
                found.add(group)
                break
    return found


@dataclass(frozen=True)
class Audience:
    start: int
    end: int
    dimension: str
    group: str


class AudienceReader:
    """Audience words in framing that says who the email is for: "for large organizations",
    "enterprise teams", "we help SaaS companies", "As a retail CFO, you". The reader's own market
    ("your enterprise customers", "you sell to retailers"), the seller's own customers and tiers
    ("our enterprise plan") and product grades ("enterprise-grade security") are not audiences.
    Roles count only when said to the reader ("As a CFO, you ...", "CMOs like you")."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.params = params
        self.reader = Reader.of(analysis)
        self.audience_nouns = _lex(params, "audience_nouns")
        self.market_nouns = _lex(params, "market_nouns")

    def mentions(self) -> Iterator[Audience]:
        params = self.params
        tables: dict[str, dict[str, list[str]]] = {
            "size": {"large": params.get("large_words", []), "small": params.get("small_words", [])},
            "industry": params.get("industries", {}),
            "role": params.get("roles", {}),
        }
        taken: list[tuple[int, int]] = []
        for sent in self.analysis.sentences:
            if is_question(sent):
                continue  # asking who they are is the cure, not the smell
            for dimension, table in tables.items():
                for group, words in table.items():
                    for start, end in _word_spans(sent, words):
                        if any(s <= start and end <= e for s, e in taken):
                            continue
                        if self._framed(sent, start, end, dimension):
                            taken.append((start, end))
                            yield Audience(start, end, dimension, group)

    def _framed(self, sent: Span, start: int, end: int, dimension: str) -> bool:
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        if self._addressed(sent, span):
            return True
        if dimension == "role":
            return False
        node = span[-1]
        following = sent.doc[node.i + 1] if node.i + 1 < sent.end else None
        if following is not None and (
            _is(following, self.audience_nouns) or _is(following, self.market_nouns)
        ):
            node = following  # "ecommerce brands", whatever the tagger made of "ecommerce"
        elif node.dep_ in ("compound", "amod", "nmod") and node.head.i > node.i:
            node = node.head  # "SaaS companies", "enterprise teams", "retail space"
            while node.dep_ == "compound" and node.head.i > node.i:
                node = node.head
            if not (_is(node, self.audience_nouns) or _is(node, self.market_nouns)):
                return False  # "enterprise-grade security", "retail price", "our enterprise plan"
        elif node.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(c.dep_ == "poss" and c.lower_ in lx.SELLER_POSSESSIVES for c in node.children):
            return False  # "our enterprise clients": the seller's references
        if self.reader.possessed(node):
            return not _is(node, self.market_nouns)  # "your small business"; not "your retail customers"
        if _SIZE_RELATIVE_RE.search(span_text(sent)):
            return False  # "Most enterprises struggle with this; teams your size don't"
        if _is(node, self.market_nouns) and node.i != span[-1].i:
            head_verb = _clause_verb(node)
            if head_verb is None or not _seller_clause(self.analysis, head_verb):
                return False
        verb = _clause_verb(node)
        return not (verb is not None and self.reader.is_subject(verb))  # "you sell to retailers"

    def _addressed(self, sent: Span, span: Span) -> bool:
        """Said to the reader: "As a retail CFO, you ...", "CMOs like you", "you're a startup"."""
        doc = sent.doc
        before = " ".join(t.lower_ for t in doc[max(sent.start, span.start - 3) : span.start])
        after = " ".join(t.lower_ for t in doc[span.end : min(sent.end, span.end + 2)])
        reader_in_sentence = any(t.lower_ in lx.READER_PRONOUNS for t in sent)
        if reader_in_sentence and re.search(r"(?:^|\s)as(?: an?| the)?(?: \S+)?$", before):
            return True
        if re.match(r"like (?:you|yours|yourself)\b", after):
            return True
        return bool(re.search(r"\byou (?:'re|’re|are) (?:an?|the)(?: \S+)?$", before))


def _seller_clause(analysis: Analysis, verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    return subject is None or analysis.agency_of(subject) == "seller"


def _word_spans(sent: Span, words: Iterable[str]) -> Iterator[tuple[int, int]]:
    for word in sorted((str(w) for w in words), key=len, reverse=True):
        pattern = r"(?<![\w-])" + re.escape(word) + r"(?:s|es)?(?![\w-])"
        for match in re.finditer(pattern, span_text(sent), re.IGNORECASE):
            yield sent.start_char + match.start(), sent.start_char + match.end()


def _recipient_groups(value: str | None, table: dict[str, list[str]]) -> set[str]:
    return _groups(value, table) if value else set()


@check("audience-mismatch")
def audience_mismatch(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Compare the email's audience framing with the recipient metadata; silent without it."""
    recipient = ctx.draft.meta.recipient
    if not (recipient.size or recipient.industry or recipient.role):
        return
    params = ctx.params_for(rule)
    mentions = list(AudienceReader(ctx.analysis, params).mentions())
    if not mentions:
        return
    size = _size_class(recipient.size, params) if recipient.size else None
    truth = {
        "industry": _recipient_groups(recipient.industry, params.get("industries", {})),
        "role": _recipient_groups(recipient.role, params.get("roles", {})),
    }
    said = {
        "industry": {m.group for m in mentions if m.dimension == "industry"},
        "role": {m.group for m in mentions if m.dimension == "role"},
        "size": {m.group for m in mentions if m.dimension == "size"},
    }
    described = {"industry": recipient.industry, "role": recipient.role}
    for mention in mentions:
        detail = None
        if mention.dimension == "size" and size in ("small", "large") and len(said["size"]) == 1:
            if mention.group != size:
                detail = f"targets {mention.group} companies, but the recipient's size is {recipient.size}"
        elif mention.dimension in truth:
            known = truth[mention.dimension]
            if known and not (said[mention.dimension] & known):
                detail = f"targets {mention.group}, but the recipient is {described[mention.dimension]}"
        if detail:
            yield ctx.finding(rule, mention.start, mention.end, detail=detail)
