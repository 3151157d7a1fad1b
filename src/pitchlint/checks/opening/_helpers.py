"""What the checks of the `opening` family share (rules/opening/)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.core import Clause, is_question
from pitchlint.analysis.grammar import own_subject
from pitchlint.analysis.spans import first_pattern_span, span_text, trim
from pitchlint.nlp import is_merge_tag
from pitchlint.params import regex_list as _regex
from pitchlint.params import word_set as _words

_READER_WORDS = frozenset({"you", "your", "yours", "yourself", "yourselves", "u", "ya"})
_SELLER_SUBJECTS = frozenset({"i", "we"})
_SELLER_TAG_RE = re.compile(r"sender|my_|from_|your|rep_|owner", re.I)
_MODALS = frozenset({"can", "could", "would", "will", "might", "may", "should", "'d", "’d", "'ll", "’ll"})


# shared facts about a sentence -------------------------------------------------------------


def _is_reader_token(token: Token) -> bool:
    if token.lower_ in _READER_WORDS:
        return True
    if is_merge_tag(token):
        return not _SELLER_TAG_RE.search(token.lower_)
    return False


def _after_like(token: Token) -> bool:
    """ "website owners like you", "companies like yours": a crowd, not this reader."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in ("like", "as")


def _mentions_reader(analysis: Analysis, tokens: Iterable[Token]) -> bool:
    """You/your, a merge tag standing for the recipient, or the recipient's name or company
    (not in "owners like you", which puts the reader in a crowd)."""
    tokens = list(tokens)
    if any(_is_reader_token(t) and not _after_like(t) for t in tokens):
        return True
    text = " ".join(t.lower_ for t in tokens)
    return any(name and name in text for name in analysis.reader_names)


def _sentence_clauses(analysis: Analysis, sent: Span) -> list[Clause]:
    return list(analysis.clauses_in(sent))


def _main_agency(analysis: Analysis, sent: Span) -> str:
    """The agency of the sentence's root clause; a subjectless "Wanted to ..." is the seller's."""
    root = sent.root
    subject = own_subject(root)
    if subject is None and root.pos_ in ("NOUN", "PROPN", "PRON"):
        return analysis.agency_of(root)  # a verbless fragment: "With 20 years of experience, our team…"
    if subject is None:
        return "seller" if root.tag_ in ("VBD", "VBG", "VBN") and root.i == _first_word(sent).i else "other"
    return analysis.agency_of(subject)


def _first_word(sent: Span) -> Token:
    return next((t for t in sent if not t.is_space and not t.is_punct), sent[0])


_SALUTATION_RE = re.compile(
    r"^[\W_]*(?:(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening|day)|to whom it may concern"
    r"|to\s*:)\b.{0,80}?[,:!]|(?:hi|hello|hey|dear)\b)[\W_]*$",
    re.I,
)
_BE_FORMS = frozenset({"be", "am", "is", "are", "was", "were", "'m", "’m", "'re", "’re", "'s", "’s"})


def _is_be(token: Token) -> bool:
    """ "be", including the curly contractions the lemmatizer leaves alone ("I’m", "we’re")."""
    return token.lemma_.lower() in _BE_FORMS and token.pos_ in ("AUX", "VERB")


def _is_salutation(sent: Span) -> bool:
    """A greeting line the draft parser did not recognise ("To whom it may concern,")."""
    return bool(_SALUTATION_RE.match(span_text(sent).strip()))


def _leading(analysis: Analysis, pleasantry: Sequence[re.Pattern[str]], skip: int = 4) -> list[Span]:
    """Body sentences from the first one that is neither a salutation the draft parser missed
    ("To whom it may concern,") nor a pleasantry ("Hope you're well.")."""
    sentences = list(analysis.body_sentences)
    start = 0
    while start < min(skip, len(sentences)) and (
        _is_salutation(sentences[start]) or _is_pleasantry(analysis, sentences[start], pleasantry)
    ):
        start += 1
    return sentences[start:]


def _is_pleasantry(analysis: Analysis, sent: Span, patterns: Sequence[re.Pattern[str]]) -> bool:
    return (
        analysis.question_kind(sent) == "pleasantry"
        or first_pattern_span(patterns, span_text(sent)) is not None
    )


