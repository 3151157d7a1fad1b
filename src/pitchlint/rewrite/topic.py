"""The reader's outcome a draft already names, so that the question a rewrite adds is about the
draft's own topic: "Harbor Goods lowered their average shipping cost per order from $9.40 to
$7.85" gives "Is lowering your average shipping cost per order a priority right now?", where a
stock line would leave "{the problem you solve}" for the writer to fill.

Taken from the parse: an outcome verb ("lowered", "raise", "cut") with a direct object that
holds no number, name or merge tag, its possessor turned to the reader ("their" -> "your").
Nothing is invented: the words are the draft's. With no such verb the placeholder stays."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.rules.schema import FixSpec

PROBLEM = "{the problem you solve}"

_GERUNDS = {
    "cut": "cutting",
    "reduce": "reducing",
    "lower": "lowering",
    "raise": "raising",
    "increase": "increasing",
    "grow": "growing",
    "boost": "boosting",
    "improve": "improving",
    "double": "doubling",
    "triple": "tripling",
    "halve": "halving",
    "shorten": "shortening",
    "slash": "slashing",
    "trim": "trimming",
    "lift": "lifting",
    "shrink": "shrinking",
    "decrease": "decreasing",
    "speed": "speeding",
}
_READERS_OWN = frozenset({"their", "its", "his", "her", "your"})
_MAX_WORDS = 7


def with_draft_topic(spec: FixSpec, analysis: Analysis) -> FixSpec:
    """The spec with `{the problem you solve}` filled from the draft's own outcome, when it
    names one; as it was otherwise."""
    if PROBLEM not in spec.replacement:
        return spec
    topic = outcome_topic(analysis)
    if topic is None:
        return spec
    gerund, noun = topic
    text = spec.replacement
    if f"{PROBLEM} a priority" in text:
        text = text.replace(PROBLEM, gerund)
        if noun.startswith("your "):
            text = text.replace(" a priority for you ", " a priority ")
    else:
        text = text.replace(PROBLEM, noun)
    return spec.model_copy(update={"replacement": text})


def outcome_topic(analysis: Analysis) -> tuple[str, str] | None:
    """("lowering your average shipping cost per order", "your average shipping cost per
    order") from the first body sentence with an outcome verb, a sentence with a figure (a
    proof) before one without."""
    if not analysis.doc.has_annotation("DEP"):
        return None
    sentences = [s for s in analysis.body_sentences if not s.text.rstrip().endswith("?")]
    sentences.sort(key=lambda s: not any(t.like_num for t in s))
    for sentence in sentences:
        for verb in sentence:
            found = _topic_of(verb, sentence)
            if found is not None:
                return found
    return None


def _topic_of(verb: Token, sentence: Span) -> tuple[str, str] | None:
    gerund = _GERUNDS.get(verb.lemma_.lower())
    if gerund is None or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1:
        return None  # "cut subcontractor onboarding" parsed as two objects: a compound it split
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i < objects[0].i), None)
    if particle is not None:
        gerund += " " + particle.lower_
    head = objects[0]
    # the object up to its head: "month-end close" of "cut month-end close for finance teams"
    # (what follows the head says whose, or how much: the draft's claim, not the reader's)
    words = [t for t in head.subtree if t.i <= head.i]
    if not sentence.start <= words[0].i <= head.i < sentence.end - 1:
        return None
    after = sentence.doc[head.i + 1]
    if (
        after.pos_ in ("NOUN", "PROPN", "CCONJ")
        or after.tag_ == "VBG"
        or any(c.dep_ == "conj" for c in head.children)
    ):
        # the head is not the phrase's last word ("cuts subcontractor onboarding"), or one of a
        # coordination ("reduces the sales and use tax guesswork" is not about "sales")
        return None
    possessor = [t for t in words if t.dep_ == "poss" and t.head == head]
    owner = possessor[0] if possessor else None
    rest = [t for t in words if owner is None or not (owner.left_edge.i <= t.i <= owner.right_edge.i)]
    if owner is not None and owner.lower_ not in _READERS_OWN and owner.pos_ != "PROPN":
        return None  # "our onboarding", "my team's": the seller's, not the reader's
    if not rest or len(rest) > _MAX_WORDS or any(_names_a_fact(t) for t in rest):
        return None
    if owner is None and rest[0].dep_ == "det":
        if rest[0].lower_ not in ("the", "a", "an"):
            return None  # "these costs", "every order": pointing at the seller's context
        rest = rest[1:]
    phrase = "".join(t.text_with_ws for t in rest).strip()
    if not phrase or not any(t.pos_ == "NOUN" for t in rest):
        return None
    noun = "your " + phrase
    return f"{gerund} {noun}", noun


def _names_a_fact(token: Token) -> bool:
    """A figure, a name or a merge tag: the draft's claim, not the reader's topic."""
    return (
        (token.like_num and token.pos_ != "ADJ")  # "first-time" is no figure
        or token.pos_ in ("PROPN", "NUM", "PRON")
        or any(ch in token.text for ch in "{}[]$%€£")
        or token.is_currency
    )
