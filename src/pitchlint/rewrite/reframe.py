"""Seller-subject benefit claims become reader-subject outcomes (catalog 4.4 and 4.15: "reader
as subject; the seller appears as a helper").

"We will save you money and make ordering business cards very easy" becomes "You'll spend less
and find ordering business cards easy": the parse gives the subject, the modal, the negation
and each coordinated verb; a small table says what each benefit verb becomes when the reader
is the one who gains. A named product stays as the helper ("With Acme, you'll ..."). The reader
may also be "your team" ("We could save your team two days" -> "Your team could save two
days"). A clause the tables do not cover leaves the whole sentence alone: no half-rewritten
sentences.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.text import bounds, capitalise, end_sentence, sentence_at, tidy
from pitchlint.rules.schema import FixSpec

INTENSIFIERS = frozenset({"very", "really", "so", "extremely", "incredibly", "super", "truly", "totally"})
_MONEY = frozenset({"money", "cash", "cost", "costs", "dollar", "dollars", "budget", "spend"})

# benefit verb followed by "you" and a thing: what the reader does instead
_GIVES = {
    "save": "save",
    "give": "get",
    "send": "get",
    "offer": "get",
    "provide": "get",
    "bring": "get",
    "get": "get",
    "show": "see",
}
# benefit verb followed by "you" and an action: "help you close" -> "close", "let you see" -> "can see"
_ENABLES = {"help": "", "let": "can", "allow": "can", "enable": "can", "empower": "can"}
# "keep you compliant" -> "stay compliant"; "keep you from overpaying" -> "avoid overpaying"
_SHIELDS = frozenset({"save", "keep", "protect", "spare", "shield"})
# "save you the hassle": the reader avoids it rather than saves it
_TROUBLE = frozenset({"trouble", "hassle", "headache", "headaches", "pain", "stress", "worry", "worries"})
# idioms whose verb is no action the reader gains: "let you know", "let you down"
_IDIOMS = frozenset({"know", "down", "go"})
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
    "halve": "halve",
    "simplify": "simplify",
    "protect": "protect",
}
_EASE = frozenset(
    {"easy", "easier", "simple", "simpler", "painless", "effortless", "smooth", "smoother", "seamless"}
)
# "make things easy", "make it simple": nothing left for the reader to find easy
_VAGUE = frozenset({"it", "this", "that", "things", "everything", "life", "lives", "them"})
# a customer in a story, as the object of the seller's verb and as a subject
_STORY_SUBJECTS = {"them": "they", "her": "she", "him": "he"}
_STORY_OWNERS = {"their": "they", "her": "she", "his": "he", "its": "it"}
_PAST = {
    "achieve": "achieved",
    "reach": "reached",
    "hit": "hit",
    "close": "closed",
    "win": "won",
    "ship": "shipped",
    "hire": "hired",
    "launch": "launched",
    "finish": "finished",
    "stop": "stopped",
    "reduce": "reduced",
    "increase": "increased",
    "boost": "boosted",
    "lower": "lowered",
    "earn": "earned",
    "gain": "gained",
    "recover": "recovered",
    "expand": "expanded",
    "enter": "entered",
    "raise": "raised",
    "halve": "halved",
    "collect": "collected",
    "file": "filed",
    "go": "went",
    "become": "became",
    "make": "made",
    "keep": "kept",
    "sell": "sold",
    "pay": "paid",
    "catch": "caught",
    "move": "moved",
    "scale": "scaled",
    "onboard": "onboarded",
    "ramp": "ramped",
    "eliminate": "eliminated",
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
    "avoid": "avoided",
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
_DO = frozenset({"do", "does", "did"})
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
# adverbs between the seller and the verb: kept ("you also save"), or dropped as hype
_KEPT_ADVERBS = frozenset({"also", "often", "usually", "typically", "still", "now", "already"})
_DROPPED_ADVERBS = frozenset({"really", "truly", "always", "even", "actually", "just", "literally"})
_END_PUNCT = re.compile(r"^[.!?,;:…]+$")


@dataclass(frozen=True)
class Outcome:
    verb: str  # base form of the gainer's verb ("" when the rest is already a verb phrase)
    rest: str
    modal_verb: bool = False  # "can see": the verb is itself a modal
    who: str | None = None  # the one who gains, named as the object: "you", "your team", "Globex"
    owner: str | None = None  # the one who gains, implied by "your"/"their" in the object
    third: bool = False  # the gainer takes "saves", "doesn't"
    chained: bool = False  # "achieve X and reduce Y": more verbs that would need inflecting


@move("reader-as-subject")
def reader_as_subject(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """The sentence of the finding, reframed."""
    sentence = sentence_at(analysis, start)
    return _reframe_edits(analysis, [sentence] if sentence is not None else [])


@move("reader-as-subject-everywhere")
def reader_as_subject_everywhere(
    analysis: Analysis, start: int, end: int, spec: FixSpec
) -> Sequence[Edit] | None:
    """Every seller-subject sentence of the body that reframes (a ratio finding is about the
    whole draft, not the sentence it points at)."""
    return _reframe_edits(analysis, list(analysis.body_sentences))


@move("customer-as-subject")
def customer_as_subject(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A case story told with the customer as the one who gains, the seller as the guide
    (catalog 4.4): "We helped Globex achieve 300% ROI" -> "With our help, Globex achieved ...".
    Only outcomes move: who rebuilt a pipeline is a fact the writer must retell."""
    sentence = sentence_at(analysis, start)
    rewritten = reframe_sentence(analysis, sentence, story=True) if sentence is not None else None
    return (Edit(*bounds(sentence), rewritten),) if sentence is not None and rewritten else None


