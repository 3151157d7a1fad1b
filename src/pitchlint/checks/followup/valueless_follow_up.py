"""`valueless-follow-up` (rules/followup/valueless-follow-up.yaml): Flags follow-up lines ("I have
emailed you a few times", "just checking in", "circling back", "bumping this") in an email that
brings the reader nothing new."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from pitchlint.analysis.exchange import GENERIC_COLLATERAL_RE, is_fact_number, made_for_reader
from pitchlint.analysis.reader import Specifics
from pitchlint.analysis.spans import span_text, trim
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.params import regex_list
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of valueless-follow-up.yaml, checked: a key not here is an error."""

    answer_cues: list[str]
    content_slot: str


# "As I mentioned, our platform ..." restates an old claim: not new value.
_RESTATEMENT = re.compile(
    r"^\W*(?:as (?:i|we) (?:mentioned|said|wrote|noted)|as mentioned|like i said)\b", re.I
)
# "As a reminder, ..." and "To recap: ..." open a paragraph that restates the earlier email:
# nothing to the paragraph's end is new.
_RECAP = re.compile(
    r"^\W*(?:as a (?:quick )?(?:reminder|refresher|recap)|(?:just )?to recap|(?:a )?quick recap)\b", re.I
)
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


@check("valueless-follow-up")
def valueless_follow_up(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    analysis = ctx.analysis
    bumps = analysis.bumps
    if not bumps or analysis.bump_only:
        return  # nothing to judge, or bump-only-follow-up's heavier finding
    params = ctx.params_for(rule)
    answers = regex_list(params, "answer_cues", wrapping=True, multiline=True)
    slot_re = re.compile(str(params.get("content_slot", r"(?!)")), re.I)
    spans_by_sentence = {b.sentence.start: (b.start, b.end) for b in bumps}
    restating = False
    recap_paragraph = -1
    specifics = Specifics(analysis, {})
    for sent in analysis.body_sentences:
        text = span_text(sent)
        paragraph = len(_BLANK_LINE.findall(analysis.draft.text, 0, sent.start_char))
        if _RECAP.search(text):
            recap_paragraph = paragraph
        # a hard-wrapped line is parsed as its own sentence: "As I mentioned, our" carries on
        restating = bool(_RESTATEMENT.search(text)) or (restating and not _ends_sentence(sent))
        if restating or paragraph == recap_paragraph:
            continue
        own = spans_by_sentence.get(sent.start)
        if _carries_value(ctx, sent, own, answers, slot_re, specifics):
            return
    for bump in bumps:
        yield ctx.finding(rule, bump.start, bump.end)


def _ends_sentence(sent: Span) -> bool:
    return span_text(sent).rstrip()[-1:] in (".", "!", "?", ":", ";")


def _carries_value(
    ctx: RuleContext,
    sent: Span,
    bump: tuple[int, int] | None,
    answers: tuple[re.Pattern[str], ...],
    slot_re: re.Pattern[str],
    specifics: Specifics,
) -> bool:
    """New value in one sentence: an answer to the reader, a specific number, a resource made
    for them, a template slot for a fresh insight ("{{new_information}}"), or a new fact
    about the world with a name or a date in it ("Ohio changed thresholds on July 1")."""
    text = span_text(sent)
    if any(p.search(text) for p in answers):
        return True
    for token in sent:
        if is_merge_tag(token) and slot_re.search(token.text):
            return True
    if _RESTATEMENT.search(text) or GENERIC_COLLATERAL_RE.search(text):
        return False
    excluded = (bump,) if bump else ()
    if any(is_fact_number(ctx.draft, token, excluded) for token in sent):
        return True
    return made_for_reader(sent) or _news(ctx, sent, bump, specifics)


def _news(ctx: RuleContext, sent: Span, bump: tuple[int, int] | None, specifics: Specifics) -> bool:
    """A statement of something that happened, not the seller's claim about itself: a main
    clause in the past or present perfect whose subject is not the seller, naming a place, an
    organisation, a law or a date outside the bump phrase."""
    analysis = ctx.analysis
    if sent.text.rstrip().endswith("?"):
        return False
    outside = {t.i for t in trim(sent) if bump is None or not (bump[0] <= t.idx < bump[1])}
    for clause in analysis.all_clauses_in(sent):
        verb = clause.verb
        if clause.agency == "seller" or verb.i not in outside:
            continue
        happened = verb.tag_ in ("VBD", "VBN") or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children
        )
        if happened and any(specifics.specific(t) for t in verb.subtree if t.i in outside):
            return True
    return False
