"""Asking a first email for a call, a demo or "just 15 minutes" (catalog rule 30).

The detection lives in `analysis.meeting_asks` because the asks-and-gives model shares it. The
rule runs on first touches only (`when: first-touch`); a reply that accepts a time the prospect
proposed is a touch 2.

A demand ("give us just 15 minutes", "Book here", "I'd love to set up a call") is an error. An
optional question the reader can answer with a word ("Worth a 10-minute chat?") is a warning:
the catalog's advice is to make the ask "small and optional, and after the gift" (4.1), and
template libraries that real sellers endorse end that way. A minimiser ("just", "only")
in the question keeps it an error: it discounts the reader's time while asking for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitchlint.analysis.core import is_question
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.rules.loader import LoadedRule


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