def _reframe_edits(analysis: Analysis, sentences: list[Span]) -> Sequence[Edit] | None:
    edits = []
    named: set[str] = set()  # "With Acme," once: later sentences need not repeat the helper
    for sentence in sentences:
        rewritten = reframe_sentence(analysis, sentence, named=named)
        if rewritten is not None:
            edits.append(Edit(*bounds(sentence), rewritten))
    return tuple(edits) or None


def reframe_sentence(
    analysis: Analysis, sentence: Span, *, story: bool = False, named: set[str] | None = None
) -> str | None:
    """The sentence with the reader (or, in a `story`, the customer) as subject, or None when
    any part of it resists. `named`: helpers earlier sentences already named (and gets this
    one's)."""
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if root.pos_ not in ("VERB", "AUX") or subject is None or analysis.agency_of(subject) != "seller":
        return None
    if root.tag_ not in ("VB", "VBP", "VBZ", "VBD") or any(c.dep_ == "preconj" for c in root.children):
        return None  # "have saved", "are saving"; "not only ... but": leave it to a person
    if any(c.i < subject.i and c.dep_ in ("aux", "neg") for c in root.children):
        return None  # "Could we save you ...?": a question to the seller, not a claim
    if any(c.dep_ in ("relcl", "acl", "appos") for c in subject.subtree if c.pos_ != "PROPN"):
        return None  # "Our platform, which 500 teams use, ...": too much to carry as a helper
    verbs = [root, *root.conjuncts]
    for verb in verbs[1:]:
        if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "neg") for c in verb.children):
            return None
    tense = _tense(root)
    adverbs = _adverbs(subject, root)
    if tense is None or adverbs is None:
        return None
    modal, negated, past = tense
    if (negated and adverbs) or (story and (modal or negated or not past)):
        return None  # "we also don't ...": word order a person should choose; stories are past
    outcomes = []
    for index, verb in enumerate(verbs):
        rest = sentence.doc[verb.i + 1 : _conjunct_end(verbs, index, sentence)]
        outcome = _outcome(analysis, verb, rest, story=story)
        if outcome is None:
            return None
        outcomes.append(outcome)
    gainer = outcomes[0].who or outcomes[0].owner
    if gainer is None or not all(_same_gainer(o, gainer, story) for o in outcomes[1:]):
        return None  # "save you time and help your team ...": whose outcome is it?
    if past and any(o.modal_verb for o in outcomes):
        return None
    phrases = []
    for index, outcome in enumerate(outcomes):
        phrase = _verb_phrase(
            outcome, modal, negated, past, first=index == 0, third=outcomes[0].third, pronoun=gainer == "you"
        )
        if phrase is None:
            return None
        if index == 0 and adverbs:
            phrase = _with_adverbs(phrase, adverbs, modal is not None)
        phrases.append(phrase)
    separators = [_separator(verbs, i, sentence) for i in range(1, len(verbs))]
    body = gainer + phrases[0] + "".join(sep + p for sep, p in zip(separators, phrases[1:], strict=True))
    lead = analysis.draft.text[bounds(sentence)[0] : _phrase_start(subject)]
    helper = _helper(subject) or (("my help" if subject.lower_ == "i" else "our help") if story else "")
    if named is not None and helper:
        if helper.lower() in named:
            helper = ""
        else:
            named.add(helper.lower())
    if helper:
        opener = lead.strip().lower()
        if opener and not opener.endswith(",") and opener not in ("and", "but", "so", "or", "yet"):
            # "Last spring, with our help, ..."; "But with Acme, ..."
            lead = lead.rstrip() + ", "
        lead += f"with {helper}, "
    mark = sentence.text.rstrip()[-1:]
    return end_sentence(capitalise(tidy(lead + body)), mark if mark in ("?", "!") else ".")


