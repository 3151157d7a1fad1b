"""Whom a claim praises: the seller, the reader, someone else, or a third party's verdict.

Hype words ("industry-leading", "#1 rated", "second to none") cost replies when the seller
says them about itself. The same words about the reader ("you run the fastest-growing
chapter"), about the people the seller works for ("we help the fastest-growing teams") or as a
named source's verdict ("Gartner named your team a leader", "according to G2, ...") are not
self-praise. So a claim is judged by the noun phrase it describes, found on the dependency
parse: the noun it modifies, then whoever owns that noun phrase: its possessor, the subject
it is predicated of ("we are the #1 ..."), the noun an appositive renames, or the subject of
a verb of having or making ("we run the top-rated CRM").

- seller / reader: the phrase is theirs;
- other: a subject or named entity the draft does not place (often the seller's own company
  when no name is configured: "Acme is the leading provider");
- nobody: the words praise no one here: the object of someone's action ("we help the
  fastest-growing companies"), one of the owner's things ranked against its others ("our
  best-selling plan"), or a claim the sentence denies ("we're not the biggest agency");
- sourced: someone named ranks it ("according to G2", "was named", "describes you as"), or
  it is a measured comparison that gives its figure ("the largest review site, with 100,000
  reviews").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from pitchlint.analysis.grammar import subject_of
from pitchlint.rules.schema import Praised

if TYPE_CHECKING:
    from pitchlint.analysis.core import Analysis

_NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# dependencies that keep a word inside the noun phrase it describes
_MODIFIER_DEPS = frozenset(
    {"amod", "compound", "nmod", "nummod", "advmod", "npadvmod", "quantmod", "det", "punct", "case", "poss"}
)
# a copula or a verb whose complement describes its subject ("we are / became / remain the #1 ...")
_COMPLEMENT_DEPS = frozenset({"attr", "acomp", "oprd", "xcomp"})
# verbs through which someone else ranks the praised thing: "named", "voted", "describes you as"
SOURCE_VERBS = frozenset(
    {
        "name",
        "rank",
        "rate",
        "vote",
        "call",
        "recognize",
        "recognise",
        "list",
        "award",
        "crown",
        "dub",
        "cite",
        "describe",
        "select",
        "feature",
        "score",
        "place",
        "consider",
        "deem",
        "label",
    }
)
# verbs of having or making: their object is the subject's ("we run / built / offer the #1 CRM")
OWN_VERBS = frozenset(
    {
        "have",
        "run",
        "build",
        "offer",
        "provide",
        "make",
        "develop",
        "create",
        "sell",
        "use",
        "bring",
        "deliver",
        "launch",
        "ship",
        "operate",
        "own",
        "design",
        "engineer",
        "give",
        "manage",
        "produce",
        "release",
        "introduce",
        "be",
        "become",
        "remain",
    }
)
_OWNERS = frozenset({"my", "our", "your", "his", "her", "their", "its"})
# superlatives a figure can back: "the largest", "the fastest", "the cheapest"
_MEASURES = frozenset(
    {"large", "big", "fast", "quick", "small", "cheap", "low", "high", "long", "short", "many", "much"}
)
# verbs whose object does the next thing: "help / let / make the fastest-growing teams hire"
_CAUSE_VERBS = frozenset({"help", "let", "make", "enable", "allow", "get", "see", "watch", "show"})
# "the world's leading", "the industry's best": the possessor is the field ranked, not an owner
_FIELDS = frozenset({"world", "industry", "market", "nation", "country", "category", "planet", "sector"})


def praised(analysis: Analysis, span: Span) -> Praised:
    """Whom the claim in `span` praises (see the module docstring)."""
    if _attributed(analysis, span) or _measured(span):
        return "sourced"
    noun = described_noun(span)
    if noun is None:
        return analysis.agency_at(span.root)
    if _ranks_within(span, noun) or _denied(noun):
        return "nobody"
    return _owner(analysis, noun)


def _denied(noun: Token) -> bool:
    """ "We're not the biggest agency in Ohio, but ...": modesty, not a claim."""
    verb = noun.head if noun.dep_ in _COMPLEMENT_DEPS else None
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _ranks_within(span: Span, noun: Token) -> bool:
    """ "our best-selling plan", "our fastest-growing customers": a superlative that ranks one of
    the owner's things against its others, not the owner against the market."""
    superlative = any(  # not the idiom "best-in-class"
        t.tag_ in ("JJS", "RBS") and not any(c.dep_ == "prep" for c in t.children) for t in span
    )
    owned = any(c.dep_ == "poss" and c.lower_ in _OWNERS for c in noun.children)
    return superlative and owned


