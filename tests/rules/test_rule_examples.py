"""Every YAML example is a test: bad examples fire their rule (on `match`), good examples
(near misses) do not, and `fixed` is exactly what the rule's fix produces (every applicability,
as `pitchlint rewrite` applies it, with the rule judged alone) and no longer fires the rule. A
bad example without `fixed` is one the fix declines or only partly mends. The judge is the one
`pitchlint test-rules` runs on a team's own rules (pitchlint.rules.examples)."""

from __future__ import annotations

import pytest

from pitchlint.rules.examples import ExampleJudge
from pitchlint.rules.loader import bundled_rules_dir, load_rules

BUNDLED = load_rules([bundled_rules_dir()])
BAD = [(r, i, ex) for r in BUNDLED for i, ex in enumerate(r.spec.examples.bad)]
GOOD = [(r, i, ex) for r in BUNDLED for i, ex in enumerate(r.spec.examples.good)]


@pytest.fixture(scope="module")
def judge() -> ExampleJudge:
    return ExampleJudge(BUNDLED)


@pytest.mark.parametrize(("rule", "index", "example"), BAD, ids=[f"{r.id}-bad-{i}" for r, i, _ in BAD])
def test_bad_example_fires(judge, rule, index, example):
    problem = judge.bad(rule, example)
    assert problem is None, f"{rule.id} example {index}: {problem}"


@pytest.mark.parametrize(("rule", "index", "example"), GOOD, ids=[f"{r.id}-good-{i}" for r, i, _ in GOOD])
def test_good_example_is_quiet(judge, rule, index, example):
    problem = judge.good(rule, example)
    assert problem is None, f"{rule.id} example {index}: {problem}"
