"""The grammar the checks share, read off spaCy's dependency parse: whose clause it is
(`subject_of`), whose thing it is (`possessed_by_reader`), whether it is denied (`negated`).
One definition each; a check that needs a narrower reading says so with the arguments."""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Token

from pitchlint.analysis import lexicon as lx

# every subject label of the English pipelines' parser: nominal, passive, clausal, expletive
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# the subjects that name someone: "we", "your team", not "it" in "it is worth" or a clause
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "your", "yours", and the texting "ur" ("ur team")
READER_POSSESSORS = lx.READER_POSSESSIVES | {"ur"}
NEGATION_WORDS = frozenset({"not", "n't", "never"})
OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")
# a quotation of three characters or more, in straight or curly quotes: the reader's words or
# a title the sender cites ("your line 'ship it Friday'"), evidence of having read them
QUOTED_RE = re.compile(r"[\"“”‘][^\"“”]{3,}[\"“”’]|(?<!\w)['‘][^'’]{3,}['’](?!\w)")


def own_subject(verb: Token, deps: Collection[str] = SUBJECT_DEPS) -> Token | None:
    """The verb's own subject: its first child with a subject label."""
    return next((c for c in verb.children if c.dep_ in deps), None)


def subject_of(
    verb: Token,
    *,
    deps: Collection[str] = SUBJECT_DEPS,
    through: Collection[str] = ("conj",),
    steps: int | None = None,
    relative_head: bool = False,
) -> Token | None:
    """The verb's subject, else the one it inherits from the verb it hangs from by a label in
    `through` ("We help X and [we] serve Y": conj), at most `steps` steps up. With
    `relative_head`, a relative clause's subject is the noun it describes ("a platform that
    is second to none")."""
    node, taken = verb, 0
    while True:
        subject = own_subject(node, deps)
        if subject is not None:
            return subject
        if relative_head and node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ not in through or node.head.i == node.i or (steps is not None and taken >= steps):
            return None
        node, taken = node.head, taken + 1


def possessed_by_reader(token: Token) -> bool:
    """ "your wife", "your daughter's" (the possessor itself possessed by "your")."""
    return any(c.dep_ == "poss" and c.lower_ in READER_POSSESSORS for c in token.children)


def negated(token: Token) -> bool:
    """A negation on the word itself: "we don't know", "never heard", "not sure"."""
    return any(c.dep_ == "neg" or c.lower_ in NEGATION_WORDS for c in token.children)


def claim_subject(verb: Token) -> Token | None:
    """The verb's subject, or its first conjunct's or governing verb's, one step up ("We help
    X and serve Y", "we want to help")."""
    return subject_of(verb, through=("conj", "xcomp"), steps=1)


def is_reader_pronoun(token: Token | None) -> bool:
    return token is not None and token.lower_ in lx.READER_PRONOUNS


def verb_above(token: Token) -> Token | None:
    """The nearest verb (or copula) above a token."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None