def _specific(token: Token, analysis: Analysis) -> bool:
    """A proper name, a number or a merge tag: something only this reader's world has."""
    if is_merge_tag(token):
        return True
    if token.pos_ == "PROPN":
        if (token.is_upper and len(token.text) <= 4) or _hyphenated(token):
            return False  # "AI", "SaaS"-style acronyms and "AI-powered" name a field, not a fact
        return not any(token.lower_ in name.split() for name in analysis.seller_names)
    return any(ch.isdigit() for ch in token.text)  # "14 states", "Q3"; not "one of the most ..."


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return after or (token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_)


def _hypothetical(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _reader_specific(analysis: Analysis, sent: Span, params: dict[str, Any]) -> bool:
    """Does the sentence say something about this reader, not just address them?

    "because your team opened a Reno office" (a reader clause), "about your Q3 filing" (a
    reader-possessed noun with a name or number), "I noticed you're hiring in Lisbon" (an
    observation). "I know you're busy", "your company could benefit" (a generic state or a
    guess) and "regarding your business cards" are not."""
    generic = _words(params, "generic_states")
    for clause in analysis.all_clauses_in(sent):
        if clause.agency != "reader" or clause.imperative:
            continue
        if clause.subject is not None and _after_like(clause.subject):
            continue
        verb = clause.verb
        complements = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")]
        if _is_be(verb) and all(c.lower_ in generic for c in complements):
            continue
        if _hypothetical(verb):
            continue
        return True
    for token in sent:
        if token.lower_ in ("your", "yours") and token.dep_ == "poss":
            phrase = [t for t in token.head.subtree if t.i != token.i]
            if any(_specific(t, analysis) for t in phrase):
                return True
        if is_merge_tag(token) and _is_reader_token(token):
            return True
    if any(_specific_observation(analysis, t, params) for t in sent):
        return True
    text = span_text(sent).lower()
    return any(name and name in text for name in analysis.reader_names)


def _specific_observation(analysis: Analysis, verb: Token, params: dict[str, Any]) -> bool:
    """ "I noticed [your team opened a Reno office]", "Saw that Tidewater opened ...": an
    observation verb whose complement names something. "I came across your profile" does not."""
    if verb.pos_ != "VERB" or _verb_key(verb) not in _words(params, "observation_verbs"):
        return False
    complement = [
        t
        for c in verb.children
        if c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "attr", "advcl")
        for t in c.subtree
    ]
    return any(_specific(t, analysis) for t in complement) or any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and t.head.i != verb.i
        for t in complement
    )


def _xcomp_chain(verb: Token) -> list[Token]:
    """ "I wanted to take a moment to reach out": want -> take -> reach."""
    chain = [verb]
    node = verb
    for _ in range(4):
        nxt = next(
            (c for c in node.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ == "VERB"), None
        )
        if nxt is None:
            break
        chain.append(nxt)
        node = nxt
    return chain


def self_intro(analysis: Analysis, sent: Span, params: dict[str, Any]) -> bool:
    """The sentence introduces the seller: who they are, since when, how big, what they sell."""
    if is_question(sent):
        return False
    text = span_text(sent)
    intro = first_pattern_span(_regex(params, "intro_patterns"), text)
    if intro is not None:
        token = _token_at(sent, sent.start_char + intro[0])
        if token is None or analysis.agency_at(token) != "reader":
            return True
    main = _main_agency(analysis, sent)
    credentials = first_pattern_span(_regex(params, "credential_patterns"), text) is not None
    named = main == "seller" or (main == "other" and _proper_subject(sent))
    if credentials and named and not _mentions_reader(analysis, sent):
        return True
    if main == "seller" and first_pattern_span(_regex(params, "tenure_patterns"), text):
        return True
    verbs = [c.verb for c in _sentence_clauses(analysis, sent)]
    # "I run {{Your_Company}} -- we help ...": a clause fronted before the root
    verbs += [c for c in sent.root.children if c.dep_ in ("ccomp", "parataxis") and c.i < sent.root.i]
    if not any(_identity_clause(analysis, verb, params) for verb in verbs):
        return False
    # "I'm Dana's colleague; she said you were looking for a Lisbon payroll provider": the
    # introduction comes with something about the reader
    return not _reader_specific(analysis, sent, params)


