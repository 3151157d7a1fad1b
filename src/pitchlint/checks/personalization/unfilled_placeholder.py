"""`unfilled-placeholder` (rules/personalization/unfilled-placeholder.yaml): Flags each writer
placeholder ("{the result a customer like you got}") in an email judged as it would be sent: a
finished email, or a `pitchlint rewrite` scored as sent now."""

from __future__ import annotations

from collections.abc import Iterator

from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.mergetags import PLACEHOLDER_RE
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of unfilled-placeholder.yaml, checked: a key not here is an error."""


@check("unfilled-placeholder")
def unfilled_placeholder(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding per placeholder, so a rewrite that leaves three blanks to fill is not
    scored as an email that could go out. Template logic (`{% if %}`, `{{#if}}`), spintax and
    the sending tool's merge tags are not placeholders: the tool fills those."""
    draft = ctx.draft
    scope = set(rule.spec.scope)
    for match in PLACEHOLDER_RE.finditer(draft.text):
        start, end = match.span()
        if not match.group(0)[1:].lstrip()[:1].isalpha():
            continue  # '{"retries": 3}': braces around code, not words to fill
        if draft.zone_at(start) in scope and not _in_larger_tag(draft.merge_tags, start, end):
            yield ctx.finding(rule, start, end)


def _in_larger_tag(tags: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Inside a spintax group or a tool tag that spans more than the placeholder itself."""
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in tags)
