"""Deleting what the catalog says to delete (catalog 4.15: wrong-person asks, creepy
references, flattery, random links, pressure): the whole sentence goes, and the space or line
it leaves goes with it. When the offending words are only a lead-in ("As discussed, our
platform ...") just the lead-in goes, so the news after it stays."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from pitchlint.analysis import Analysis
from pitchlint.findings import Edit
from pitchlint.nlp import entity_type
from pitchlint.rewrite import move
from pitchlint.rewrite.subjects import retitle
from pitchlint.rewrite.text import bounds, capitalise, delete_span, sentence_at
from pitchlint.rules.schema import FixSpec


def covering_sentences(analysis: Analysis, start: int, end: int) -> tuple[int, int] | None:
    """From the start of the sentence holding `start` to the end of the one holding `end`."""
    first = sentence_at(analysis, start)
    last = sentence_at(analysis, max(start, end - 1))
    if first is None or last is None:
        return None
    stop = bounds(last)[1]
    # the parser sometimes ends a sentence early: "Just accept the invite | and I'll walk you
    # through it." A following piece that starts in lower case on the same line belongs to it
    for sentence in analysis.body_sentences:
        begin, finish = bounds(sentence)
        if begin < stop:
            continue
        between = analysis.draft.text[stop:begin]
        if "\n" in between or between.strip() or not analysis.draft.text[begin : begin + 1].islower():
            break
        stop = finish
    return _trim(analysis.draft.text, bounds(first)[0], stop, start, end)


# the parser sometimes runs two sentences together across a line break ("... talk to?\nWe
# help ..."); a sentence never goes on past end punctuation and a line break, or a blank line
_BREAK_RE = re.compile(r"[.!?…][\"'”’)\]]*[ \t]*\r?\n\s*|\r?\n[ \t]*\r?\n\s*")


def _trim(text: str, first: int, last: int, start: int, end: int) -> tuple[int, int]:
    """Of the pieces between such breaks in text[first:last], only those the match is in."""
    pieces = []
    begin = first
    for match in _BREAK_RE.finditer(text, first, last):
        pieces.append((begin, match.start() + len(match.group().rstrip())))
        begin = match.end()
    pieces.append((begin, last))
    kept = [(a, b) for a, b in pieces if a < max(end, start + 1) and start < b]
    return (kept[0][0], kept[-1][1]) if kept else (first, last)


@move("delete-sentence")
def delete_sentence(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """The sentence goes; in the subject line ("ACT NOW: 40% off"), the subject is rewritten
    from the body's topic instead."""
    if analysis.draft.zone_at(start) == "subject":
        return retitle(analysis, start, end, spec)
    span = covering_sentences(analysis, start, end)
    if span is None:
        return None
    if analysis.draft.in_merge_tag(*span) and not analysis.draft.in_merge_tag(start, end):
        clause = _trailing_clause(analysis, span, start)
        return None if clause is None else (clause,)
    return _delete(analysis, span[0], _with_echo(analysis, span[1]))


# what joins a trailing clause to the one before it: ", and I'd hate to think ..."
_JOIN_RE = re.compile(r",\s+(?:and|but|so)\s+", re.IGNORECASE)


def _trailing_clause(analysis: Analysis, span: tuple[int, int], start: int) -> Edit | None:
    """A sentence that holds a merge tag cannot go whole (the tag must stay): when the match
    is in its last clause, after every tag, only that clause goes, from its ", and" to the
    full stop ("I researched {{company}}, and I'd hate to think it was all for nothing." keeps
    "I researched {{company}}."). None when the match is not so placed."""
    text = analysis.draft.text
    tags_end = max((e for s, e in analysis.draft.merge_tags if s < span[1] and span[0] < e), default=start)
    joins = list(_JOIN_RE.finditer(text, tags_end, start + 1))
    if tags_end > start or not joins or joins[-1].end() > start:
        return None
    stop = len(text[: span[1]].rstrip(".!?…"))
    return Edit(joins[-1].start(), stop, "") if stop > start else None


