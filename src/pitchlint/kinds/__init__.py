"""The closed set of rule kinds. Each turns one validated rule into a checker."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from spacy.vocab import Vocab

from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule


class Checker(Protocol):
    def check(self, ctx: RuleContext) -> Iterable[Finding]: ...


def build_checker(rule: LoadedRule, vocab: Vocab) -> Checker:
    from pitchlint.kinds import matchers, metric, python, ratio, regex, subject

    builders: dict[str, Callable[[LoadedRule, Vocab], Checker]] = {
        "phrase": matchers.MatcherChecker,
        "pattern": matchers.MatcherChecker,
        "dependency": matchers.MatcherChecker,
        "ratio": ratio.RatioChecker,
        "metric": metric.MetricChecker,
        "subject": subject.SubjectChecker,
        "regex": regex.RegexChecker,
        "python": python.PythonChecker,
    }
    return builders[rule.kind](rule, vocab)