def _same_gainer(outcome: Outcome, gainer: str, story: bool) -> bool:
    """A later verb gains for the same one: "... and cut your costs" (an owner is shared),
    "saved Globex X and helped them Y" (in a story, "them" is the customer)."""
    if outcome.who is None:
        return True
    return outcome.who.lower() == gainer.lower() or (story and outcome.who in _STORY_SUBJECTS.values())


def _tense(root: Token) -> tuple[str | None, bool, bool] | None:
    """(modal, negated, past); None for auxiliaries the reframe cannot carry ("have", "be")."""
    modal = None
    for child in root.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        if child.lower_ in _MODALS:
            modal = _MODALS[child.lower_]
        elif child.lower_ not in _DO:
            return None
    negated = any(c.dep_ == "neg" for c in root.children)
    past = root.tag_ == "VBD" or any(c.lower_ == "did" for c in root.children)
    return modal, negated, past


def _adverbs(subject: Token, root: Token) -> list[str] | None:
    """Adverbs between the seller and the verb: "also" stays, "really" goes, others resist."""
    kept = []
    for child in root.children:
        if child.dep_ != "advmod" or not subject.i < child.i < root.i:
            continue
        if child.lower_ in _KEPT_ADVERBS:
            kept.append(child.lower_)
        elif child.lower_ not in _DROPPED_ADVERBS:
            return None
    return kept


def _with_adverbs(phrase: str, adverbs: list[str], after_auxiliary: bool) -> str:
    """ "you also save", "you'll also save": the adverb goes after the modal, if any."""
    words = " ".join(adverbs)
    if after_auxiliary:
        auxiliary, _, rest = phrase.strip().partition(" ")
        return (" " if not phrase.startswith(("'", "’")) else "") + f"{auxiliary} {words} {rest}"
    return f" {words}{phrase}"


def _conjunct_end(verbs: list[Token], index: int, sentence: Span) -> int:
    """Where verb `index`'s words stop: at the "and" before the next verb, or the sentence end."""
    doc = sentence.doc
    if index + 1 < len(verbs):
        following = verbs[index + 1]
        stop = following.i
        cc = _cc_before(verbs, index + 1, sentence)
        if cc is not None:
            stop = cc.i
        while stop > verbs[index].i + 1 and (doc[stop - 1].text == "," or doc[stop - 1].is_space):
            stop -= 1
        return stop
    stop = sentence.end
    while stop > verbs[index].i + 1 and (_END_PUNCT.match(doc[stop - 1].text) or doc[stop - 1].is_space):
        stop -= 1
    return stop


def _cc_before(verbs: list[Token], index: int, sentence: Span) -> Token | None:
    """The "and"/"or" that joins verb `index` to the one before it, if any."""
    heads = {v.i for v in verbs}
    between = sentence.doc[verbs[index - 1].i : verbs[index].i]
    return next((t for t in reversed(between) if t.dep_ == "cc" and t.head.i in heads), None)


def _separator(verbs: list[Token], index: int, sentence: Span) -> str:
    """How verb `index` joined the one before: ", ", " and ", ", and " (kept from the draft)."""
    doc = sentence.doc
    cc = _cc_before(verbs, index, sentence)
    end = cc.i if cc is not None else verbs[index].i
    comma = end > 0 and doc[end - 1].text == ","
    return ("," if comma else "") + (" " + cc.lower_ + " " if cc is not None else " ")


