"""`bump-only-follow-up` (rules/followup/bump-only-follow-up.yaml): Flags a follow-up whose only
content is the follow-up itself: every sentence is a bump ("Just checking in", "Any update on
this?", "Not sure if you saw my last note") or filler around one (thanks, "hope you're well", "let
me know"). An email with no step number that does nothing but chase an earlier one is a follow-up by
its own words."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of bump-only-follow-up.yaml, checked: a key not here is an error."""


@check("bump-only-follow-up")
def bump_only_follow_up(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding on the first bump of a follow-up that holds nothing else."""
    analysis = ctx.analysis
    if analysis.draft.meta.is_reply or not analysis.bump_only:
        return
    first = analysis.bumps[0]
    yield ctx.finding(rule, first.start, first.end, count=len(analysis.body_sentences))
