"""Rules that look across emails (rule kinds `sequence` and `batch`): they run after every
email has been checked on its own, and their findings join that email's report."""

from __future__ import annotations

import heapq
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from pitchlint.errors import RuleError
from pitchlint.findings import Finding
from pitchlint.registry import Registry
from pitchlint.report import Report

if TYPE_CHECKING:
    from pitchlint.engine import Engine
    from pitchlint.inputs import EmailInput
    from pitchlint.inputs.sequence import SequenceInfo
    from pitchlint.rules.loader import LoadedRule

# (rule, its params, the emails, their reports, the sequence files) -> (email index, finding),
# in index order, so a run takes each email's findings as they come and holds none of them. A
# check reads the reports it needs before it yields its first finding: the run then replaces
# each email's report with the one carrying what the rules across emails added.
AcrossCheck = Callable[
    ["LoadedRule", dict, Sequence["EmailInput"], Sequence[Report], Sequence["SequenceInfo"]],
    Iterable[tuple[int, Finding]],
]
_CHECKS: Registry[AcrossCheck] = Registry(__name__, "check across emails")
across_check = _CHECKS.register


def run_across_rules(
    engine: Engine,
    emails: Sequence[EmailInput],
    reports: Sequence[Report],
    sequences: Sequence[SequenceInfo] = (),
) -> list[Report]:
    """The reports with the findings of the engine's sequence and batch rules added."""
    extra = dict(across_findings(engine, emails, reports, sequences))
    return [engine.with_findings(r, extra[i]) if i in extra else r for i, r in enumerate(reports)]


def across_findings(
    engine: Engine,
    emails: Sequence[EmailInput],
    reports: Sequence[Report],
    sequences: Sequence[SequenceInfo] = (),
) -> Iterator[tuple[int, list[Finding]]]:
    """The findings of the engine's sequence and batch rules, email by email in index order
    (the rules' findings merged, in rule order within an email). A check reads the emails and
    only the reports it needs (`reports` may be kept on disk)."""
    streams = []
    for rule in engine.collection_rules:
        check = _CHECKS.get(rule.id)
        if check is None:
            raise RuleError(rule.path, None, "id", f"no check across emails is named `{rule.id}`")
        params = {**rule.spec.params, **engine.config.params.get(rule.id, {})}
        streams.append(_kept(engine, rule, check(rule, params, emails, reports, sequences), emails))
    merged = heapq.merge(*streams, key=operator.itemgetter(0))  # stable: rule order within an email
    for index, pairs in itertools.groupby(merged, key=operator.itemgetter(0)):
        yield index, [finding for _index, finding in pairs]


def _kept(
    engine: Engine, rule: LoadedRule, found: Iterable[tuple[int, Finding]], emails: Sequence[EmailInput]
) -> Iterator[tuple[int, Finding]]:
    """The rule's findings but those the config ignores for their file, checked to come in
    index order (a merge of streams out of order would split an email's findings)."""
    last = -1
    for index, finding in found:
        if index < last:
            raise RuntimeError(f"the check across emails `{rule.id}` went back to email {index}")
        last = index
        if not {rule.id, rule.family} & engine.config.ignored_for(emails[index].draft.path):
            yield index, finding
