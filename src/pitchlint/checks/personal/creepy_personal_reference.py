"""`creepy-personal-reference` (rules/personal/creepy-personal-reference.yaml): Flags references to
the reader's personal life found by research: family, religion, politics, sexuality, health,
personal causes, life events (a wedding, a birthday, a new house), vacations or a job search (and
layoffs at their company used as the hook)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis.grammar import own_subject, possessed_by_reader
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
    """`params` of creepy-personal-reference.yaml, checked: a key not here is an error."""

    family_nouns: list[str]
    family_business_heads: list[str]
    family_compound_heads: list[str]
    business_modifiers: list[str]
    religion_nouns: list[str]
    religious_identities: list[str]
    political_identities: list[str]
    political_terms: list[str]
    support_verbs: list[str]
    sexuality_terms: list[str]
    health_terms: list[str]
    health_weak_terms: list[str]
    body_parts: list[str]
    org_heads: list[str]
    cause_verbs: list[str]
    cause_nouns: list[str]
    vacation_nouns: list[str]
    photo_nouns: list[str]
    destinations: list[str]
    event_words: list[str]
    job_search_patterns: list[str]
    life_event_nouns: list[str]
    home_nouns: list[str]
    life_event_verbs: list[str]
    race_nouns: list[str]


_READER_SUBJ = frozenset({"you", "u", "ya"})
_MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")
# Heads whose clausal complement is the personal fact itself: "I noticed [your wife is ...]".
_FRAME_HEADS = frozenset(
    {
        "see",
        "notice",
        "hear",
        "hope",
        "glad",
        "happy",
        "sorry",
        "read",
        "learn",
        "know",
        "wish",
        "trust",
        "congrat",
        "congratulation",
        "saw",
    }
)

_RESEARCH_CUE = re.compile(
    r"\b(?:I|we)\s+(?:just\s+)?(?:noticed|saw|see|came across|stumbled (?:on|upon|across)|found|heard|"
    r"read|learned)\b|^\W*(?:saw|noticed|came across|spotted)\b"
    r"|\byour (?:instagram|facebook|tiktok|strava|photos?|pictures|pics)\b",
    re.I,
)
_WISH_CUE = re.compile(
    r"\b(?:hope|hoping|glad|happy to hear|sorry to (?:hear|learn)|get well|feel(?:ing)? better|"
    r"speedy|wishing|wish you|thinking of you|heal)\w*\b",
    re.I,
)
_OUT_OF_OFFICE = re.compile(r"\bout[- ]of[- ](?:the[- ])?office\b|\bOOO\b|\bauto[- ]?reply\b", re.I)


def _in_plural(token: Token, lexicon: Iterable[str]) -> bool:
    """Like `_in`, also matching a plural the tagger left unlemmatised ("accounts")."""
    lower = token.lower_
    return _in(token, lexicon) or (lower.endswith("s") and lower[:-1] in set(lexicon))


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text in ("-", "‑") and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "‑") and not token.whitespace_
    return before or after


def _free_noun(token: Token) -> bool:
    """A noun that heads its phrase: not "parent company", "family-owned", "child accounts"."""
    return token.dep_ not in _MODIFIER_DEPS and not _hyphenated(token)


def _modifiers(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]


def _reader_subject(verb: Token) -> bool:
    node = verb
    for _ in range(3):
        subject = own_subject(node)
        if subject is not None:
            return subject.lower_ in _READER_SUBJ
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _governing_verb(token: Token) -> Token | None:
    node = token
    while True:
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "ADJ" and node.dep_ in ("ROOT", "ccomp")):
            return node
        if node.head.i == node.i:
            return None
        node = node.head


def _in_reader_clause(token: Token) -> bool:
    verb = _governing_verb(token)
    return verb is not None and _reader_subject(verb)


def sent_start(token: Token) -> int:
    return token.sent.start if token.doc.has_annotation("SENT_START") else 0


def _trimmed(sent: Span) -> tuple[int, int]:
    tokens = [t for t in sent if not t.is_space]
    while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text not in (")", "”", '"'):
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _fact_span(sent: Span, token: Token) -> tuple[int, int]:
    """The clause that states the fact ("your wife is passionate about stained glass" under
    "I noticed"), else the sentence without its end punctuation."""
    node = token
    while node.head.i != node.i and node.i != sent.root.i:
        head = node.head
        if (
            node.pos_ in ("VERB", "AUX")
            and node.dep_ in ("ccomp", "xcomp")
            and (head.lemma_.lower() in _FRAME_HEADS or head.lower_ in _FRAME_HEADS)
            and head.i < node.left_edge.i
        ):
            left = node.left_edge.i
            while left < node.i and sent.doc[left].dep_ == "mark":
                left += 1  # "Saw that [your kids go ...]"
            return _trimmed(sent.doc[left : node.right_edge.i + 1])
        node = head
    return _trimmed(sent)


# creepy-personal-reference -----------------------------------------------------------------
class _Creepy:
    def __init__(self, params: dict[str, Any]) -> None:
        self.family = _lex(params, "family_nouns")
        self.family_business_heads = _lex(params, "family_business_heads")
        self.business_modifiers = _lex(params, "business_modifiers")
        self.family_compound_heads = _lex(params, "family_compound_heads")
        self.religion_nouns = _lex(params, "religion_nouns")
        self.identities = _lex(params, "religious_identities") | _lex(params, "political_identities")
        self.political_terms = _lex(params, "political_terms")
        self.support_verbs = _lex(params, "support_verbs")
        self.sexuality = _lex(params, "sexuality_terms")
        self.health_strong = _lex(params, "health_terms")
        self.health_weak = _lex(params, "health_weak_terms")
        self.body_parts = _lex(params, "body_parts")
        self.org_heads = _lex(params, "org_heads")
        self.cause_verbs = _lex(params, "cause_verbs")
        self.cause_nouns = _lex(params, "cause_nouns")
        self.vacation = _lex(params, "vacation_nouns")
        self.photo_nouns = _lex(params, "photo_nouns")
        self.destinations = _lex(params, "destinations")
        self.events = _lex(params, "event_words")
        self.job_search = regex_any(params, "job_search_patterns")
        self.life_events = _lex(params, "life_event_nouns")
        self.homes = _lex(params, "home_nouns")
        self.life_verbs = _lex(params, "life_event_verbs")
        self.races = _lex(params, "race_nouns")
        # every category starts from one of these words: a token with none of them is skipped
        # before the parse-walking tests (most tokens of most emails)
        self.anchors = (
            self.family
            | self.identities
            | self.religion_nouns
            | self.support_verbs
            | self.sexuality
            | self.health_strong
            | self.health_weak
            | self.cause_verbs
            | self.photo_nouns
            | self.vacation
            | self.life_events
            | self.homes
            | self.life_verbs
            | self.races
            | {"pride", "fundraiser", "gofundme", "walkathon", "charity"}
        )

    def hits(self, sent: Span) -> Iterator[tuple[Token, str]]:
        text = span_text(sent)
        anchors = self.anchors
        for token in sent:
            anchored = token.lower_ in anchors or token.lemma_.lower() in anchors
            if not anchored and (token.pos_ != "PROPN" or token.dep_ != "dobj"):  # "enjoyed Maui"
                continue
            category = self._category(token, sent)
            if category:
                yield token, category
        for match in self.job_search.finditer(text):
            token = sent.doc.char_span(
                sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand"
            )
            if token is not None:
                yield token[0], "job search"

    def _category(self, t: Token, sent: Span) -> str | None:
        if self._family(t):
            return "family"
        if self._fellow(t):
            return "religion or politics"
        if self._religion(t):
            return "religion"
        if self._politics(t):
            return "politics"
        if self._sexuality(t):
            return "sexuality"
        if self._health(t, sent):
            return "health"
        if self._cause(t) or self._race(t):
            return "personal causes"
        if self._life_event(t):
            return "a life event"
        if self._vacation(t, sent):
            return "vacations"
        return None

    def _family(self, t: Token) -> bool:
        if t.pos_ not in ("NOUN", "PROPN") or not _in(t, self.family) or not _free_noun(t):
            return False
        if not possessed_by_reader(t):
            return False
        following = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if following is not None and _in_plural(
            following, self.business_modifiers | self.family_business_heads | self.family_compound_heads
        ):
            return False  # a misparsed compound: "your child accounts"
        if any(_in(m, self.business_modifiers) for m in _modifiers(t)):
            return False  # "your product family", "your business partners"
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) and t.lower_ in (
            "family",
            "families",
        ):
            return False  # "your family of brands"
        if t.dep_ == "poss" and _in(t.head, self.family_business_heads):
            return False
        if t.lower_ in ("family", "families") and not _RESEARCH_CUE.search(span_text(t.sent)):
            # "Happy holidays to you and your family": a sign-off, not a researched fact
            generic = _WISH_CUE.search(span_text(t.sent)) or re.search(
                r"\bhappy\b|\benjoy", span_text(t.sent), re.I
            )
            if generic or any(c.lower_ in _READER_SUBJ for c in (t.head, *t.head.children)):
                return False
        return True

    def _fellow(self, t: Token) -> bool:
        if not _in(t, self.identities) or t.dep_ in ("compound", "amod"):
            return False
        if any(c.lower_ == "fellow" for c in t.children):
            return True
        # "you're a devout Catholic", "you're conservative"
        return t.dep_ in ("attr", "acomp") and _reader_subject(t.head)

    def _religion(self, t: Token) -> bool:
        if not _in(t, self.religion_nouns) or not _free_noun(t):
            return False
        if t.lower_ == "faith" and any(c.dep_ == "prep" for c in t.children):
            return False  # "your faith in the forecast"
        return possessed_by_reader(t)

    def _politics(self, t: Token) -> bool:
        if t.pos_ != "VERB" or not _in(t, self.support_verbs):
            return False
        reader = _reader_subject(t)
        if not reader:
            subject = own_subject(t)
            owners = [subject] if subject is not None else []
            if subject is None and t.dep_ in ("acl", "relcl"):
                owners.append(t.head)
            if subject is None and t.i > sent_start(t):
                owners.append(t.doc[t.i - 1])  # "your post supporting ..." parsed as advcl
            reader = any(o.pos_ in ("NOUN", "PROPN") and possessed_by_reader(o) for o in owners)
        if not reader:
            return False
        return any(_in(d, self.political_terms) for d in t.subtree if d.i != t.i)

    def _sexuality(self, t: Token) -> bool:
        if not (_in(t, self.sexuality) or t.text in ("Pride", "PRIDE")):
            return False
        owner = t if t.pos_ in ("NOUN", "PROPN") else t.head
        for node in (owner, owner.head):
            if _in(node, self.org_heads):
                return False  # "your LGBTQ employee network"
            if possessed_by_reader(node):
                return True
        return t.dep_ in ("attr", "acomp") and _reader_subject(t.head)

    def _health_modified(self, t: Token) -> bool:
        if any(_in(m, self.business_modifiers) for m in _modifiers(t)):
            return False
        return any(
            _in(m, self.health_strong | self.body_parts) or m.lower_ in ("medical", "mental")
            for m in _modifiers(t)
        )

    def _health(self, t: Token, sent: Span) -> bool:
        if not (_in(t, self.health_strong) or _in(t, self.health_weak)):
            return False  # cheap test first: the sentence scan below runs per candidate only
        wish = bool(_WISH_CUE.search(span_text(sent)))
        if _in(t, self.health_strong) and t.pos_ in ("NOUN", "ADJ", "VERB", "PROPN"):
            if any(_in(m, self.business_modifiers) for m in _modifiers(t)):
                return False
            head = t.head if t.dep_ in ("compound", "amod", "nmod") else t
            while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
                head = head.head
            if head.i != t.i and (
                _in(head, self.org_heads) or not _in(head, self.health_strong | self.health_weak)
            ):
                return False  # "your cancer center", "your surgery schedule"
            linked = possessed_by_reader(head) or _in_reader_clause(head)
            return linked or wish
        if _in(t, self.health_weak) and t.pos_ == "NOUN" and not _hyphenated(t):
            if t.dep_ in ("compound", "amod"):
                return False
            if self._health_modified(t):
                return possessed_by_reader(t) or wish or _in_reader_clause(t)
            return (
                possessed_by_reader(t)
                and wish
                and not any(c.dep_ in ("compound", "amod", "nmod") for c in t.children)
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
            )
        return False

    def _cause(self, t: Token) -> bool:
        if t.pos_ == "VERB" and _in(t, self.cause_verbs) and _reader_subject(t):
            return any(_in(d, self.cause_nouns) and d.pos_ in ("NOUN", "PROPN") for d in t.subtree)
        return (
            t.pos_ in ("NOUN", "PROPN")
            and t.lower_ in ("fundraiser", "gofundme", "walkathon", "charity")
            and _free_noun(t)
            and possessed_by_reader(t)
        )

    def _race(self, t: Token) -> bool:
        """ "your marathon for cancer research", "the 10k you're running for the shelter"."""
        if t.pos_ not in ("NOUN", "PROPN") or not _in(t, self.races) or t.dep_ in _MODIFIER_DEPS:
            return False
        if not (possessed_by_reader(t) or _in_reader_clause(t)):
            return False
        causes = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.subtree]
        return any(_in(o, self.cause_nouns | self.health_strong) or o.lower_ == "research" for o in causes)

    def _life_event(self, t: Token) -> bool:
        """A wedding, a birthday, a baby or a new house of the reader's: "your wedding",
        "you just got married", "saw you moved into a new house". Not "your company's
        anniversary", "your product's birthday sale" or "your office move"."""
        if t.pos_ in ("NOUN", "PROPN") and _in(t, self.life_events) and _free_noun(t):
            if any(_in(m, self.business_modifiers | self.events) for m in _modifiers(t)):
                return False
            if t.lower_ in ("birthday", "anniversary") and t.i > 0 and t.doc[t.i - 1].lower_ == "happy":
                return True  # "Happy birthday!": their date of birth, looked up
            return possessed_by_reader(t) or (t.dep_ in ("dobj", "pobj") and _in_reader_clause(t))
        if t.pos_ in ("NOUN", "PROPN") and _in(t, self.homes) and _free_noun(t):
            verb = _governing_verb(t)
            moved = verb is not None and verb.lemma_.lower() in ("move", "buy", "build", "close", "relocate")
            new = any(m.lower_ in ("new", "first", "dream") for m in t.children)
            return (moved or new) and (possessed_by_reader(t) or (verb is not None and _reader_subject(verb)))
        if t.pos_ == "VERB" and _in(t, self.life_verbs) and _reader_subject(t):
            lemma = t.lemma_.lower()
            if lemma in ("marry", "wed"):
                return True
            if lemma == "engage":
                return t.tag_ == "VBN" and not any(c.dep_ == "prep" for c in t.children)  # not "engaged with"
            if lemma == "expect":
                return any(c.lower_ in ("baby", "twins", "child") for c in t.subtree)
            return any(_in(d, self.homes) for d in t.subtree if d.i != t.i)  # "moved into a new house"
        return False

    def _place_named(self, t: Token) -> bool:
        for d in t.subtree:
            if d.i == t.i:
                continue
            if _in(d, self.events):
                return False
        return any((d.pos_ == "PROPN" or _in(d, self.destinations)) and d.i != t.i for d in t.subtree)

    def _vacation(self, t: Token, sent: Span) -> bool:
        if t.pos_ not in ("NOUN", "PROPN"):
            return False  # cheap test first: the sentence scans below run per candidate only
        candidate = (
            _in(t, self.photo_nouns)
            or _in(t, self.vacation)
            or (t.pos_ == "PROPN" and t.dep_ == "dobj" and t.head.lemma_.lower() == "enjoy")
        )
        if not candidate:
            return False
        if _OUT_OF_OFFICE.search(span_text(sent)) or any(_in(w, self.events) for w in sent):
            return False
        research = bool(_RESEARCH_CUE.search(span_text(sent)))
        if t.pos_ == "NOUN" and _in(t, self.photo_nouns) and _free_noun(t) and possessed_by_reader(t):
            vacation_words = self.vacation | {"beach", "wedding", "family", "honeymoon"}
            return self._place_named(t) or any(_in(m, vacation_words) for m in _modifiers(t))
        if t.pos_ == "NOUN" and _in(t, self.vacation) and _free_noun(t):
            if _modifiers(t) and any(m.dep_ == "compound" for m in _modifiers(t)):
                return False  # "sales tax holiday", "business trip"
            linked = possessed_by_reader(t) or _in_reader_clause(t)
            return linked and (self._place_named(t) or research)
        if (
            t.pos_ == "PROPN"
            and t.dep_ == "dobj"
            and t.head.lemma_.lower() == "enjoy"
            and _reader_subject(t.head)
        ):
            return _in(t, self.destinations)
        return False


@check("creepy-personal-reference")
def creepy_personal_reference(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding per stated fact: family, religion, politics, sexuality, health, causes,
    vacations or a job search, tied to the reader by "your" or a "you" subject."""
    detector = built_once(_Creepy, ctx.params_for(rule))
    for sent in ctx.analysis.sentences:
        spans: dict[tuple[int, int], list[str]] = {}
        research = bool(_RESEARCH_CUE.search(span_text(sent)))
        for token, category in detector.hits(sent):
            span = _fact_span(sent, token)
            if category not in spans.setdefault(span, []):
                spans[span].append(category)
        for (start, end), categories in spans.items():
            detail = " and ".join(categories) + (", found by research" if research else "")
            yield ctx.finding(rule, start, end, detail=detail)