@move("delete-reference")
def delete_reference(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A personal or made-up reference goes; when it is only the lead-in of a sentence with
    its own news ("As discussed, our platform ...", "In your new role, you ..."), only the
    lead-in goes. In the subject line, the subject is rewritten from the body's topic."""
    if analysis.draft.zone_at(start) == "subject":
        return retitle(analysis, start, end, spec)
    return _lead_in(analysis, start, end) or delete_sentence(analysis, start, end, spec)


@move("delete-filler-sentence")
def delete_filler_sentence(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Delete a sentence only when the filler is most of it, or the rest is more of the same
    small talk: "I hope this finds you well." and "I hope this email finds you well and that
    you had a wonderful weekend!" go; "I hope the Ohio launch went well; your returns page
    ..." keeps its news."""
    span = covering_sentences(analysis, start, end)
    if span is None:
        return None
    words = len(analysis.draft.text[span[0] : span[1]].split())
    if len(analysis.draft.text[start:end].split()) < 0.6 * words and _has_news(analysis, span, start, end):
        return None
    return _delete(analysis, *span)


_SMALL_TALK_NOUNS = frozenset(
    {"weekend", "week", "day", "morning", "afternoon", "evening", "holiday", "time", "break", "summer"}
)


def _has_news(analysis: Analysis, span: tuple[int, int], start: int, end: int) -> bool:
    """Whether the sentence outside the filler names anything: a name, a number, or a noun
    that is not small talk ("weekend", "week")."""
    return any(
        t.pos_ in ("PROPN", "NUM") or (t.pos_ == "NOUN" and t.lemma_.lower() not in _SMALL_TALK_NOUNS)
        for t in analysis.doc
        if span[0] <= t.idx < span[1] and not start <= t.idx < end
    )


def _delete(analysis: Analysis, first: int, last: int) -> tuple[Edit, ...]:
    """Delete the sentences, and the "Anyway," that pointed back at them from the next one
    (fix_from_spec drops a deletion that would leave no body)."""
    text = analysis.draft.text
    deletion = delete_span(text, first, last)
    connective = _orphaned_connective(analysis, last)
    if _after_greeting(analysis, deletion):  # "Hi Sam, how are you? We help" -> "Hi Sam, we help"
        if connective and connective[0].start == deletion.end:
            rest = connective[0].end - 1
            if _ordinary_word(analysis, rest):
                connective = (Edit(connective[0].start, connective[0].end, text[rest].lower()),)
        elif _ordinary_word(analysis, deletion.end) and text[deletion.end].isupper():
            deletion = Edit(deletion.start, deletion.end + 1, deletion.content + text[deletion.end].lower())
    return (deletion, *connective)


_FIRST_PERSON = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll"})


def _after_greeting(analysis: Analysis, edit: Edit) -> bool:
    """Whether what follows the deletion now follows the greeting on its line ("Hi Sam, ..."),
    so it goes on from the greeting's comma in lower case."""
    text = analysis.draft.text
    line_start = text.rfind("\n", 0, edit.start) + 1
    greeting = analysis.draft.zone("greeting")
    if greeting is None or not (greeting.start <= line_start < greeting.end <= edit.start):
        return False
    return text[line_start : edit.start].rstrip().endswith(",")


def _ordinary_word(analysis: Analysis, offset: int) -> bool:
    """A word whose capital only marks a sentence start: not a name, "I" or an acronym."""
    token = next((t for t in analysis.doc if t.idx == offset), None)
    if token is None or not token.text[:1].isalpha() or token.text[1:2].isupper():
        return False
    return not (token.pos_ == "PROPN" or entity_type(token) or token.lower_ in _FIRST_PERSON)


def _with_echo(analysis: Analysis, end: int) -> int:
    """A short exclamation right after a deleted remark only makes sense with it ("Saw your
    kids go to Lincoln. My son does too!", "Promoted to VP. Well deserved!"): it goes too."""
    following = _next_sentence(analysis, end)
    if following is None:
        return end
    first, last = bounds(following)
    text = analysis.draft.text
    same_paragraph = "\n" not in text[end:first]
    if same_paragraph and text[last - 1 : last] == "!" and len(text[first:last].split()) <= 5:
        return last
    return end


def _next_sentence(analysis: Analysis, end: int) -> Span | None:
    return next((s for s in analysis.body_sentences if bounds(s)[0] >= end), None)


# openers that only make sense after the sentence before them: "Anyway, we help ...",
# "Speaking of selling, we help ..."
_CONNECTIVE_RE = re.compile(
    r"(?:anyway|anyhow|regardless|either way|in any case|all that aside|that said|with that said"
    r"|having said that|that being said|on that note"
    r"|speaking of [\w’' -]{1,30}?|which brings me to [\w’' -]{1,30}?)"
    r",[ \t]+",
    re.I,
)


def _orphaned_connective(analysis: Analysis, end: int) -> tuple[Edit, ...]:
    """The next sentence loses its backward-pointing opener and opens with its own clause."""
    following = _next_sentence(analysis, end)
    if following is None:
        return ()
    first, last = bounds(following)
    text = analysis.draft.text
    match = _CONNECTIVE_RE.match(text, first, last)
    if match is None or not text[match.end() : match.end() + 1].isalpha():
        return ()
    rest = match.end()
    if not _main_clause_from(following, rest):
        return ()
    return (Edit(first, rest + 1, capitalise(text[rest])),)


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# what a detachable lead-in hangs from the main verb as: "[As discussed], ...", "[Per our
# call], ...", "[Now that you've moved], ...", "[Congrats], ..."
_LEAD_IN_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "intj", "obl", "punct"})
# a clause that opens with these leans on the lead-in: "Congrats on the new role, it must be ..."
_BACK_REFERENCES = frozenset({"it", "this", "that", "these", "those", "they", "such", "which", "there"})


