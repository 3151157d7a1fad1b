"""`clickbait-promise` (rules/subject/clickbait-promise.yaml): Flags teaser promises in the subject
or first lines ("In less than 3 minutes", "Top 12 reasons why", "Grow revenue 90%", "You won't
believe") and a "Quick question" subject over a body that asks none."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pitchlint.analysis import Analysis
from pitchlint.analysis.spans import first_pattern_span, pattern_spans, span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import regex_list as _regex
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of clickbait-promise.yaml, checked: a key not here is an error."""

    body_sentences: int
    teaser_patterns: list[str]
    subject_only_patterns: list[str]
    percent_promise_patterns: list[str]
    delivering_question_kinds: list[str]
    question_subject_patterns: list[str]


# 2. clickbait-promise ------------------------------------------------------------------------
@check("clickbait-promise")
def clickbait_promise(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Teasers in the subject or the first lines ("In less than 3 minutes", "Top 12 reasons",
    "Grow revenue 90%"), and a "Quick question" subject over a body that asks none."""
    params = ctx.params_for(rule)
    draft, analysis = ctx.draft, ctx.analysis
    teaser = _regex(params, "teaser_patterns")
    subject_only = _regex(params, "subject_only_patterns")
    promise = _regex(params, "percent_promise_patterns")
    reported: list[tuple[int, int]] = []
    subject = draft.zone("subject")
    if subject is not None:
        text = draft.text[subject.start : subject.end]
        for start, end in pattern_spans((*teaser, *subject_only, *promise), text):
            reported.append((subject.start + start, subject.start + end))
        question = first_pattern_span(_regex(params, "question_subject_patterns"), text)
        delivering = _words(params, "delivering_question_kinds")
        if question and not draft.meta.is_reply and not _body_asks_question(analysis, delivering):
            reported.append((subject.start + question[0], subject.start + question[1]))
    for sent in analysis.body_sentences[: int(params.get("body_sentences", 2))]:
        for start, end in pattern_spans((*teaser, *promise), span_text(sent)):
            reported.append((sent.start_char + start, sent.start_char + end))
    for start, end in _non_overlapping(reported):
        yield ctx.finding(rule, start, end)


def _body_asks_question(analysis: Analysis, kinds: frozenset[str]) -> bool:
    """Does the body hold a question of a kind that keeps the subject's promise?"""
    return any(q.kind in kinds for q in analysis.questions)


def _non_overlapping(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if end > start and not any(s < end and start < e for s, e in kept):
            kept.append((start, end))
    return kept