def _outcome(analysis: Analysis, verb: Token, rest: Span, *, story: bool) -> Outcome | None:
    words = [t for t in rest if not _intensifier(t)]
    if not words or any(_loose_verb(t, words) for t in words):
        return None
    if words[0].lower_ in ("you", "them") and words[0].conjuncts:  # "you and your team"
        return None
    lemma = verb.lemma_.lower()
    who, tail, third = _story_gainer(analysis, words) if story else _reader(words)
    again = _STORY_SUBJECTS if story else {"you": "you"}
    if who is not None and not any(t.lower_ in again and t.dep_ in ("dobj", "dative") for t in tail):
        # "save you X", "help your team Y"; not "help you close and save you money" (two gains)
        outcome = _given(lemma, tail) or _enabled(lemma, tail) or _shielded(lemma, tail)
        if outcome is not None:
            return dataclasses.replace(outcome, who=who, third=third)
    owner = (_STORY_OWNERS if story else {"your": "you"}).get(words[0].lower_)
    if lemma in _ON_YOURS and owner is not None:  # "reduce your costs", "cut their return rate"
        return Outcome(_ON_YOURS[lemma], _text(words), owner=owner, third=owner in ("she", "he", "it"))
    if lemma == "make" and not story and words[-1].lower_ in _EASE and len(words) > 1:
        object_words = [t for t in words[:-1] if t.pos_ != "DET"]
        if not object_words or all(t.lower_ in _VAGUE or t.pos_ == "PRON" for t in object_words):
            return None
        if words[0].lower_ in _VAGUE or words[-2].lower_ in _VAGUE:  # "make your life easier"
            return None
        return Outcome("find", _text(words), owner="you")
    return None


