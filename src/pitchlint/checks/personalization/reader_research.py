"""`reader-research` (rules/personalization/reader-research.yaml): A positive signal: a sentence
that shows real research about this reader in the sender's own words (their named work or project,
an observation of something specific of theirs, a meeting with a name or a date), not a merge field.
"""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.analysis.reader import SpecificsParams
from pitchlint.analysis.spans import trim
from pitchlint.checks import check
from pitchlint.checks._shared.reader_facts import researched
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule


class Params(SpecificsParams):
    """`params` of reader-research.yaml, checked: a key not here is an error."""


@check("reader-research")
def reader_research(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A positive signal on each sentence that shows research about this reader in its own
    words: their named work, a meeting with a name or date, an observation of something
    specific of theirs."""
    for sent, reason in researched(ctx, ctx.params_for(rule)):
        span = trim(sent)
        yield ctx.finding(rule, span.start_char, span.end_char, detail=reason)
