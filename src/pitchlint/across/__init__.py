"""Rules that look across emails (rule kinds `sequence` and `batch`): they run after every
email has been checked on its own, and their findings join that email's report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
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

# (rule, its params, the emails, their reports, the sequence files) -> (email index, finding)
AcrossCheck = Callable[
    ["LoadedRule", dict, Sequence["EmailInput"], Sequence[Report], Sequence["SequenceInfo"]],
    list[tuple[int, Finding]],
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
    extra = across_findings(engine, emails, reports, sequences)
    return [engine.with_findings(r, extra[i]) if i in extra else r for i, r in enumerate(reports)]


def across_findings(
    engine: Engine,
    emails: Sequence[EmailInput],
    reports: Sequence[Report],
    sequences: Sequence[SequenceInfo] = (),
) -> dict[int, list[Finding]]:
    """The findings of the engine's sequence and batch rules, by email index. A check reads
    the emails and only the reports it needs (`reports` may be kept on disk)."""
    extra: dict[int, list[Finding]] = defaultdict(list)
    for rule in engine.collection_rules:
        check = _CHECKS.get(rule.id)
        if check is None:
            raise RuleError(rule.path, None, "id", f"no check across emails is named `{rule.id}`")
        params = {**rule.spec.params, **engine.config.params.get(rule.id, {})}
        for index, finding in check(rule, params, emails, reports, sequences):
            ignored = engine.config.ignored_for(emails[index].draft.path)
            if not {rule.id, rule.family} & ignored:
                extra[index].append(finding)
    return dict(extra)
