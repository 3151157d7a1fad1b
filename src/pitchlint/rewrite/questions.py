"""Questions the catalog wants changed: a loaded yes/no question becomes an open question about
current practice (catalog 4.15), a presumed pain becomes a hedged observation the reader can
correct ("is that true for you?")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pitchlint.context import RuleContext
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.deletes import delete_sentence
from pitchlint.rewrite.text import bounds, sentence_at
from pitchlint.rules.schema import FixSpec

# "But are you 100% confident in the result?" -> "How confident are you in the result?"
_HOW_RE = re.compile(
    r"^(?:but |so |and )?(?P<verb>are|is|were|was) (?P<subject>you|your \w+|they|we)"
    r"(?: (?:100%|\d+%|really|completely|totally|fully|absolutely|truly|entirely))?"
    r" (?P<adj>confident|sure|certain|happy|satisfied|comfortable|prepared|ready|covered|protected|safe"
    r"|focused|compliant|aligned|accurate|secure)"
    r"(?P<rest>.*?)\s*\?$",
    re.I | re.S,
)
_CLAUSE_START_RE = re.compile(r"^\s*(?:you|your|they|it|we|the|this|that|all|every)\b", re.I)


@move("open-question")
def open_question(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """The first loaded question of a paragraph becomes an open one; a second one in the same
    paragraph is one too many and goes."""
    sentence = sentence_at(ctx.analysis, start)
    if sentence is None:
        return None
    first, last = bounds(sentence)
    earlier = [
        q
        for q in ctx.analysis.questions
        if q.kind == "loaded"
        and q.sentence.start < sentence.start
        and "\n\n" not in ctx.draft.text[q.sentence.end_char : first]
    ]
    if earlier:
        return delete_sentence(ctx, start, end, spec)
    text = ctx.draft.text[first:last]
    match = _HOW_RE.match(text)
    if match:
        rest = match.group("rest")
        if _CLAUSE_START_RE.match(rest):  # "confident you're audit proof" -> "... that you're ..."
            rest = " that" + rest
        verb = match.group("verb").lower()
        return (
            Edit(first, last, f"How {match.group('adj').lower()} {verb} {match.group('subject')}{rest}?"),
        )
    if not spec.replacement or spec.replacement.lower() in ctx.draft.text.lower():
        return None
    return (Edit(first, last, spec.replacement),)


_GUESSES = frozenset({"probably", "likely", "surely", "definitely", "certainly", "undoubtedly"})


def _delete_word(text: str, start: int, end: int) -> Edit:
    return Edit(start, end + 1, "") if text[end : end + 1] == " " else Edit(start, end, "")


_HEDGEABLE_AUX = {"are": "may be", "is": "may be", "'re": " may be", "’re": " may be"}


@move("hedge-presumption")
def hedge_presumption(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """ "You spend tons of time on X." -> "You may spend tons of time on X. Is that true for
    you?": the reader's verb gets "may", and the reader gets the last word."""
    sentence = sentence_at(ctx.analysis, start)
    if sentence is None:
        return None
    clause = next(
        (c for c in ctx.analysis.clauses if c.sentence == sentence and c.main and c.agency == "reader"), None
    )
    if clause is None or clause.subject is None:
        return None
    verb = clause.verb
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    # "You're probably wasting hours": "may" replaces the guess rather than joining it
    edits: list[Edit] = [
        _delete_word(ctx.draft.text, c.idx, c.idx + len(c.text))
        for c in verb.children
        if c.dep_ == "advmod" and c.lower_ in _GUESSES and c.i < verb.i
    ]
    if auxes:
        aux = auxes[0]
        if aux.lower_ not in _HEDGEABLE_AUX or len(auxes) > 1:
            return None
        edits.append(Edit(aux.idx, aux.idx + len(aux.text), _HEDGEABLE_AUX[aux.lower_]))
    elif verb.tag_ in ("VBP", "VB") and verb.lower_ not in ("'re", "’re"):
        edits.append(Edit(verb.idx, verb.idx, "may "))
    elif verb.lemma_ == "be" and verb.tag_ == "VBP":
        edits.append(
            Edit(verb.idx, verb.idx + len(verb.text), " may be" if verb.text[0] in "'’" else "may be")
        )
    else:
        return None
    tail = bounds(sentence)[1]
    if spec.replacement and spec.replacement.lower() not in ctx.draft.text[tail : tail + 80].lower():
        edits.append(Edit(tail, tail, " " + spec.replacement))
    return tuple(edits)
