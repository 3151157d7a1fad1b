"""`first-touch-meeting-ask` (rules/asks/first-touch-meeting-ask.yaml): Flags a first email that
asks for a call, a demo, a meeting or "just 15 minutes", or offers time slots or a booking link."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitchlint.analysis.core import is_question
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of first-touch-meeting-ask.yaml, checked: a key not here is an error."""


@check("first-touch-meeting-ask")
def first_touch_meeting_ask(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    if ctx.draft.meta.is_reply:
        return
    for sent, start, end in ctx.analysis.meeting_asks:
        optional = is_question(sent) and not _MINIMISER_RE.search(span_text(sent))
        if optional:
            yield ctx.finding(rule, start, end, severity=Severity.WARNING, detail=" (an optional question)")
        else:
            yield ctx.finding(rule, start, end, detail="")


_MINIMISER_RE = re.compile(r"\b(?:just|only|a sec|one second)\b", re.I)
