"""Asking a first email for a call, a demo or "just 15 minutes" (catalog rule 30).

The detection lives in `analysis.meeting_asks` because the asks-and-gives model shares it. The
rule runs on first touches only (`when: first-touch`); a reply that accepts a time the prospect
proposed is a touch 2.
"""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule


@check("first-touch-meeting-ask")
def first_touch_meeting_ask(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    if ctx.draft.meta.is_reply:
        return
    for _sent, start, end in ctx.analysis.meeting_asks:
        yield ctx.finding(rule, start, end)
