"""A subject line rewritten from the body: a creepy ("Loved your Cabo photos") or clickbait
("You won't believe this") subject becomes a plain name for what the email is about, in the
draft's own words (catalog rule 2: "a plain description of what's inside"). The topic is a
noun phrase of the body's question to the reader, else of its first sentence about them, else
of its first statement: never an invented word. With no such phrase the subject becomes a
placeholder the writer fills."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.text import capitalise
from pitchlint.rules.schema import FixSpec

_PREFIX_RE = re.compile(r"(?:\s*(?:re|fwd?|aw|wg)\s*:\s*)*", re.I)
TOPIC_PLACEHOLDER = "{what this email is about, in a few plain words}"
_MAX_WORDS = 6
_LEADING = frozenset({"a", "an", "the", "this", "that", "these", "those", "some", "any"})
_SELLER = frozenset({"i", "me", "my", "we", "us", "our", "ours"})
# heads that name no topic: "your team", "a quick call", "15 minutes", "the way"
_EMPTY_HEADS = frozenset(
    {
        "team", "company", "business", "time", "minute", "call", "chat", "way", "thing", "lot",
        "bit", "note", "email", "question", "week", "day", "moment", "today", "people", "everyone",
    }
)  # fmt: skip


@move("retitle")
def retitle(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Replace the whole subject with the body's topic; only for a finding in the subject."""
    zone = analysis.draft.zone("subject")
    if zone is None or not zone.start <= start < zone.end:
        return None
    text = analysis.draft.text
    first, last = zone.start, zone.end
    while last > first and text[last - 1].isspace():
        last -= 1
    # "Re:"/"Fwd:" stay: a real reply keeps its thread, and fake-reply-subject cuts a fake one
    first += len(_PREFIX_RE.match(text, first, last).group())  # type: ignore[union-attr]
    if first >= last:
        return None
    topic = body_topic(analysis, avoid=_content_words(text[first:last])) or TOPIC_PLACEHOLDER
    if text[first:last] == topic:
        return None
    return (Edit(first, last, topic),)


def body_topic(analysis: Analysis, avoid: frozenset[str] = frozenset()) -> str | None:
    """The first noun phrase that names something, from the sentences most about the reader;
    in each, its subject or object with a name in it first ("Greenleaf Dental Group"). A
    sentence that shares a word with `avoid` (the subject it replaces) is passed over: "Loved
    your Lake Tahoe photos" must not become "Lake Tahoe", or "Twins", from the creepy sentence
    in the body."""
    for sentence, least in _topic_sentences(analysis):
        if _content_words(sentence.text) & avoid:
            continue
        chunks = sorted(sentence.noun_chunks, key=_rank)
        for chunk in chunks:
            words = _topic_words(chunk)
            if words and len(words) >= least:
                topic = chunk.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]
                return capitalise(topic) if topic[0].isalpha() else topic
    return None


def _rank(chunk: Span) -> tuple[bool, bool]:
    """Named chunks first, and a sentence's own subject or object before the object of a
    preposition ("according to LinkedIn" is a source, not the topic)."""
    return chunk.root.dep_ == "pobj", not any(t.pos_ == "PROPN" for t in chunk)


def _content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w for w in words if len(w) > 2 and w not in STOP_WORDS) - _LEADING - _SELLER


def _topic_sentences(analysis: Analysis) -> Iterator[tuple[Span, int]]:
    """Where to look, and how many words a topic there needs: one word of the reader's
    question ("the backlog") is their topic; one word of the seller's first line ("the
    books") names nothing."""
    body = analysis.sentences_in(("body",))
    yield from ((q.sentence, 1) for q in analysis.questions if q.kind == "genuine")
    evidenced = [s for s in body if analysis.evidenced(s)]
    named = [s for s in evidenced if any(t.pos_ == "PROPN" for t in s)]  # a business fact names it
    yield from ((s, 1) for s in named + [s for s in evidenced if s not in named])
    statements = [s for s in body if analysis.question_kind(s) == "other"]  # not "How are you?"
    yield from ((s, 2) for s in statements[:1])


def _topic_words(chunk: Span) -> list[Token] | None:
    """The chunk without its leading article, if it names a topic: not a pronoun, not the
    seller's ("our platform"), not an empty head, not a merge tag or placeholder."""
    root = chunk.root
    if root.pos_ == "PRON" or root.lemma_.lower() in _EMPTY_HEADS or root.like_num:
        return None
    tokens = [t for t in chunk if not t.is_space]
    if any(t.lower_ in _SELLER for t in tokens) or any(c in chunk.text for c in "{}%[]<>"):
        return None
    while tokens and tokens[0].lower_ in _LEADING:
        tokens = tokens[1:]
    if not tokens or len(tokens) > _MAX_WORDS or not any(t.is_alpha and len(t) > 2 for t in tokens):
        return None
    return tokens
