"""Deleting what the catalog says to delete (catalog 4.15: wrong-person asks, creepy
references, flattery, random links, pressure): the whole sentence goes, and the space or line
it leaves goes with it."""

from __future__ import annotations

from collections.abc import Sequence

from pitchlint.context import RuleContext
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.text import bounds, delete_span, sentence_at
from pitchlint.rules.schema import FixSpec


def covering_sentences(ctx: RuleContext, start: int, end: int) -> tuple[int, int] | None:
    """From the start of the sentence holding `start` to the end of the one holding `end`."""
    first = sentence_at(ctx.analysis, start)
    last = sentence_at(ctx.analysis, max(start, end - 1))
    if first is None or last is None:
        return None
    stop = bounds(last)[1]
    # the parser sometimes ends a sentence early: "Just accept the invite | and I'll walk you
    # through it." A following piece that starts in lower case on the same line belongs to it
    for sentence in ctx.analysis.body_sentences:
        begin, finish = bounds(sentence)
        if begin < stop:
            continue
        between = ctx.draft.text[stop:begin]
        if "\n" in between or between.strip() or not ctx.draft.text[begin : begin + 1].islower():
            break
        stop = finish
    return bounds(first)[0], stop


@move("delete-sentence")
def delete_sentence(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    span = covering_sentences(ctx, start, end)
    if span is None:
        return None
    return (delete_span(ctx.draft.text, span[0], _with_echo(ctx, span[1])),)


def _with_echo(ctx: RuleContext, end: int) -> int:
    """A short exclamation right after a deleted remark only makes sense with it ("Saw your
    kids go to Lincoln. My son does too!", "Promoted to VP. Well deserved!"): it goes too."""
    body = ctx.analysis.body_sentences
    following = next((s for s in body if bounds(s)[0] >= end), None)
    if following is None:
        return end
    first, last = bounds(following)
    text = ctx.draft.text
    same_paragraph = "\n" not in text[end:first]
    if same_paragraph and text[last - 1 : last] == "!" and len(text[first:last].split()) <= 5:
        return last
    return end


@move("delete-filler-sentence")
def delete_filler_sentence(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Delete a sentence only when the filler is most of it: "I hope this finds you well."
    goes, "I hope the Ohio launch went well; your returns page ..." keeps its news."""
    span = covering_sentences(ctx, start, end)
    if span is None:
        return None
    words = len(ctx.draft.text[span[0] : span[1]].split())
    if len(ctx.draft.text[start:end].split()) < 0.6 * words:
        return None
    return (delete_span(ctx.draft.text, *span),)
