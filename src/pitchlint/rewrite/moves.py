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

from pitchlint.analysis import Analysis
from pitchlint.analysis.reader import TEMPLATE_EVIDENCE, Specifics
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.deletes import covering_sentences
from pitchlint.rewrite.text import (
    bounds,
    capitalise,
    delete_span,
    end_sentence,
    paragraph_break,
    sentence_at,
)
from pitchlint.rules.schema import FixSpec


@move("replace-sentence")
def replace_sentence(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    span = covering_sentences(analysis, start, end)
    if span is None or _present(analysis, spec.replacement):
        return None
    return (Edit(*span, spec.replacement),)


@move("move-to-end")
def move_to_end(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Company background first: keep it as one line at the end of the body, before the
    closing question when there is one (the question stays the last word). When it cannot
    move (the next sentence leans on it: "It handles ..."), a fact about the reader found
    further down opens the body instead."""
    span = covering_sentences(analysis, start, end)
    if span is None:
        return None
    return _company_line_to_end(analysis, span) or _reader_fact_first(analysis, span)


def _company_line_to_end(analysis: Analysis, span: tuple[int, int]) -> Sequence[Edit] | None:
    last = _last_body_sentence(analysis)
    if last is None or bounds(last)[1] <= span[1]:
        return None
    text = analysis.draft.text[span[0] : span[1]]
    if _SELF_INTRO_RE.match(text):  # "My name is Greg ..." cannot come after the pitch
        return None
    # "We also offer ..." leans on what came before it, and "It handles ..." after it leans
    # on it: moved away, either would point at nothing
    if _ALSO_RE.match(text) or _POINTS_BACK_RE.match(analysis.draft.text, span[1]):
        return None
    first, tail = bounds(last)
    if analysis.draft.text[tail - 1 : tail] == "?":
        if not analysis.draft.text[span[1] : first].strip():  # the question follows at once: nothing to move
            return None
        return (delete_span(analysis.draft.text, *span), Edit(first, first, text + " "))
    return (delete_span(analysis.draft.text, *span), Edit(tail, tail, " " + text))


def _reader_fact_first(analysis: Analysis, opening: tuple[int, int]) -> Sequence[Edit] | None:
    """The draft opens with the seller but found a fact about the reader further down ("By the
    way, I heard on your Q2 earnings call that ..."): that fact opens the body instead,
    without its "By the way,", and the company line stays where it was. A fact that opens its
    paragraph moves with the rest of the paragraph ("Going from 9 to 11 locations usually
    means ..." goes on from it). None when there is no such statement, when what moves holds
    a question, or when it leans on what was before it ("It", "This", "Also")."""
    text = analysis.draft.text
    for sentence, reason in Specifics(analysis, {}).found:
        first, last = bounds(sentence)
        if first < opening[1] or reason.startswith(TEMPLATE_EVIDENCE):
            continue
        if analysis.draft.zone_at(first) != "body":
            continue
        if _PARAGRAPH_START_RE.search(text[:first]):
            last = _paragraph_end(analysis, first)
        leans = _POINTS_BACK_RE.match(text, first) or _POINTS_BACK_RE.match(text, last)
        if "?" in text[first:last] or leans:
            return None
        lead = _LEAD_IN_RE.match(text, first)
        moved = capitalise(text[lead.end() if lead else first : last]) + paragraph_break(analysis.draft)
        return (Edit(opening[0], opening[0], moved), delete_span(text, first, last))
    return None


_PARAGRAPH_START_RE = re.compile(r"\n[ \t]*\r?\n[ \t]*$")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\r?\n")


def _paragraph_end(analysis: Analysis, at: int) -> int:
    """The end of the last body sentence in the paragraph that holds `at`."""
    text = analysis.draft.text
    blank = _BLANK_LINE_RE.search(text, at)
    stop = blank.start() if blank else len(text)
    ends = [bounds(s)[1] for s in analysis.body_sentences if at <= s.start_char < stop]
    return max(ends, default=at)


# a lead-in that only made sense where the sentence was: "By the way, I heard ..."
_LEAD_IN_RE = re.compile(r"(?:by the way|btw|also|oh,? and|incidentally|p\.?s\.?)[,:]?\s+", re.I)


_SELF_INTRO_RE = re.compile(
    r"(?:my name is|this is [A-Z]\w* (?:from|at|with)|(?:i am|i'm|i’m) [A-Z]\w* (?:from|at|with)"
    r"|(?:i wanted to |i'd like to |i’d like to |allow me to |let me )(?:take a moment to )?introduce)",
    re.I,
)


_ALSO_RE = re.compile(r"\W*\w+(?:'\w+|’\w+)? (?:also|too)\b", re.I)
_POINTS_BACK_RE = re.compile(r"\s*(?:it|its|this|that|these|those|they|their|nothing else|also|plus)\b", re.I)


@move("insert-opening")
def insert_opening(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A sentence the body should open with (an observation about the reader)."""
    body = analysis.body_sentences
    if not body or _present(analysis, spec.replacement):
        return None
    first = bounds(body[0])[0]
    return (Edit(first, first, capitalise(spec.replacement) + paragraph_break(analysis.draft)),)


@move("insert-closing")
def insert_closing(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A sentence the body should end with (a genuine question), as its own paragraph."""
    last = _last_body_sentence(analysis)
    if last is None or _present(analysis, spec.replacement):
        return None
    tail = bounds(last)[1]
    asks = spec.replacement.rstrip().endswith("?")
    ends_asking = analysis.draft.text[tail - 1 : tail] == "?"
    if asks and ends_asking and analysis.question_kind(last) in ("genuine", "other"):
        return None  # the body already ends on its own question (not an ask): no second one
    return (Edit(tail, tail, paragraph_break(analysis.draft) + capitalise(spec.replacement)),)


@move("insert-before-ask")
def insert_before_ask(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A gift goes before the first ask (catalog 4.1: give first, then ask small); with no
    ask left, it closes the body."""
    if _present(analysis, spec.replacement):
        return None
    asks = analysis.asks
    if asks:
        first = bounds(asks[0].sentence)[0]
        return (Edit(first, first, capitalise(spec.replacement) + " "),)
    return insert_closing(analysis, start, end, spec)


@move("insert-after")
def insert_after(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Back a generic claim with the specific result the writer must supply."""
    sentence = sentence_at(analysis, start)
    if sentence is None or _present(analysis, spec.replacement):
        return None
    tail = bounds(sentence)[1]
    # "We help teams grow" + "For example" would run on; a question is not a claim to back
    if not analysis.draft.text[sentence.start_char : tail].rstrip("\"'”’)").endswith((".", "!", "…")):
        return None
    following = next((s for s in analysis.body_sentences if s.start_char >= tail), None)
    if following is not None and _EXAMPLE_RE.match(following.text):
        return None  # the draft backs it already: "For example, Juniper Kitchens used ..."
    return (Edit(tail, tail, " " + capitalise(spec.replacement)),)


_EXAMPLE_RE = re.compile(r"\W*(?:for example|for instance|e\.g\.|case in point|as an example)\b", re.I)


def _present(analysis: Analysis, text: str) -> bool:
    return bool(text) and text.lower() in analysis.draft.text.lower()


def _last_body_sentence(analysis: Analysis) -> Span | None:
    """The last sentence of the message itself: a closing line the sign-off pattern missed
    ("Thanks so much for your time and I look forward to hearing from you,\nMartin") is not,
    nor is a P.S. after the signature: what closes the message goes before the sign-off."""
    body = list(analysis.sentences_in(("body",)) or analysis.body_sentences)
    while body and _closing_line(analysis.draft.text, body[-1]):
        body.pop()
    return body[-1] if body else None


_CLOSING_RE = re.compile(
    r",[ \t]*\r?\n[ \t]*[A-Z][\w.’' -]{0,40}$|(?:thanks|thank you|regards|cheers)\W*$", re.I
)


def _closing_line(text: str, sentence: Span) -> bool:
    first, last = bounds(sentence)
    return bool(_CLOSING_RE.search(text[first:last]))


@move("strip-frame")
def strip_frame(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """ "If you're like most companies today, you spend ..." -> "You spend ...": the frame up
    to its comma goes, and what it introduced opens the sentence."""
    sentence = sentence_at(analysis, start)
    if sentence is None:
        return None
    first, last = bounds(sentence)
    comma = analysis.draft.text.find(",", end, last)
    if comma == -1 or (first != start and analysis.draft.text[first:start].strip()):
        return None
    rest = comma + 1
    while rest < last and analysis.draft.text[rest] == " ":
        rest += 1
    if rest >= last or not _starts_subject(sentence, rest):
        return None
    return (Edit(first, rest + 1, capitalise(analysis.draft.text[rest])),)


def _starts_subject(sentence: Span, offset: int) -> bool:
    """Whether the main clause's subject starts at `offset`, so the frame before it can go:
    not a comma inside the clause ("Like most VPs you're drowning in data, [dashboards] ...")."""
    token = next((t for t in sentence if t.idx == offset), None)
    if token is None:
        return False
    return any(t.dep_ in _SUBJECTS and t.left_edge.i == token.i for t in (token, *token.ancestors))


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


_PREAMBLE_RE = re.compile(
    r"^(?:(?:i'?m|i’m|i am|i was|i wanted to|i'd like to|i’d like to|just) )?"
    r"(?:reach(?:ing)? out|writ(?:e|ing)|email(?:ing)?|get(?:ting)? in touch|touch(?:ing)? base"
    r"|drop(?:ping)? you a (?:line|note))"
    r"(?: to you)?(?: (?:because|since|as|about how|as|to let you know(?: that)?)) ",
    re.I,
)


@move("strip-preamble")
def strip_preamble(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Only the preamble goes when a clause follows it ("I'm reaching out because your Ohio
    threshold changes July 1." -> "Your Ohio threshold changes July 1."). A short sentence
    about the writer alone ("I'm reaching out because I wanted to connect.", "I know you're
    busy, so I'll keep this short.") goes whole, unless the next sentence points back at it
    ("It ..."). News about the seller stays: deleting it would drop what the email is about."""
    sentence = sentence_at(analysis, start)
    if sentence is None:
        return None
    first, last = bounds(sentence)
    match = _PREAMBLE_RE.match(analysis.draft.text[first : first + 120])
    if match is not None:
        rest = first + match.end()
        if not _opens_clause(sentence, rest):
            return None
        return (Edit(first, rest + 1, capitalise(analysis.draft.text[rest])),)
    if len(analysis.draft.text[first:last].split()) > _SHORT_PREAMBLE_WORDS or not _about_writer(sentence):
        return None
    following = next((s for s in analysis.body_sentences if bounds(s)[0] >= last), None)
    if following is not None and following[0].lower_ in _BACK_REFERENCES:
        return None
    return (delete_span(analysis.draft.text, first, last),)


_BACK_REFERENCES = frozenset({"it", "its", "this", "that", "these", "those", "they", "such", "he", "she"})


def _opens_clause(sentence: Span, offset: int) -> bool:
    """Whether a full clause starts at `offset` ("because [we just launched X]"), not a
    phrase ("because [of your expansion]") that cannot stand as a sentence."""
    token = next((t for t in sentence if t.idx == offset), None)
    if token is None:
        return False
    for verb in token.ancestors:
        marks = [c.i for c in verb.children if c.dep_ == "mark" and c.i < token.i]
        if verb.left_edge.i in (token.i, *marks) and verb.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    return False


def _about_writer(sentence: Span) -> bool:
    """The main clause is about the writer ("I ...", or "Wanted to share ..." with no subject)."""
    subjects = [t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        # only a sentence that opens on its verb has dropped its "I": "Meetly turns calls into
        # notes" may parse with "Meetly" as an adverb, and is the seller's news
        first = next((t for t in sentence if not t.is_space), sentence.root)
        return first == sentence.root or first.pos_ in ("VERB", "AUX")
    return subjects[0].lower_ == "i"


_SHORT_PREAMBLE_WORDS = 14


@move("question-last")
def question_last(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """The ask becomes the question, and the question closes the email: replaced in place when
    the ask is the last sentence, otherwise deleted there and added at the end. What the ask
    offered to show ("give us 15 minutes and we can show you how we automate X") stays as a
    statement ("We automate X."), so the sentences after it keep their sense."""
    span = covering_sentences(analysis, start, end)
    last = _last_body_sentence(analysis)
    if span is None or last is None:
        return None
    kept = _shown_claim(analysis, *span)
    if _present(analysis, spec.replacement):  # the question is asked already: this ask just goes
        return (Edit(*span, kept),) if kept else (delete_span(analysis.draft.text, *span),)
    tail = bounds(last)[1]
    if tail <= span[1]:
        return (Edit(*span, (kept + " " if kept else "") + spec.replacement),)
    cut = Edit(*span, kept) if kept else delete_span(analysis.draft.text, *span)
    if any(ask.kind == "reply" and ask.sentence.start == last.start for ask in analysis.asks):
        # the email closes on "Let me know if you're interested": the question takes its place
        # rather than following it
        return (cut, Edit(bounds(last)[0], tail, spec.replacement))
    # a last line without end punctuation (a link, a booking URL) cannot run on into a question
    joint = " " if analysis.draft.text[tail - 1] in _ENDS else paragraph_break(analysis.draft)
    return (cut, Edit(tail, tail, joint + spec.replacement))


_ENDS = ".!?…\"'”’)"
_SHOW_VERBS = frozenset({"show", "see", "demonstrate", "explain", "learn", "walk"})


def _shown_claim(analysis: Analysis, start: int, end: int) -> str:
    """The clause a meeting ask promises to show, as a sentence of its own: "... we can show
    you how we automate X." -> "We automate X." Empty when the ask holds none, when the clause
    does not close the sentence, or when the draft already says it elsewhere."""
    tokens = [t for t in analysis.doc if start <= t.idx < end and not t.is_space]
    while tokens and not tokens[-1].text.strip(".!?…"):
        tokens.pop()
    if not tokens:
        return ""
    for verb in tokens:
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _SHOW_VERBS:
            continue
        how = [t for t in verb.children if t.dep_ == "advmod" and t.lower_ == "how" and t.i < verb.i]
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
        if len(how) != 1 or not subjects or subjects[0].left_edge.i != how[0].i + 1:
            continue
        if subjects[0].lower_ in ("it", "this", "that", "they"):
            continue  # "see how it can work for Acme": alone, "It can work for Acme." points at nothing
        if verb.right_edge.i < tokens[-1].i:
            continue
        text = analysis.draft.text[subjects[0].left_edge.idx : tokens[-1].idx + len(tokens[-1].text)]
        rest = (analysis.draft.text[:start] + analysis.draft.text[end:]).lower()
        return "" if text.lower() in rest else end_sentence(capitalise(text))
    return ""
