"""analysis/grammar.py on hand-built Docs (spaCy's own rule: a unit test of grammar does not
load a statistical model, so a new model cannot move it)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pitchlint.analysis.grammar import (
    NOMINAL_SUBJECT_DEPS,
    QUOTED_RE,
    negated,
    own_subject,
    possessed_by_reader,
    subject_of,
)

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), no model


def _doc(rows: str) -> Doc:
    """A Doc from "word head dep pos | word head dep pos | ...": heads are token indexes."""
    words, heads, deps, pos = zip(*(row.split() for row in rows.split(" | ")), strict=True)
    return Doc(VOCAB, words=list(words), heads=[int(h) for h in heads], deps=list(deps), pos=list(pos))


# "We help teams and serve clients"
COORDINATED = _doc(
    "We 1 nsubj PRON | help 1 ROOT VERB | teams 1 dobj NOUN | and 1 cc CCONJ"
    " | serve 1 conj VERB | clients 4 dobj NOUN"
)
# "We want to help you"
CONTROLLED = _doc("We 1 nsubj PRON | want 1 ROOT VERB | to 3 aux PART | help 1 xcomp VERB | you 3 dobj PRON")
# "a platform that is second to none"
RELATIVE = _doc(
    "a 1 det DET | platform 1 ROOT NOUN | that 3 nsubj PRON | is 1 relcl AUX | second 3 acomp ADJ"
)
# "There is a gap": an expletive subject
EXPLETIVE = _doc("There 1 expl PRON | is 1 ROOT VERB | a 3 det DET | gap 1 attr NOUN")


def test_own_subject_reads_every_subject_label_unless_narrowed():
    verb = EXPLETIVE[1]
    assert own_subject(verb).text == "There"
    assert own_subject(verb, NOMINAL_SUBJECT_DEPS) is None


def test_a_conjunct_inherits_its_subject():
    serve = COORDINATED[4]
    assert own_subject(serve) is None
    assert subject_of(serve).text == "We"
    assert subject_of(serve, through=()) is None


def test_a_controlled_verb_inherits_only_through_the_labels_asked_for():
    help_ = CONTROLLED[3]
    assert subject_of(help_) is None  # default: conjuncts only
    assert subject_of(help_, through=("xcomp",)).text == "We"
    assert subject_of(help_, through=("xcomp",), steps=0) is None


def test_a_relative_clause_is_about_the_noun_it_describes():
    is_ = RELATIVE[3]
    assert subject_of(is_).text == "that"
    relcl_without_subject = _doc("a 1 det DET | platform 1 ROOT NOUN | built 1 acl VERB | fast 2 advmod ADV")
    assert subject_of(relcl_without_subject[2]) is None
    assert subject_of(relcl_without_subject[2], relative_head=True).text == "platform"


def test_possessed_by_reader():
    doc = _doc("your 1 poss PRON | wife 1 ROOT NOUN | ur 3 poss PRON | team 3 ROOT NOUN")
    assert possessed_by_reader(doc[1]) and possessed_by_reader(doc[3])
    mine = _doc("my 1 poss PRON | wife 1 ROOT NOUN")
    assert not possessed_by_reader(mine[1])


def test_negated():
    doc = _doc("We 3 nsubj PRON | do 3 aux AUX | n't 3 neg PART | know 3 ROOT VERB")
    assert negated(doc[3])
    assert not negated(COORDINATED[1])


def test_quoted_text():
    assert QUOTED_RE.search("your line “ship it Friday” stuck with me")
    assert QUOTED_RE.search("your post 'Why RevOps fails' was")
    assert not QUOTED_RE.search("we're sure it's fine")
