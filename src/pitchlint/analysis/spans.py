"""Small span helpers shared by the analysis and the checks."""

from __future__ import annotations

from spacy.tokens import Span


def trim(span: Span) -> Span:
    """The span without leading and trailing whitespace tokens."""
    tokens = [t for t in span if not t.is_space]
    return span.doc[tokens[0].i : tokens[-1].i + 1] if tokens else span


def span_text(span: Span) -> str:
    """`span.text` without building it token by token (rules call it in their inner loops)."""
    return span.doc.text[span.start_char : span.end_char]