def described_noun(span: Span) -> Token | None:
    """The noun (or pronoun) the matched words describe: "platform" in "our industry-leading
    platform", "support" in "our support is unparalleled", None for a clause ("transform the
    way you work")."""
    token = span.root
    if token.dep_ == "poss" and token.lower_ in _FIELDS:
        token = token.head  # "the world's best brands": the brands
    seen = 0
    while token.pos_ not in _NOMINALS and token.dep_ in _MODIFIER_DEPS | {"prep", "pobj"}:
        if token.head.i == token.i or seen > 8:
            break
        token, seen = token.head, seen + 1
    if token.pos_ in _NOMINALS:
        return token
    if token.dep_ in _COMPLEMENT_DEPS:  # "our support is unparalleled", "is second to none"
        return _subject(token.head)
    return None


def _owner(analysis: Analysis, noun: Token) -> Praised:
    """Whom a noun phrase belongs to: whoever it names ("we", "your team", the seller's company
    by name), else its possessor, else what it is said of, else its clause."""
    agency = analysis.agency_of(noun)
    if agency != "other":
        return agency
    agency = _possessed(analysis, noun)
    if agency is not None:
        return agency
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ("one", "some"):
        return _owner(analysis, noun.head.head)  # "we're one of the fastest-growing startups"
    if noun.dep_ == "appos":  # "Acme, the premier destination for ..."
        return _owner(analysis, noun.head)
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
    if noun.dep_ in _COMPLEMENT_DEPS or noun.head.lower_ == "as":  # "we're known as the #1 ..."
        subject = _subject(verb)
        if subject is not None and subject.i != noun.i:
            return _owner(analysis, subject)
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("dobj", "pobj", "dative") and verb.pos_ in ("VERB", "AUX"):
        # "we run the top-rated CRM" is the seller's; "we work with the leading retailers" is not
        # ("the analysts at Acme, the premier destination ..." hangs off a noun: Acme's own)
        subject = _subject(verb) if _lemma(verb) in OWN_VERBS else None
        return _owner(analysis, subject) if subject is not None else "nobody"
    cause = noun.head.head
    if (
        noun.dep_ == "nsubj"
        and noun.head.dep_ in ("ccomp", "xcomp")
        and cause.lemma_.lower() in _CAUSE_VERBS
        and cause.i < noun.i
    ):
        return "nobody"  # "we help the fastest-growing companies hire faster"
    agency = analysis.agency_of(noun)
    return agency if agency != "other" else analysis.agency_at(noun)


def _lemma(verb: Token) -> str:
    """The verb's lemma, with the curly contractions the lemmatizer leaves alone ("it’s")."""
    return _CONTRACTIONS.get(verb.lower_.replace("’", "'"), verb.lemma_.lower())


_CONTRACTIONS = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have"}


def _possessed(analysis: Analysis, noun: Token) -> Praised | None:
    owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in _FIELDS]
    if not owners:
        return None
    agency = analysis.agency_of(owners[0])
    return agency if agency != "other" else None


def _subject(verb: Token) -> Token | None:
    """Whose claim it is: the verb's subject, the one it inherits up its complements and
    conjuncts, or the noun a relative clause describes ("a platform that is second to none")."""
    return subject_of(verb, through=("xcomp", "ccomp", "conj"), relative_head=True)


def _measured(span: Span) -> bool:
    """A size or speed superlative with the figure that backs it in the same sentence: a
    checkable fact, not praise. "Best" and "leading" have no figure that could back them."""
    sizes = [t for t in span if t.tag_ in ("JJS", "RBS") and t.lemma_.lower() in _MEASURES]
    figures = [t for t in span.sent if t.like_num and t.lower_ not in ("one", "1") and not _in(t, span)]
    return bool(sizes) and bool(figures)


def _in(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _attributed(analysis: Analysis, span: Span) -> bool:
    """The claim is a named source's verdict: "according to G2", "named the #1 rated agency",
    "describes you as the leading carrier", "ranked first by Forrester". The seller ranking
    itself ("we'd call ourselves the leading ...") is not a source."""
    sent = span.sent
    if any(t.lower_ == "according" and t.nbor(1).lower_ == "to" for t in sent if t.i + 1 < len(t.doc)):
        return True
    for agent in (t for t in sent if t.dep_ == "agent" and any(c.pos_ == "PROPN" for c in t.subtree)):
        if not agent.left_edge.i <= span.root.i <= agent.right_edge.i:
            return True  # "named the top-rated agency by Clutch"; not "by Acme, the leading ..."
    node = span.root
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in SOURCE_VERBS:
            ranker = next((c for c in node.children if c.dep_ == "nsubj"), None)
            return ranker is None or analysis.agency_of(ranker) != "seller"
        if node.head.i == node.i:
            return False
        node = node.head
    return False
