"""What a rule sees while checking one draft, and the one way findings are built."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from pitchlint.analysis import Analysis
from pitchlint.draft import Draft
from pitchlint.findings import Finding, Fix, Severity
from pitchlint.fixes import fix_from_spec
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.schema import DEFAULT_WEIGHTS
from pitchlint.wording import clip


class _Fields(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FACTOR = {
    Severity.INFO: DEFAULT_WEIGHTS["info"],
    Severity.WARNING: DEFAULT_WEIGHTS["warning"],
    Severity.ERROR: DEFAULT_WEIGHTS["error"],
}


@dataclass
class RuleContext:
    draft: Draft
    doc: Doc
    analysis: Analysis
    params: dict[str, dict[str, Any]]
    memo: dict[str, Any] = field(default_factory=dict)  # per-draft results one rule reuses from another

    def params_for(self, rule: LoadedRule) -> dict[str, Any]:
        """The rule's YAML `params`, overlaid with the config's overrides for it."""
        return {**rule.spec.params, **self.params.get(rule.id, {})}

    def finding(
        self,
        rule: LoadedRule,
        start: int,
        end: int,
        *,
        severity: Severity | None = None,
        fix: Fix | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding on `text[start:end]`, with the rule's declared fix when it has one."""
        if fix is None and rule.spec.fix is not None:
            fix = fix_from_spec(rule.spec.fix, self, start, end)
        return build_finding(rule, self.draft, start, end, severity=severity, fix=fix, **fields)


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
    """The one way a finding is built (rules on one draft and rules across a batch alike);
    weight scales with severity below the rule's own."""
    spec = rule.spec
    declared = Severity.parse(spec.severity)
    actual = severity or declared
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
        advice=spec.advice.strip(),
        fix=fix,
        family=rule.family,
    )
