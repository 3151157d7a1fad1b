"""Named counts over a draft's analysis, for ratio rules. Each returns the counted spans
so that a finding can point at the first of them."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from pitchlint.analysis import Analysis
from pitchlint.analysis.spans import trim


def seller_clauses(analysis: Analysis) -> list[Span]:
    """Main clauses whose subject is the seller, except those offering the reader help."""
    return [trim(c.sentence) for c in analysis.seller_focus_clauses]


def reader_clauses(analysis: Analysis) -> list[Span]:
    """Main clauses about the reader that are not asks, loaded questions or generic frames."""
    return [trim(c.sentence) for c in analysis.reader_focus_clauses]


def genuine_questions(analysis: Analysis) -> list[Span]:
    return [trim(q.sentence) for q in analysis.questions if q.kind == "genuine"]


def sentences(analysis: Analysis) -> list[Span]:
    return [trim(s) for s in analysis.body_sentences]


COUNTERS: dict[str, Callable[[Analysis], list[Span]]] = {
    "seller_clauses": seller_clauses,
    "reader_clauses": reader_clauses,
    "genuine_questions": genuine_questions,
    "sentences": sentences,
}