def _token_at(sent: Span, char: int) -> Token | None:
    return next((t for t in sent if t.idx <= char < t.idx + len(t.text) + 1), None)


def _proper_subject(sent: Span) -> bool:
    """ "Founded in 2009, Acme has grown ...": a named organisation is the subject."""
    subject = own_subject(sent.root)
    return subject is not None and subject.pos_ == "PROPN"


def _identity_clause(analysis: Analysis, verb: Token, params: dict[str, Any]) -> bool:
    """ "We are a payroll company", "We're called XYZ", "We specialize in", "I work at Acme",
    "We sell to retailers", "I wanted to introduce myself"; not "I noticed your ..."."""
    subject = own_subject(verb)
    if subject is None:
        return _introduces_self(verb)
    if analysis.agency_of(subject) != "seller":
        return False
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if _is_be(verb):
        exempt = _words(params, "attr_exempt")
        if any(c.dep_ == "advmod" and c.lower_ in ("too", "also") for c in verb.children):
            return False  # "We're a small team too, so I know how hiring feels": common ground
        return any(
            c.dep_ == "attr"
            and c.pos_ in ("NOUN", "PROPN")
            and c.lemma_.lower() not in exempt
            and not any(m.lower_ in exempt for m in c.children)
            and not _mentions_reader(analysis, c.subtree)
            for c in children
        )
    if lemma in ("call", "name") and any(c.dep_ == "auxpass" for c in children):
        return True
    if lemma in _words(params, "identity_verbs"):
        return True
    if any(_introduces_self(v) for v in _xcomp_chain(verb)):
        return True
    if lemma in _words(params, "what_we_do_verbs"):
        plain = subject.lower_ in _SELLER_SUBJECTS or subject.pos_ == "PROPN"
        modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children)
        to_reader = any(
            c.dep_ in ("dative", "dobj", "prep") and _mentions_reader(analysis, _without_clauses(c))
            for c in children
        )
        negated = any(c.dep_ == "neg" for c in children)
        return plain and not modal and not to_reader and not negated
    if lemma in _words(params, "role_verbs"):
        return _names_own_company(analysis, verb)
    return False


def _names_own_company(analysis: Analysis, verb: Token) -> bool:
    """ "I work at Acme", "I run {{Your_Company}}", "I lead the tax practice at XYZ"."""
    if any(is_merge_tag(c) and analysis.agency_of(c) == "seller" for c in verb.children if c.dep_ != "nsubj"):
        return True  # the parser often mislabels a merge tag: "I run {{Your_Company}}"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    places = [*objects, *(c for n in (verb, *objects) for c in n.children if c.dep_ == "prep")]
    for node in places:
        target = node if node.dep_ == "dobj" else next((c for c in node.children if c.dep_ == "pobj"), None)
        if target is None or (node.dep_ == "prep" and node.lower_ not in ("at", "for")):
            continue
        if _mentions_reader(analysis, target.subtree):
            continue
        if target.pos_ == "PROPN" or analysis.agency_of(target) == "seller":
            return True
    return False


def _without_clauses(token: Token) -> list[Token]:
    """The phrase under `token` minus relative clauses: "a product [that will let you ...]"."""
    skipped = {t.i for c in token.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return [t for t in token.subtree if t.i not in skipped]


def _introduces_self(verb: Token) -> bool:
    """ "introduce myself", "use this note to introduce our new product line", "introduce us"."""
    for node in verb.subtree:
        if node.lemma_.lower() != "introduce" or node.pos_ != "VERB":
            continue
        for obj in (c for c in node.children if c.dep_ == "dobj"):
            if obj.lower_ in ("myself", "ourselves", "us", "me"):
                return True
            if any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in obj.children):
                return True
    return False


def _verb_key(verb: Token) -> str:
    """The lemma, with a particle that changes it: "write up" (a gift) is not "write" (preamble)."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" if particle in ("up", "down") and lemma != "follow" else lemma


def _trimmed(sent: Span) -> tuple[int, int]:
    """Character offsets of the sentence without surrounding whitespace."""
    span = trim(sent)
    return span.start_char, span.end_char
