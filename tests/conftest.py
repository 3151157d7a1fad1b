"""Shared fixtures: one engine over the bundled rules, reused by every test (loading the
pipeline is the expensive part)."""

from __future__ import annotations

import os
from pathlib import Path

# a rule that raises fails its test with the traceback, instead of being reported and left out
# of the grade as it is for users (tests/cli/test_hostile_inputs.py turns this off where it tests that)
os.environ["PITCHLINT_STRICT"] = "1"

import pytest

from pitchlint.engine import Engine
from pitchlint.rules.loader import bundled_rules_dir, load_rules

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def rules():
    return load_rules([bundled_rules_dir()])


@pytest.fixture(scope="session")
def rule_engine(rules):
    """rule_engine(rule_id, params=None): an engine that runs that one rule (cached per rule;
    all of them share the loaded pipeline)."""
    import dataclasses

    from pitchlint.config import Config

    engines: dict[str, Engine] = {}

    def engine_for(rule: str, params: dict | None = None) -> Engine:
        if params is not None:
            config = dataclasses.replace(Config(), select=(rule,), params={rule: params})
            return Engine(config, rules=rules)
        if rule not in engines:
            engines[rule] = Engine(dataclasses.replace(Config(), select=(rule,)), rules=rules)
        return engines[rule]

    return engine_for


@pytest.fixture(scope="session")
def example_judge(rules):
    """The judge `pitchlint test-rules` runs (pitchlint.rules.examples), over the bundled rules."""
    from pitchlint.rules.examples import ExampleJudge

    return ExampleJudge(rules)


@pytest.fixture(scope="session")
def rule_findings(rule_engine, example_judge):
    """findings(rule_id, text, params=None): the findings of one rule on `text`, judged alone
    but for the rules it `yields_to` (they run too, unreported); with `params`, that rule alone
    with its params set."""
    from pitchlint.draft import parse_draft

    by_id = {r.id: r for r in example_judge.rules}

    def findings(rule: str, text: str, params: dict | None = None):
        if params is None:
            return [f for _, f in example_judge.findings(by_id[rule], text)]
        (report,) = rule_engine(rule, params).check([parse_draft(text, f"<{rule} test>")])
        return [f for f in report.findings if f.rule == rule]

    return findings


@pytest.fixture(scope="session")
def across_findings(example_judge):
    """findings(rule_id, text): a `sequence` rule's findings on a sequence YAML document, or a
    `batch` rule's on a CSV batch, judged with every rule (a sequence rule reads the others'
    findings on its steps). Each finding comes with its draft."""
    by_id = {r.id: r for r in example_judge.rules}

    def findings(rule: str, text: str):
        return example_judge.findings(by_id[rule], text)

    return findings
