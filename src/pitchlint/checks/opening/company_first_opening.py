"""`company-first-opening` (rules/opening/company-first-opening.yaml): Flags emails whose first
sentences introduce the seller (name, founding, size, credentials, "we are a…", "here's what we do")
before anything about the reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pitchlint.analysis import Analysis
from pitchlint.analysis.core import is_question
from pitchlint.checks import check
from pitchlint.checks.opening._helpers import (
    _leading,
    _main_agency,
    _mentions_reader,
    _reader_specific,
    _trimmed,
    self_intro,
)
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import regex_list as _regex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of company-first-opening.yaml, checked: a key not here is an error."""

    sentences: int
    reply_sentences: int
    pleasantry_patterns: list[str]
    intro_patterns: list[str]
    credential_patterns: list[str]
    tenure_patterns: list[str]
    identity_verbs: list[str]
    what_we_do_verbs: list[str]
    role_verbs: list[str]
    attr_exempt: list[str]
    observation_verbs: list[str]
    generic_states: list[str]


# 4. company-first-opening --------------------------------------------------------------------
@check("company-first-opening")
def company_first_opening(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """The first one or two sentences (after any pleasantry) introduce the seller: name,
    founding, credentials, "we are a ...", "here's what we do". In a reply, only an answer
    about the seller that runs three sentences without turning back to the reader."""
    params = ctx.params_for(rule)
    analysis, meta = ctx.analysis, ctx.draft.meta
    if meta.is_reply:
        span = _reply_about_us(analysis, params)
    elif meta.is_follow_up:
        return
    else:
        span = _about_us_opening(analysis, params)
    if span is not None:
        yield ctx.finding(rule, *span)


def _about_us_opening(analysis: Analysis, params: dict[str, Any]) -> tuple[int, int] | None:
    sentences = _leading(analysis, _regex(params, "pleasantry_patterns"))
    window = sentences[: int(params.get("sentences", 2))]
    for i, sent in enumerate(window):
        if not self_intro(analysis, sent, params):
            if _reader_specific(analysis, sent, params):
                return None  # the opening is about the reader; a self-ID after it is fine
            continue
        last = sent
        for nxt in sentences[i + 1 :]:
            if not self_intro(analysis, nxt, params):
                break
            last = nxt
        return _trimmed(sent)[0], _trimmed(last)[1]
    return None


def _reply_about_us(analysis: Analysis, params: dict[str, Any]) -> tuple[int, int] | None:
    """Answering "tell us a little bit about your company?" at length: N sentences about the
    seller, none turned back to the reader (seed 002: "a few" things, then "enough about me")."""
    needed = int(params.get("reply_sentences", 3))
    sentences = [s for s in analysis.body_sentences if any(t.pos_ in ("VERB", "AUX") for t in s)][:needed]
    if len(sentences) < needed or not any(self_intro(analysis, s, params) for s in sentences):
        return None  # "Sure!" and other verbless lines are skipped
    for sent in sentences:
        if is_question(sent) or _mentions_reader(analysis, sent):
            return None
        if not self_intro(analysis, sent, params) and _main_agency(analysis, sent) != "seller":
            return None
    return _trimmed(sentences[0])[0], _trimmed(sentences[-1])[1]
