"""Sentence moves most rules share: delete the sentence, replace it, move it to the end, and
insert a sentence the draft lacks (an observation, a gift, a question).

Inserted sentences come from the rule's `fix.replacement`; any fact the writer must supply is a
visible `{placeholder}`, never an invented fact. An insert is skipped when the draft already
holds its text, so fixing twice never inserts twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from pitchlint.context import RuleContext
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.deletes import covering_sentences
from pitchlint.rewrite.text import bounds, capitalise, delete_span, paragraph_break, sentence_at
from pitchlint.rules.schema import FixSpec


@move("replace-sentence")
def replace_sentence(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    span = covering_sentences(ctx, start, end)
    if span is None or _present(ctx, spec.replacement):
        return None
    return (Edit(*span, spec.replacement),)


@move("move-to-end")
def move_to_end(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Company background first: keep it as one line at the end of the body, before the
    closing question when there is one (the question stays the last word)."""
    span = covering_sentences(ctx, start, end)
    last = _last_body_sentence(ctx)
    if span is None or last is None or bounds(last)[1] <= span[1]:
        return None
    text = ctx.draft.text[span[0] : span[1]]
    first, tail = bounds(last)
    if ctx.draft.text[tail - 1 : tail] == "?":
        if first <= span[1]:  # the question follows the background at once: nothing to move
            return None
        return (delete_span(ctx.draft.text, *span), Edit(first, first, text + " "))
    return (delete_span(ctx.draft.text, *span), Edit(tail, tail, " " + text))


@move("insert-opening")
def insert_opening(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A sentence the body should open with (an observation about the reader)."""
    body = ctx.analysis.body_sentences
    if not body or _present(ctx, spec.replacement):
        return None
    first = bounds(body[0])[0]
    return (Edit(first, first, capitalise(spec.replacement) + paragraph_break(ctx.draft)),)


@move("insert-closing")
def insert_closing(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A sentence the body should end with (a genuine question), as its own paragraph."""
    last = _last_body_sentence(ctx)
    if last is None or _present(ctx, spec.replacement):
        return None
    tail = bounds(last)[1]
    return (Edit(tail, tail, paragraph_break(ctx.draft) + capitalise(spec.replacement)),)


@move("insert-before-ask")
def insert_before_ask(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A gift goes before the first ask (catalog 4.1: give first, then ask small); with no
    ask left, it closes the body."""
    if _present(ctx, spec.replacement):
        return None
    asks = ctx.analysis.asks
    if asks:
        first = bounds(asks[0].sentence)[0]
        return (Edit(first, first, capitalise(spec.replacement) + " "),)
    return insert_closing(ctx, start, end, spec)


@move("insert-after")
def insert_after(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Back a generic claim with the specific result the writer must supply."""
    sentence = sentence_at(ctx.analysis, start)
    if sentence is None or _present(ctx, spec.replacement):
        return None
    tail = bounds(sentence)[1]
    return (Edit(tail, tail, " " + capitalise(spec.replacement)),)


def _present(ctx: RuleContext, text: str) -> bool:
    return bool(text) and text.lower() in ctx.draft.text.lower()


def _last_body_sentence(ctx: RuleContext) -> Span | None:
    """The last sentence of the message itself: a closing line the sign-off pattern missed
    ("Thanks so much for your time and I look forward to hearing from you,\nMartin") is not."""
    body = list(ctx.analysis.body_sentences)
    while body and _closing_line(ctx.draft.text, body[-1]):
        body.pop()
    return body[-1] if body else None


_CLOSING_RE = re.compile(
    r",[ \t]*\r?\n[ \t]*[A-Z][\w.’' -]{0,40}$|(?:thanks|thank you|regards|cheers)\W*$", re.I
)


def _closing_line(text: str, sentence: Span) -> bool:
    first, last = bounds(sentence)
    return bool(_CLOSING_RE.search(text[first:last]))


@move("strip-frame")
def strip_frame(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """ "If you're like most companies today, you spend ..." -> "You spend ...": the frame up
    to its comma goes, and what it introduced opens the sentence."""
    sentence = sentence_at(ctx.analysis, start)
    if sentence is None:
        return None
    first, last = bounds(sentence)
    comma = ctx.draft.text.find(",", end, last)
    if comma == -1 or (first != start and ctx.draft.text[first:start].strip()):
        return None
    rest = comma + 1
    while rest < last and ctx.draft.text[rest] == " ":
        rest += 1
    if rest >= last:
        return None
    return (Edit(first, rest + 1, capitalise(ctx.draft.text[rest])),)


_PREAMBLE_RE = re.compile(
    r"^(?:(?:i'?m|i’m|i am|i was|i wanted to|i'd like to|i’d like to|just) )?"
    r"(?:reach(?:ing)? out|writ(?:e|ing)|email(?:ing)?|get(?:ting)? in touch|touch(?:ing)? base"
    r"|drop(?:ping)? you a (?:line|note))"
    r"(?: to you)?(?: (?:because|since|as|about how|as|to let you know(?: that)?)) ",
    re.I,
)


@move("strip-preamble")
def strip_preamble(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A short opening sentence that gives the reader nothing ("I'm reaching out because I
    wanted to connect.", "I know you're busy, so I'll keep this short.") goes. A longer one
    carries something the writer must rework, so only its preamble goes ("I'm reaching out
    because we just launched ..." -> "We just launched ..."); without one, it stays."""
    sentence = sentence_at(ctx.analysis, start)
    if sentence is None:
        return None
    first, last = bounds(sentence)
    if len(ctx.draft.text[first:last].split()) <= _SHORT_PREAMBLE_WORDS:
        return (delete_span(ctx.draft.text, first, last),)
    match = _PREAMBLE_RE.match(ctx.draft.text[first : first + 120])
    if match is None:
        return None
    rest = first + match.end()
    return (Edit(first, rest + 1, capitalise(ctx.draft.text[rest])),)


_SHORT_PREAMBLE_WORDS = 14


@move("question-last")
def question_last(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """The ask becomes the question, and the question closes the email: replaced in place when
    the ask is the last sentence, otherwise deleted there and added at the end."""
    span = covering_sentences(ctx, start, end)
    last = _last_body_sentence(ctx)
    if span is None or last is None:
        return None
    if _present(ctx, spec.replacement):  # the question is asked already: this ask just goes
        return (delete_span(ctx.draft.text, *span),)
    tail = bounds(last)[1]
    if tail <= span[1]:
        return (Edit(*span, spec.replacement),)
    return (delete_span(ctx.draft.text, *span), Edit(tail, tail, " " + spec.replacement))
