"""Follow-ups whose only content is the fact of following up (catalog rule 36), and guilt
about the reader's silence.

The bumps ("I have emailed you a few times", "just checking in", "any update on this?") come
from the shared follow-up reading (`analysis.followups`). valueless-follow-up flags them when
nothing in the email gives the reader something new: a specific fact, an answer to their
question, a resource made for them. bump-only-follow-up flags a follow-up that is nothing but
a bump and filler, the emails a sequence sends eight of. silence-guilt flags blaming the
reader for not answering, whatever else the email brings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from pitchlint.analysis.exchange import GENERIC_COLLATERAL_RE, is_fact_number, made_for_reader
from pitchlint.analysis.spans import span_text, trim
from pitchlint.checks import check
from pitchlint.checks.targeting import Specifics
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.params import regex_list
from pitchlint.rules.loader import LoadedRule

# "As I mentioned, our platform ..." restates an old claim: not new value.
_RESTATEMENT = re.compile(
    r"^\W*(?:as (?:i|we) (?:mentioned|said|wrote|noted)|as mentioned|like i said)\b", re.I
)


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
    specifics = Specifics(analysis, {})
    for sent in analysis.body_sentences:
        # a hard-wrapped line is parsed as its own sentence: "As I mentioned, our" carries on
        restating = bool(_RESTATEMENT.search(span_text(sent))) or (restating and not _ends_sentence(sent))
        if restating:
            continue
        own = spans_by_sentence.get(sent.start)
        if _carries_value(ctx, sent, own, answers, slot_re, specifics):
            return
    for bump in bumps:
        yield ctx.finding(rule, bump.start, bump.end)


@check("bump-only-follow-up")
def bump_only_follow_up(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding on the first bump of a follow-up that holds nothing else."""
    analysis = ctx.analysis
    if analysis.draft.meta.is_reply or not analysis.bump_only:
        return
    first = analysis.bumps[0]
    yield ctx.finding(rule, first.start, first.end, count=len(analysis.body_sentences))


@check("silence-guilt")
def silence_guilt(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Each sentence that blames the reader's silence or counts the sender's attempts."""
    patterns = regex_list(ctx.params_for(rule), "phrases", wrapping=True)
    for sent in ctx.analysis.body_sentences:
        text = span_text(sent)
        match = next((m for p in patterns for m in p.finditer(text)), None)
        if match is not None:
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            if not ctx.draft.in_merge_tag(start, end):
                yield ctx.finding(rule, start, end)


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
