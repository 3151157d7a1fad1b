"""Every YAML example is a test: bad examples fire their rule (on `match`), good examples
(near misses) do not, and `fixed` is exactly what the rule's fix produces (every applicability,
as `pitchlint rewrite` applies it, with the rule judged alone) and no longer fires the rule. A
bad example without `fixed` is one the fix declines or only partly mends."""

from __future__ import annotations

import pytest

from pitchlint.draft import parse_draft
from pitchlint.fixer import rewrite_draft
from pitchlint.rules.loader import bundled_rules_dir, load_rules
from pitchlint.rules.schema import COLLECTION_KINDS

BUNDLED = load_rules([bundled_rules_dir()])
BAD = [(r, i, ex) for r in BUNDLED for i, ex in enumerate(r.spec.examples.bad)]
GOOD = [(r, i, ex) for r in BUNDLED for i, ex in enumerate(r.spec.examples.good)]


def _findings(rule_findings, rule, text):
    return parse_draft(text, f"<{rule.id} example>"), rule_findings(rule.id, text)


@pytest.mark.parametrize(("rule", "index", "example"), BAD, ids=[f"{r.id}-bad-{i}" for r, i, _ in BAD])
def test_bad_example_fires(rule_findings, rule_engine, across_findings, rule, index, example):
    if rule.kind in COLLECTION_KINDS:
        found = across_findings(rule.id, example.text)
        assert found, f"{rule.id} did not fire on bad example {index}"
        for draft, finding in found:
            assert draft.text[finding.start : finding.end] == finding.matched
        if example.match is not None:
            assert example.match in [f.matched for _, f in found]
        return
    draft, found = _findings(rule_findings, rule, example.text)
    assert found, f"{rule.id} did not fire on bad example {index}: {example.text!r}"
    for finding in found:
        assert draft.text[finding.start : finding.end] == finding.matched
    if example.match is not None:
        assert example.match in [f.matched for f in found], (
            f"{rule.id}: expected a match on {example.match!r}, got {[f.matched for f in found]}"
        )
    if rule.spec.fix is None:
        return
    outcome = rewrite_draft(rule_engine(rule.id), draft)
    if example.fixed is not None:
        assert outcome.draft.text == example.fixed
        assert not outcome.report.findings, f"{rule.id}: fixed text still fires"
    else:
        # no `fixed`: the fix declines here, or leaves the rule firing; a silent full rewrite
        # must be written down as `fixed` so it is checked
        assert outcome.draft.text == example.text or outcome.report.findings, (
            f"{rule.id}: bad example {index} is rewritten to {outcome.draft.text!r}; add it as `fixed`"
        )


@pytest.mark.parametrize(("rule", "index", "example"), GOOD, ids=[f"{r.id}-good-{i}" for r, i, _ in GOOD])
def test_good_example_is_quiet(rule_findings, across_findings, rule, index, example):
    if rule.kind in COLLECTION_KINDS:
        found = [f for _, f in across_findings(rule.id, example.text)]
    else:
        _, found = _findings(rule_findings, rule, example.text)
    assert not found, f"{rule.id} fired on near miss {index}: {[f.matched for f in found]}"
