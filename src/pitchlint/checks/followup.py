"""Follow-ups whose only content is the fact of following up (catalog rule 36).

A follow-up phrase ("just checking in", "I have emailed you a few times", "circling back") is
flagged only when nothing in the email gives the reader something new: a specific number, an
answer to their question, or a resource made for them. The phrase lexicon lives in the rule's
YAML `params`; the value test builds on the shared gives model (`analysis.exchange`) and adds
what only follow-ups need: the count of earlier emails is not a fact, a restated claim is not
new, and a template slot for fresh news counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from pitchlint.analysis.exchange import GENERIC_COLLATERAL_RE, is_fact_number, made_for_reader
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
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
    params = ctx.params_for(rule)
    phrases = regex_list(params, "phrases", wrapping=True, multiline=True)
    answers = regex_list(params, "answer_cues", wrapping=True, multiline=True)
    slot_re = re.compile(str(params.get("content_slot", r"(?!)")), re.I)
    text = ctx.draft.text
    hits: list[tuple[int, int]] = []
    spans_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for index, sent in enumerate(ctx.analysis.body_sentences):
        offset, sentence = sent.start_char, span_text(sent)
        best: tuple[int, int] | None = None
        for pattern in phrases:
            for match in pattern.finditer(sentence):
                start, end = _trim(text, offset + match.start(), offset + match.end())
                if _quoted(sentence, start - offset) or ctx.draft.in_merge_tag(start, end):
                    continue
                if best is None or start < best[0]:
                    best = (start, end)
        if best is not None:
            hits.append(best)
            spans_by_sentence.setdefault(index, []).append(best)
    if not hits:
        return
    restating = False
    for index, sent in enumerate(ctx.analysis.body_sentences):
        # a hard-wrapped line is parsed as its own sentence: "As I mentioned, our" carries on
        restating = bool(_RESTATEMENT.search(span_text(sent))) or (restating and not _ends_sentence(sent))
        if restating:
            continue
        if _carries_value(ctx, sent, spans_by_sentence.get(index, []), answers, slot_re):
            return
    for start, end in hits:
        yield ctx.finding(rule, start, end)


def _ends_sentence(sent: Span) -> bool:
    return span_text(sent).rstrip()[-1:] in (".", "!", "?", ":", ";")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The match without the leading or trailing spaces and punctuation a pattern took in."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _quoted(sentence: str, at: int) -> bool:
    """Inside quotation marks: the phrase is being talked about, not used."""
    before = sentence[:at]
    straight = before.count('"')
    return straight % 2 == 1 or before.count("“") > before.count("”")


def _carries_value(
    ctx: RuleContext,
    sent: Span,
    follow_up_spans: list[tuple[int, int]],
    answers: tuple[re.Pattern[str], ...],
    slot_re: re.Pattern[str],
) -> bool:
    """New value in one sentence: an answer to the reader, a specific number, a resource made
    for them, or a template slot for a fresh insight ("{{new_information}}")."""
    text = span_text(sent)
    if any(p.search(text) for p in answers):
        return True
    for token in sent:
        if is_merge_tag(token) and slot_re.search(token.text):
            return True
    if _RESTATEMENT.search(text) or GENERIC_COLLATERAL_RE.search(text):
        return False
    if any(is_fact_number(ctx.draft, token, tuple(follow_up_spans)) for token in sent):
        return True
    return made_for_reader(sent)
