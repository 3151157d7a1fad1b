"""`no-personalization` (rules/personalization/no-personalization.yaml): Flags a first email with
nothing specific to this reader beyond the greeting name: no fact about their company, role, news or
work, no recipient merge field beyond the name."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.analysis import Analysis
from pitchlint.analysis.reader import SpecificsParams, _anchor
from pitchlint.checks import check
from pitchlint.checks._shared.reader_facts import reader_facts
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule


class Params(SpecificsParams):
    """`params` of no-personalization.yaml, checked: a key not here is an error."""


def _skip_relationship(analysis: Analysis) -> bool:
    meta = analysis.draft.meta
    return meta.relationship == "customer" or meta.is_reply


@check("no-personalization")
def no_personalization(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Fire once when no sentence holds a fact about this reader beyond the greeting name."""
    analysis = ctx.analysis
    if _skip_relationship(analysis) or not analysis.body_sentences:
        return
    if reader_facts(ctx, ctx.params_for(rule)):
        return
    anchor = _anchor(analysis)
    if anchor is not None:
        yield ctx.finding(rule, anchor.start_char, anchor.end_char)
