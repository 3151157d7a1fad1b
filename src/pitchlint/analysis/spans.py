"""Small span helpers shared by the analysis and the checks."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def trim(span: Span) -> Span:
    """The span without leading and trailing whitespace tokens."""
    tokens = [t for t in span if not t.is_space]
    return span.doc[tokens[0].i : tokens[-1].i + 1] if tokens else span


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc: spaCy joins every token each time it is asked."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text` without building it token by token (rules call it in their inner loops)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


_TEXT_KEY = "pitchlint.text"