def _loose_verb(token: Token, words: list[Token]) -> bool:
    """A verb the parse did not join to the ones reframed ("We reduce your costs, save/dep you
    time"): reframing around it would leave it with the seller's grammar."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("dep", "conj", "parataxis"):
        return False
    return not (token.head.pos_ in ("VERB", "AUX") and token.head.i in {t.i for t in words})


def _reader(words: list[Token]) -> tuple[str | None, list[Token], bool]:
    """The reader at the head of the words ("you", "your team"), who gains; the words after
    it; and whether it takes "saves" ("your team") or "save" ("you", "your reps")."""
    if words[0].lower_ == "you":
        return ("you", words[1:], False) if len(words) > 1 else (None, words, False)
    if words[0].lower_ != "your":
        return None, words, False
    noun = next((t for t in words if t.left_edge.i == words[0].i and t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or noun.right_edge.i != noun.i or noun.dep_ not in ("dobj", "dative", "nsubj"):
        return None, words, False
    if noun.tag_ not in ("NN", "NNS") or not any(t.i > noun.i for t in words):
        return None, words, False
    return _text(words[: noun.i - words[0].i + 1]), [t for t in words if t.i > noun.i], noun.tag_ == "NN"


def _story_gainer(analysis: Analysis, words: list[Token]) -> tuple[str | None, list[Token], bool]:
    """The customer at the head of the words ("Globex", "one of our clients", "them" ->
    "they"); the words after it; and whether it takes "saves"."""
    first = words[0]
    if first.lower_ in _STORY_SUBJECTS and first.dep_ in ("dobj", "dative", "nsubj") and len(words) > 1:
        subject = _STORY_SUBJECTS[first.lower_]
        return subject, words[1:], subject != "they"
    noun = next(
        (t for t in words if t.left_edge.i == first.i and t.dep_ in ("dobj", "dative", "nsubj")), None
    )
    if noun is None or noun.right_edge.i >= words[-1].i or noun.i < first.i:
        return None, words, False
    if noun.pos_ not in ("NOUN", "PROPN") and noun.lower_ != "one":
        return None, words, False
    if noun.pos_ == "PRON" or analysis.agency_of(noun) != "other":
        return None, words, False  # the seller's or the reader's own
    phrase = [t for t in words if t.i <= noun.right_edge.i]
    if any(t.lower_ in ("you", "your", "we", "our", "us") and t.head.i == noun.i for t in phrase):
        return None, words, False  # "your team", "our team": not a third party
    third = noun.tag_ in ("NN", "NNP") or noun.lower_ == "one"
    return _text(phrase), [t for t in words if t.i > noun.right_edge.i], third


def _given(lemma: str, tail: list[Token]) -> Outcome | None:
    """ "save you money on freight" -> "spend less on freight"; "give you X" -> "get X"."""
    if lemma not in _GIVES:
        return None
    if lemma == "provide" and tail[0].lower_ == "with":
        tail = tail[1:]
    if not tail:
        return None
    if tail[0].pos_ in ("ADP", "PART") and tail[0].lower_ != "back" and tail[0].dep_ != "quantmod":
        return None  # "save you from X", "get you to X": not a thing the reader gets
    if lemma == "save" and tail[0].lower_ in _MONEY and not tail[0].conjuncts:
        return Outcome("spend", " ".join(("less", _text(tail[1:]))).strip())
    if lemma == "save" and any(t.lower_ in _TROUBLE and t.dep_ == "dobj" for t in tail):
        return Outcome("avoid", _text(tail))  # "save you the hassle" -> "avoid the hassle"
    if lemma == "get" and tail[0].tag_ == "VBN":  # "get you paid faster"
        return Outcome("get", _text(tail))
    if tail[0].pos_ in ("VERB", "AUX"):
        return None
    return Outcome(_GIVES[lemma], _text(tail))


def _enabled(lemma: str, tail: list[Token]) -> Outcome | None:
    """ "help you close faster" -> "close faster"; "let you see X" -> "can see X"."""
    if lemma not in _ENABLES:
        return None
    if tail[0].lower_ == "to":
        tail = tail[1:]
    if not tail or tail[0].tag_ != "VB" or tail[0].lower_ in _IDIOMS or tail[0].lemma_ in _IDIOMS:
        return None
    if _ENABLES[lemma] == "can":
        return Outcome("can", _text(tail), modal_verb=True)
    chained = any(t.dep_ == "conj" and t.pos_ == "VERB" and t.head.i == tail[0].i for t in tail)
    return Outcome("", _text(tail), chained=chained)


def _shielded(lemma: str, tail: list[Token]) -> Outcome | None:
    """ "keep you compliant" -> "stay compliant"; "keep you from overpaying" -> "avoid overpaying"."""
    if lemma not in _SHIELDS:
        return None
    if tail[0].lower_ == "from" and len(tail) > 1:
        return Outcome("avoid", _text(tail[1:]))
    if lemma == "keep" and (tail[0].pos_ == "ADJ" or tail[0].lower_ in ("on", "in", "ahead", "up")):
        return Outcome("stay", _text(tail))
    return None


def _intensifier(token: Token) -> bool:
    """ "very" in "very easy"; not "so" in "so that"."""
    return (
        token.lower_ in INTENSIFIERS
        and token.dep_ == "advmod"
        and token.head.tag_ in ("JJ", "JJR", "RB", "RBR")
    )


def _verb_phrase(
    outcome: Outcome,
    modal: str | None,
    negated: bool,
    past: bool,
    *,
    first: bool,
    third: bool,
    pronoun: bool,
) -> str | None:
    """' will spend less', "'ll find X easy", ' can see X', " don't cut X"; later conjuncts
    drop the auxiliary they share with the first ("you'll spend less and find ..."). `third`:
    the reader is "your team", which takes "saves" and "doesn't"."""
    verb, rest = outcome.verb, outcome.rest
    if outcome.modal_verb:  # "lets you see" -> "can see" / "will be able to see"
        if modal in (None, "can") and not first:
            return None if negated else " can " + rest  # "you spend less and can see X"
        if modal in (None, "can"):
            modal, verb = "can", ""
        else:
            verb = "be able to"
    words = " ".join(w for w in (verb, rest) if w)
    if modal or negated:
        if not first:  # the auxiliary carries over: "you won't X and Y"
            return " " + words
        if modal and negated:
            return f" {_NEGATED[modal]} {words}"
        if modal:
            return (_CONTRACTED[modal] if pronoun and modal in _CONTRACTED else " " + modal) + " " + words
        do = "didn't" if past else ("doesn't" if third else "don't")
        return f" {do} {words}"
    if outcome.chained and (past or third):
        return None  # "achieved X and reduce Y": the second verb would keep its base form
    head, _, tail = words.partition(" ")
    if past:
        if head not in _PAST:
            return None
        head = _PAST[head]
    elif third:
        head = _third_person(head)
    return " " + " ".join(w for w in (head, tail) if w)


def _third_person(verb: str) -> str:
    """ "save" -> "saves", "simplify" -> "simplifies" (regular verbs, plus the few irregular)."""
    irregular = {"be": "is", "have": "has", "do": "does", "go": "goes", "can": "can"}
    if verb in irregular:
        return irregular[verb]
    if re.search(r"(s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


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
