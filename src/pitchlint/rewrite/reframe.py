"""Seller-subject benefit claims become reader-subject outcomes (catalog 4.4 and 4.15: "reader
as subject; the seller appears as a helper").

"We will save you money and make ordering business cards very easy" becomes "You'll spend less
and find ordering business cards easy": the parse gives the subject, the modal, the negation
and each coordinated verb; a small table says what each benefit verb becomes when the reader
is the one who gains. A named product stays as the helper ("With Acme, you'll ..."). A clause
the table does not cover leaves the whole sentence alone: no half-rewritten sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pitchlint.context import RuleContext
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.text import bounds, capitalise, end_sentence, sentence_at, tidy
from pitchlint.rules.schema import FixSpec

INTENSIFIERS = frozenset({"very", "really", "so", "extremely", "incredibly", "super", "truly", "totally"})
_MONEY = frozenset({"money", "cash", "cost", "costs", "dollar", "dollars", "budget", "spend"})

# benefit verb followed by "you": what the reader does instead (verb, how the rest attaches)
_TO_YOU = {
    "save": "save",
    "give": "get",
    "send": "get",
    "offer": "get",
    "provide": "get",
    "bring": "get",
    "get": "get",
    "show": "see",
    "help": "",  # "help you close faster" -> "close faster"
    "let": "can",
    "allow": "can",
    "enable": "can",
    "empower": "can",
    "keep": "stay",
}
# effect verb followed by "your X": the reader does it to their own X
_ON_YOURS = {
    "reduce": "cut",
    "cut": "cut",
    "lower": "cut",
    "decrease": "cut",
    "increase": "grow",
    "boost": "grow",
    "grow": "grow",
    "raise": "grow",
    "improve": "improve",
    "double": "double",
    "triple": "triple",
    "simplify": "simplify",
    "protect": "protect",
}
_EASE = frozenset(
    {
        "easy",
        "easier",
        "simple",
        "simpler",
        "painless",
        "effortless",
        "fast",
        "faster",
        "quick",
        "quicker",
        "smooth",
        "smoother",
    }
)
_PAST = {
    "save": "saved",
    "get": "got",
    "see": "saw",
    "stay": "stayed",
    "find": "found",
    "cut": "cut",
    "grow": "grew",
    "improve": "improved",
    "double": "doubled",
    "triple": "tripled",
    "simplify": "simplified",
    "protect": "protected",
    "spend": "spent",
}
_MODALS = {
    "will": "will",
    "'ll": "will",
    "’ll": "will",
    "wo": "will",
    "shall": "will",
    "would": "would",
    "'d": "would",
    "’d": "would",
    "can": "can",
    "ca": "can",
    "could": "could",
    "may": "may",
    "might": "might",
    "should": "should",
}
_NEGATED = {
    "will": "won't",
    "would": "wouldn't",
    "can": "can't",
    "could": "couldn't",
    "may": "may not",
    "might": "might not",
    "should": "shouldn't",
}
_CONTRACTED = {"will": "'ll", "would": "'d"}


@dataclass(frozen=True)
class Outcome:
    verb: str  # base form of the reader's verb ("" when the rest is already a verb phrase)
    rest: str
    modal_verb: bool = False  # "can see": the verb is itself a modal


@move("reader-as-subject")
def reader_as_subject(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """The sentence of the finding, reframed."""
    sentence = sentence_at(ctx.analysis, start)
    return _reframe_edits(ctx, [sentence] if sentence is not None else [])


@move("reader-as-subject-everywhere")
def reader_as_subject_everywhere(
    ctx: RuleContext, start: int, end: int, spec: FixSpec
) -> Sequence[Edit] | None:
    """Every seller-subject sentence of the body that reframes (a ratio finding is about the
    whole draft, not the sentence it points at)."""
    return _reframe_edits(ctx, list(ctx.analysis.body_sentences))


def _reframe_edits(ctx: RuleContext, sentences: list[Span]) -> Sequence[Edit] | None:
    edits = []
    for sentence in sentences:
        rewritten = reframe_sentence(ctx, sentence)
        if rewritten is not None:
            edits.append(Edit(*bounds(sentence), rewritten))
    return tuple(edits) or None


def reframe_sentence(ctx: RuleContext, sentence: Span) -> str | None:
    """The sentence with the reader as subject, or None when any part of it resists."""
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if root.pos_ not in ("VERB", "AUX") or subject is None or ctx.analysis.agency_of(subject) != "seller":
        return None
    if any(c.dep_ == "preconj" for c in root.children):  # "not only ... but": leave it to a person
        return None
    verbs = [root, *root.conjuncts]
    if any(any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in verbs[1:]):
        return None
    modal, negated, tense = _tense(root)
    outcomes = []
    for index, verb in enumerate(verbs):
        stop = _conjunct_end(verbs, index, sentence)
        outcome = _outcome(verb, sentence.doc[verb.i + 1 : stop])
        if outcome is None:
            return None
        outcomes.append(outcome)
    if tense == "past" and any(o.verb == "" or o.modal_verb for o in outcomes):
        return None
    lead = ctx.draft.text[bounds(sentence)[0] : _phrase_start(subject)]
    helper = _helper(subject)
    phrases = [_verb_phrase(o, modal, negated, tense, first=i == 0) for i, o in enumerate(outcomes)]
    body = "you" + phrases[0] + "".join(" and" + p for p in phrases[1:])
    text = lead + (f"with {helper}, " if helper else "") + body
    return end_sentence(capitalise(tidy(text)), "?" if sentence.text.rstrip().endswith("?") else ".")


def _tense(root: Token) -> tuple[str | None, bool, str]:
    modal = next((_MODALS[c.lower_] for c in root.children if c.dep_ == "aux" and c.lower_ in _MODALS), None)
    negated = any(c.dep_ == "neg" for c in root.children)
    tense = "past" if root.tag_ == "VBD" or any(c.lower_ == "did" for c in root.children) else "present"
    return modal, negated, tense


def _conjunct_end(verbs: list[Token], index: int, sentence: Span) -> int:
    """Where verb `index`'s words stop: at the "and" before the next verb, or the sentence end."""
    if index + 1 < len(verbs):
        following = verbs[index + 1]
        cc = [
            t
            for t in sentence.doc[verbs[index].i : following.i]
            if t.dep_ == "cc" and t.head.i in (verbs[0].i, verbs[index].i)
        ]
        if cc:
            stop = cc[-1].i
            while stop > verbs[index].i + 1 and sentence.doc[stop - 1].is_punct:
                stop -= 1
            return stop
        return following.i
    stop = sentence.end
    while stop > verbs[index].i + 1 and (sentence.doc[stop - 1].is_punct or sentence.doc[stop - 1].is_space):
        stop -= 1
    return stop


