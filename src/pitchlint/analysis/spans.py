"""Small span helpers shared by the analysis, the kinds and the checks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

Hit = tuple[int, int]  # character offsets in the draft


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


def matches_in(sent: Span, patterns: Iterable[re.Pattern[str]]) -> Iterator[re.Match[str]]:
    """Every match of every pattern in the sentence's text (offsets within the sentence)."""
    text = span_text(sent)
    for pattern in patterns:
        yield from pattern.finditer(text)


def any_match(sent: Span, patterns: Iterable[re.Pattern[str]]) -> bool:
    """Whether any pattern matches the sentence (stops at the first match)."""
    text = span_text(sent)
    return any(pattern.search(text) for pattern in patterns)


def hit_of(sent: Span, match: re.Match[str]) -> Hit:
    """The match, or its `(?P<hit>...)` group when the pattern names one (context kept out)."""
    return hit_at(sent.start_char, match)


def hit_at(offset: int, match: re.Match[str]) -> Hit:
    """`hit_of` for a match in text that starts at `offset` in the draft."""
    group = "hit" if "hit" in match.re.groupindex and match.group("hit") is not None else 0
    return offset + match.start(group), offset + match.end(group)


def earliest(hits: Iterable[Hit]) -> Hit | None:
    """The earliest hit, widened by the hits that overlap it ("Here is a link" + "a link with
    more information")."""
    ordered = sorted(hits)
    if not ordered:
        return None
    start, end = ordered[0]
    for s, e in ordered[1:]:
        if s < end:
            end = max(end, e)
    return start, end


def ends_in_question(sent: Span) -> bool:
    return "?" in span_text(sent).rstrip()[-3:]


def char_span(doc_tokens: list[Token], *, keep_end_punct: bool = False) -> Hit:
    """The tokens' characters, without spaces and the punctuation around them (opening
    quotes and brackets, and closing ones and "%", are kept)."""
    tokens = [t for t in doc_tokens if not t.is_space]
    while len(tokens) > 1 and tokens[0].is_punct and tokens[0].text not in ("(", "“", '"', "#"):
        tokens.pop(0)
    if not keep_end_punct:
        while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text not in (")", "”", '"', "%"):
            tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def tokens_between(sent: Span, first: int, last: int) -> list[Token]:
    """Tokens `first` to `last` (doc indices), both included."""
    return list(sent.doc[first : last + 1])


def sentence_span(sent: Span, *, keep_end_punct: bool = False) -> Hit:
    return char_span(list(sent), keep_end_punct=keep_end_punct)


def pattern_spans(patterns: Sequence[re.Pattern[str]], text: str) -> Iterator[Hit]:
    """Each match's `(?P<hit>...)` group, or the whole match, offsets within `text`."""
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield match.span("hit") if "hit" in pattern.groupindex else match.span()


def first_pattern_span(patterns: Sequence[re.Pattern[str]], text: str) -> Hit | None:
    return next(pattern_spans(patterns, text), None)
