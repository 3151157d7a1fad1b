"""python kind: a named function in the checks registry, for smells that need code."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.vocab import Vocab

from pitchlint.checks import get_check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.schema import PythonRule


class PythonChecker:
    def __init__(self, rule: LoadedRule, vocab: Vocab) -> None:
        spec = rule.spec
        assert isinstance(spec, PythonRule)
        self.rule = rule
        self.function = get_check(spec.function or spec.id, rule.path)

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        return self.function(ctx, self.rule)
