"""`silence-guilt` (rules/followup/silence-guilt.yaml): Flags blaming the reader for not answering
or counting the sender's attempts: "I never heard back", "I've tried reaching you several times",
"You must be busy, but", "Since I didn't hear back, I assume", "Since you've clearly decided",
"I'd hate to think it was all for nothing"."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.finding_builder import build_finding
from pitchlint.findings import Finding
from pitchlint.params import regex_list
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams

VALUELESS_RULE = "valueless-follow-up"


class Params(RuleParams):
    """`params` of silence-guilt.yaml, checked: a key not here is an error."""

    phrases: list[str]


@check("silence-guilt")
def silence_guilt(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Each sentence that blames the reader's silence or counts the sender's attempts. Where
    valueless-follow-up replaces the sentence with a slot for news, that is the fix: deleting
    it too would leave the follow-up with nothing in its place."""
    patterns = regex_list(ctx.params_for(rule), "phrases", wrapping=True)
    replaced = [(f.start, f.end) for f in ctx.findings_of(VALUELESS_RULE)]
    for sent in ctx.analysis.body_sentences:
        text = span_text(sent)
        match = next((m for p in patterns for m in p.finditer(text)), None)
        if match is not None:
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            if ctx.draft.in_merge_tag(start, end):
                continue
            if any(sent.start_char <= s < sent.end_char for s, _e in replaced):
                yield build_finding(rule, ctx.draft, start, end)
            else:
                yield ctx.finding(rule, start, end)
