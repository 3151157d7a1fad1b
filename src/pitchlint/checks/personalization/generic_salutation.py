"""`generic-salutation` (rules/personalization/generic-salutation.yaml): Flags a greeting addressed
to a role or to nobody: "Dear Webmaster", "Hi there", "Dear Sir or Madam", "To whom it may concern",
and (as a weaker hint) a bare "Hello," with no name."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.greeting import Greeting
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of generic-salutation.yaml, checked: a key not here is an error."""


@check("generic-salutation")
def generic_salutation(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A greeting to a role ("Dear Webmaster", "Hi there") or to nobody ("Hello,"). A name slot
    that rendered wrong ("Hi ,") is merge-field-artifacts' finding, and a draft with no greeting
    line (an issue, a pitch form) greets nobody in particular by design."""
    greeting = ctx.draft.greeting
    if greeting.defect is not None or greeting.salutation is None or "greeting" not in rule.spec.scope:
        return
    if greeting.kind == "generic":
        yield _salutation_finding(ctx, rule, greeting, "a role, not a person", None)
    elif greeting.kind == "blank":
        # weaker evidence: a bare "Hi," is also how people open a note to a project or a forum
        yield _salutation_finding(ctx, rule, greeting, "no name at all", Severity.INFO)


def _salutation_finding(
    ctx: RuleContext, rule: LoadedRule, greeting: Greeting, detail: str, severity: Severity | None
) -> Finding:
    assert greeting.salutation is not None
    start = greeting.salutation[0]
    end = max(greeting.salutation[1], greeting.addressee[1] if greeting.addressee else 0)
    return ctx.finding(rule, start, end, severity=severity, detail=detail)
