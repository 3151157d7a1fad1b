"""`silence-guilt` (rules/followup/silence-guilt.yaml): Flags blaming the reader for not answering
or counting the sender's attempts: "I never heard back", "I've tried reaching you several times",
"You must be busy, but", "Since I didn't hear back, I assume"."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import regex_list
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of silence-guilt.yaml, checked: a key not here is an error."""

    phrases: list[str]


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
