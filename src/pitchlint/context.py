"""What a rule sees while checking one draft, and the one way findings are built."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from pitchlint.analysis import Analysis
from pitchlint.draft import Draft
from pitchlint.finding_builder import build_finding
from pitchlint.findings import Finding, Fix, Severity
from pitchlint.fixes import fix_from_spec
from pitchlint.rules.loader import LoadedRule


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
