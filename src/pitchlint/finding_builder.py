"""The one way a finding is built, by rules on one draft and rules across a batch alike. Light
on purpose (no spaCy): the rules across emails run on cached results without the pipeline."""

from __future__ import annotations

import functools
import string
from typing import TYPE_CHECKING, Any

from pitchlint.draft import Draft
from pitchlint.findings import Finding, Fix, Severity
from pitchlint.rules.schema import DEFAULT_WEIGHTS
from pitchlint.wording import clip

if TYPE_CHECKING:
    from pitchlint.rules.schema import LoadedRule


class _Fields(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FACTOR = {
    Severity.INFO: DEFAULT_WEIGHTS["info"],
    Severity.WARNING: DEFAULT_WEIGHTS["warning"],
    Severity.ERROR: DEFAULT_WEIGHTS["error"],
}


def build_finding(
    rule: LoadedRule,
    draft: Draft,
    start: int,
    end: int,
    *,
    severity: Severity | None = None,
    fix: Fix | None = None,
    **fields: Any,
) -> Finding:
    """The one way a finding is built (rules on one draft and rules across a batch alike).
    A rule's severity is the most its findings can be (a lower level from a threshold or a
    softer context costs proportionally less), so lowering a rule's severity, as calibration
    does when the data don't support it, lowers every finding of it."""
    spec = rule.spec
    declared = Severity.parse(spec.severity)
    actual = min(severity, declared) if severity is not None else declared
    weight = spec.effective_weight * _FACTOR[actual] / _FACTOR[declared]
    matched = draft.text[start:end]
    message = string.Formatter().vformat(spec.message, (), _Fields(match=clip(matched), **fields))
    line, col = draft.line_col(start)
    return Finding(
        rule=spec.id,
        severity=actual,
        start=start,
        end=end,
        line=line,
        col=col,
        matched=matched,
        message=message,
        weight=round(weight, 2),
        advice=_stripped(spec.advice),
        fix=fix,
        family=rule.family,
        positive=spec.positive,
    )


@functools.lru_cache(maxsize=1024)
def _stripped(advice: str) -> str:
    """One copy of each rule's advice, shared by all its findings: a run over thousands of
    templates holds every finding until it is reported."""
    return advice.strip()
