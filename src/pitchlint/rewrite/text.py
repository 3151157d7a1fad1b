"""Text surgery the moves share: where a sentence starts and ends in the original, how to
delete one without leaving a hole (double spaces, empty lines), and where a new sentence goes.
Every function returns offsets into the draft text, so edits stay edits on the original."""

from __future__ import annotations

import re

from spacy.tokens import Span

from pitchlint.analysis import Analysis
from pitchlint.draft import Draft
from pitchlint.findings import Edit

_CLOSERS = "\"'”’)]"


def sentence_at(analysis: Analysis, offset: int) -> Span | None:
    """The body sentence that contains character `offset`."""
    for sentence in analysis.body_sentences:
        if sentence.start_char <= offset < sentence.end_char:
            return sentence
    return None


def bounds(sentence: Span) -> tuple[int, int]:
    """Character span of a sentence without surrounding whitespace."""
    words = [t for t in sentence if not t.is_space]
    if not words:
        return sentence.start_char, sentence.start_char
    return words[0].idx, words[-1].idx + len(words[-1].text)


def delete_span(text: str, start: int, end: int) -> Edit:
    """Delete a whole sentence (or run of sentences): with the space after it, or, when it
    fills its line, with the line; an emptied paragraph takes one blank line with it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        stop = min(line_end + 1, len(text))
        before = text[:line_start]
        blank_before = before.endswith(("\n\n", "\n\r\n"))  # LF or CRLF
        blank_after = stop < len(text) and text[stop] in "\r\n"
        if blank_before and (blank_after or stop >= len(text)):
            return Edit(line_start - (2 if before.endswith("\r\n") else 1), stop, "")
        if line_start == 0 and blank_after:
            stop += 2 if text.startswith("\r\n", stop) else 1
        return Edit(line_start, stop, "")
    after = end
    while after < line_end and text[after] in " \t":
        after += 1
    if after > end and after < line_end:
        return Edit(start, after, "")
    before = start
    while before > line_start and text[before - 1] in " \t":
        before -= 1
    return Edit(before, end if after == end else after, "")


def paragraph_break(draft: Draft) -> str:
    """How this draft separates paragraphs in its body: a blank line, or one line break."""
    body = draft.zone("body")
    inside = draft.text[body.start : body.end].strip() if body else ""
    if "\n\n" in inside or "\n" not in inside:
        return "\r\n\r\n" if "\r\n" in draft.text else "\n\n"
    return "\r\n" if "\r\n" in draft.text else "\n"


def capitalise(text: str) -> str:
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
        if char == "{":  # a placeholder opens the sentence: leave it as written
            return text
    return text


def decapitalise(text: str) -> str:
    """Lower-case the first word unless it is "I", an acronym or a name-like capital."""
    match = re.match(r"(\W*)([A-Z][a-z’']*)(\b.*)", text, re.S)
    if not match or match.group(2) in ("I", "I’m", "I'm", "I’ve", "I'll", "I’ll", "I've", "I’d", "I'd"):
        return text
    return match.group(1) + match.group(2).lower() + match.group(3)


def end_sentence(text: str, mark: str = ".") -> str:
    """Close a rewritten sentence with `mark`, replacing any end punctuation it had."""
    stripped = text.rstrip()
    trail = ""
    while stripped and stripped[-1] in _CLOSERS:
        trail = stripped[-1] + trail
        stripped = stripped[:-1]
    stripped = stripped.rstrip(" .!?,;:–—-")
    return stripped + mark + trail


def tidy(text: str) -> str:
    """Collapse the spacing a cut leaves: double spaces, a space before punctuation."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    return text.strip()


def a_or_an(next_word: str) -> str:
    return "an" if re.match(r"(?i)[aeiou]|hour|honest|fy\b|mba\b", next_word) else "a"