def _outcome(verb: Token, rest: Span) -> Outcome | None:
    words = [t for t in rest if not _intensifier(t)]
    if not words:
        return None
    lemma = verb.lemma_.lower()
    first = words[0].lower_
    if lemma in _TO_YOU and first == "you" and len(words) > 1:
        tail = words[1:]
        target = _TO_YOU[lemma]
        if tail[0].lower_ == "to" or (lemma == "provide" and tail[0].lower_ == "with"):
            tail = tail[1:]
        text = _text(tail)
        if not text:
            return None
        if lemma == "save" and tail[0].lower_ in _MONEY:  # "save you money on freight"
            return Outcome("spend", " ".join(("less", _text(tail[1:]))).strip())
        if target == "can":
            return Outcome("can", text, modal_verb=True)
        return Outcome(target, text)
    if lemma in _ON_YOURS and first == "your":
        return Outcome(_ON_YOURS[lemma], _text(words))
    if lemma == "make" and words[-1].lower_ in _EASE and len(words) > 1:
        return Outcome("find", _text(words))
    return None


def _intensifier(token: Token) -> bool:
    """ "very" in "very easy"; not "so" in "so that"."""
    return (
        token.lower_ in INTENSIFIERS
        and token.dep_ == "advmod"
        and token.head.tag_ in ("JJ", "JJR", "RB", "RBR")
    )


def _verb_phrase(outcome: Outcome, modal: str | None, negated: bool, tense: str, *, first: bool) -> str:
    """' will spend less', "'ll find X easy", ' can see X', " don't cut X"; later conjuncts
    drop the modal they share with the first ("you'll spend less and find ...")."""
    verb, rest = outcome.verb, outcome.rest
    if outcome.modal_verb:  # "lets you see" -> "can see" / "will be able to see"
        if modal in (None, "can"):
            modal, verb = "can", ""
        else:
            verb = "be able to"
    words = " ".join(w for w in (verb, rest) if w)
    if not first:  # the modal and negation carry over: "you won't X and Y"
        return " " + words
    if modal:
        if negated:
            return f" {_NEGATED[modal]} {words}"
        return (_CONTRACTED.get(modal, " " + modal)) + " " + words
    if negated:
        return f" {'didn' if tense == 'past' else 'don'}'t {words}"
    if tense == "past" and verb in _PAST:
        return " " + " ".join(w for w in (_PAST[verb], rest) if w)
    return " " + words


def _phrase_start(subject: Token) -> int:
    return min(t.idx for t in subject.subtree)


def _helper(subject: Token) -> str:
    """A named or described seller ("Acme", "our platform") stays as the helper; "we" goes."""
    if subject.pos_ == "PRON" and not any(c.pos_ == "PROPN" for c in subject.children):
        return ""
    words = [t for t in subject.subtree if not t.is_punct]
    if subject.pos_ == "PRON":
        words = [t for t in subject.children if t.pos_ == "PROPN"]
    text = _text(words)
    return text[0].lower() + text[1:] if text[:1].isupper() and words[0].pos_ != "PROPN" else text


def _text(tokens: Sequence[Token] | Span) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()
