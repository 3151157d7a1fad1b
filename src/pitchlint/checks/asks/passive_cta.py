"""`passive-cta` (rules/asks/passive-cta.yaml): Flags closings that leave the next step to the
reader ("Let me know if you have any questions", "Any questions?", "Feel free to reach out", "Here
is a link with more information") in an email that asks them nothing specific."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.checks import check
from pitchlint.checks._shared.cta import _at, _first, _regexes, _search
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of passive-cta.yaml, checked: a key not here is an error."""

    closing_sentences: int
    closing_skip_patterns: list[str]
    quiet_with_genuine_question: bool
    phrases: list[str]


# passive-cta ------------------------------------------------------------------------------
@check("passive-cta")
def passive_cta(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A closing that leaves the next step to the reader, in an email that asks them nothing
    specific. In a reply to their own question, "let me know if you have any questions" is
    courtesy, not a call to action."""
    params = ctx.params_for(rule)
    analysis = ctx.analysis
    if ctx.draft.meta.is_reply:
        return
    if params.get("quiet_with_genuine_question", True) and analysis.genuine_questions:
        return
    skip = _regexes(params, "closing_skip_patterns")
    content = [s for s in analysis.body_sentences if not any(p.search(s.text.strip()) for p in skip)]
    closing = content[-int(params.get("closing_sentences", 3)) :]
    patterns = _regexes(params, "phrases")
    for sent in closing:
        hit = _first(_at(sent, m) for m in _search(sent, patterns))
        if hit is not None:
            yield ctx.finding(rule, *hit)
