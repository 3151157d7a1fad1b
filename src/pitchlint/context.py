"""What a rule sees while checking one draft, and the one way findings are built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from pitchlint.analysis import Analysis
from pitchlint.draft import Draft
from pitchlint.finding_builder import build_finding
from pitchlint.findings import Finding, Fix, Severity
from pitchlint.rules.schema import FixSpec, LoadedRule


@dataclass
class RuleContext:
    draft: Draft
    doc: Doc
    analysis: Analysis
    params: dict[str, dict[str, Any]]
    memo: dict[str, Any] = field(default_factory=dict)  # per-draft facts the checks of a draft share
    judge: Callable[[str], list[Finding]] | None = None  # the engine's run of a rule on this draft
    current: LoadedRule | None = None  # the rule being checked
    # the declared fix on a match (the engine's `rewrite.declared.fix_from_spec`); None: no fixes
    fix_for: Callable[[FixSpec, int, int], Fix | None] | None = None

    def findings_of(self, rule_id: str) -> list[Finding]:
        """Another rule's findings on this draft, judged once by the engine with that rule's
        own params. The asking rule names it under `reads:`, so the dependency is declared."""
        asking = self.current
        if asking is None or rule_id not in getattr(asking.spec, "reads", ()):
            who = asking.id if asking is not None else "a check"
            raise LookupError(
                f"{who} reads {rule_id}'s findings, but its rule file has no `reads: [{rule_id}]`"
            )
        if self.judge is None:
            raise LookupError("findings of other rules are judged by the engine")
        return self.judge(rule_id)

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
        if fix is None and rule.spec.fix is not None and self.fix_for is not None:
            fix = self.fix_for(rule.spec.fix, start, end)
        return build_finding(rule, self.draft, start, end, severity=severity, fix=fix, **fields)
