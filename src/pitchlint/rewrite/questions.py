"""Questions the catalog wants changed: a loaded yes/no question becomes an open question about
current practice (catalog 4.15), a presumed pain becomes a hedged observation the reader can
correct ("is that true for you?")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from pitchlint.analysis import Analysis
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.deletes import delete_sentence
from pitchlint.rewrite.text import bounds, sentence_at
from pitchlint.rules.schema import FixSpec

# "But are you 100% confident in the result?" -> "How confident are you in the result?"
_QUALIFIERS = r"100%|\d+%|really|completely|totally|fully|absolutely|truly|entirely"
_ADJECTIVES = (
    r"confident|sure|certain|happy|satisfied|comfortable|prepared|ready|protected|safe"
    r"|focused|compliant|aligned|accurate|secure"
)
_HOW_RE = re.compile(
    rf"^(?:but |so |and )?(?P<verb>are|is|were|was)"
    rf" (?P<subject>you|they|we|your(?: (?!(?:{_QUALIFIERS}|{_ADJECTIVES})\b)[\w-]+){{1,2}})"
    rf"(?: (?:{_QUALIFIERS}))?"
    rf" (?P<adj>{_ADJECTIVES})"
    # "confident enough to ...", "too sure": the degree is already said, "how" cannot take it
    r"(?! enough\b| too\b)(?P<rest>.*?)\s*\?$",
    re.I | re.S,
)
# what follows the adjective is a whole clause: it needs "that" ("confident you're audit proof")
_CLAUSE_START_RE = re.compile(r"^\s*(?:you|your|they|it|we|the|this|these|those|all|every)\b", re.I)


@move("open-question")
def open_question(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """The first loaded question of a paragraph becomes an open one; a second one in the same
    paragraph is one too many and goes."""
    sentence = sentence_at(analysis, start)
    if sentence is None:
        return None
    first, last = bounds(sentence)
    earlier = [
        q
        for q in analysis.questions
        if q.kind == "loaded"
        and q.sentence.start < sentence.start
        and "\n\n" not in analysis.draft.text[q.sentence.end_char : first]
    ]
    if earlier:
        return delete_sentence(analysis, start, end, spec)
    text = analysis.draft.text[first:last]
    match = _HOW_RE.match(text)
    # "sure that's right?": "that" is the subject there, and "how sure ... that that's" is ugly
    if match and not re.match(r"\s*that(?:['’]s| is| was| will| would)\b", match.group("rest"), re.I):
        rest = match.group("rest")
        if _CLAUSE_START_RE.match(rest):  # "confident you're audit proof" -> "... that you're ..."
            rest = " that" + rest
        verb = match.group("verb").lower()
        return (
            Edit(first, last, f"How {match.group('adj').lower()} {verb} {match.group('subject')}{rest}?"),
        )
    if not spec.replacement or spec.replacement.lower() in analysis.draft.text.lower():
        return None
    return (Edit(first, last, spec.replacement),)


# a guess or a certainty about the reader that "may" replaces: "You're probably / clearly ..."
_GUESSES = frozenset(
    {
        "probably",
        "likely",
        "surely",
        "definitely",
        "certainly",
        "undoubtedly",
        "clearly",
        "obviously",
        "evidently",
    }
)


def _delete_word(text: str, start: int, end: int) -> Edit:
    return Edit(start, end + 1, "") if text[end : end + 1] == " " else Edit(start, end, "")


# the auxiliary the reader's verb has, and what it becomes: "you're losing" -> "you may be
# losing", "your team has been" -> "your team may have been", "you must be" -> "you may be"
_HEDGEABLE_AUX = {
    "are": "may be",
    "is": "may be",
    "'re": " may be",
    "’re": " may be",
    "have": "may have",
    "has": "may have",
    "'ve": " may have",
    "’ve": " may have",
    "must": "may",
}


def _hedged_verb(verb: Token) -> Edit | None:
    """ "may" into the reader's own verb, keeping it grammatical: "you spend" -> "you may
    spend", "your team spends" -> "your team may spend", "you are" -> "you may be"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    if auxes:
        aux = auxes[0]
        # "have been losing", "must be drowning": only the first auxiliary takes the hedge
        if aux.lower_ not in _HEDGEABLE_AUX or any(a.lower_ not in ("be", "been") for a in auxes[1:]):
            return None
        return Edit(aux.idx, aux.idx + len(aux.text), _HEDGEABLE_AUX[aux.lower_])
    if verb.lemma_ == "be":  # "you are in the weeds", "your process is broken"
        if verb.lower_ not in _HEDGEABLE_AUX or _HEDGEABLE_AUX[verb.lower_].strip() != "may be":
            return None
        return Edit(verb.idx, verb.idx + len(verb.text), _HEDGEABLE_AUX[verb.lower_])
    if verb.tag_ in ("VBP", "VB"):
        return Edit(verb.idx, verb.idx, "may ")
    if verb.tag_ == "VBZ" and verb.lemma_.isalpha() and verb.lemma_.islower():  # "spends" -> "may spend"
        return Edit(verb.idx, verb.idx + len(verb.text), f"may {verb.lemma_}")
    return None


@move("hedge-presumption")
def hedge_presumption(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """ "You spend tons of time on X." -> "You may spend tons of time on X. Is that true for
    you?": the reader's verb gets "may", and the reader gets the last word."""
    sentence = sentence_at(analysis, start)
    if sentence is None:
        return None
    clause = next((c for c in analysis.clauses_in(sentence) if c.main and c.agency == "reader"), None)
    if clause is None or clause.subject is None:
        return None
    verb = clause.verb
    hedge = _hedged_verb(verb)
    if hedge is None:
        return None
    text = analysis.draft.text
    # "You're probably wasting hours": "may" replaces the guess rather than joining it
    edits: list[Edit] = [
        _delete_word(text, c.idx, c.idx + len(c.text))
        for c in verb.children
        if c.dep_ == "advmod" and c.lower_ in _GUESSES and c.i < verb.i
    ]
    edits.append(hedge)
    tail = bounds(sentence)[1]
    if spec.replacement and spec.replacement.lower() not in text[tail : tail + 80].lower():
        if text[tail - 1 : tail] == "!":  # a hedged guess is not exclaimed
            edits.append(Edit(tail - 1, tail, "."))
        edits.append(Edit(tail, tail, " " + spec.replacement))
    return tuple(edits)