def _lead_in(analysis: Analysis, start: int, end: int) -> tuple[Edit, ...] | None:
    """ "As discussed, our platform cuts audit prep in half." -> "Our platform cuts audit prep
    in half.": when the match sits in a lead-in that a comma hands over to the main clause,
    only the lead-in goes. None when the match is in the sentence's point."""
    sentence = sentence_at(analysis, start)
    if sentence is None:
        return None
    text = analysis.draft.text
    first, last = _trim(text, *bounds(sentence), start, end)
    comma = text.find(",", end, last)
    if comma == -1 or start < first or len(text[end:comma].split()) > 4:
        return None
    rest = comma + 1
    while rest < last and text[rest] in " \t":
        rest += 1
    words = text[rest:last].split()
    if len(words) < 3 or not text[rest : rest + 1].isalpha() or words[0].lower() in _BACK_REFERENCES:
        return None
    if not _main_clause_from(sentence, rest, last):
        return None
    if _after_greeting(analysis, Edit(first, rest)) and _ordinary_word(analysis, rest):
        return (Edit(first, rest + 1, text[rest].lower()),)
    return (Edit(first, rest + 1, capitalise(text[rest])),)


def _main_clause_from(sentence: Span, offset: int, last: int | None = None) -> bool:
    """Whether the sentence from `offset` on is its main clause, subject and all, and what
    comes before only modifies it (so it can go): not a comma inside a clause ("Like most VPs
    you're drowning in data, dashboards ..."), nor a second clause joined by "and"/"so"."""
    root = sentence.root
    if root.idx < offset or root.idx >= (sentence.end_char if last is None else last):
        return False
    if root.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ in _SUBJECTS and c.idx >= offset for c in root.children):
        return False
    opener = next((t for t in sentence if t.idx >= offset), None)
    if opener is None or opener.dep_ in ("cc", "mark", "conj"):
        return False
    for child in root.children:
        if child.idx < offset and (child.dep_ not in _LEAD_IN_DEPS or child.right_edge.idx >= offset):
            return False
    return True
