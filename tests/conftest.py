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
def rule_findings(rule_engine):
    """findings(rule_id, text, params=None): the findings of one rule on `text`, judged alone
    but for the rules it `yields_to` (they run too, unreported)."""
    import dataclasses

    from pitchlint.config import Config
    from pitchlint.draft import parse_draft

    judging: dict[str, Engine] = {}

    def findings(rule: str, text: str, params: dict | None = None):
        engine = rule_engine(rule, params)
        yields_to = next(r.spec.yields_to for r in engine.rules if r.id == rule)
        if yields_to and params is None:  # judged as in the full set: with the rules it yields to
            if rule not in judging:
                config = dataclasses.replace(Config(), select=(rule, *yields_to))
                judging[rule] = Engine(config, rules=engine.rules)
            engine = judging[rule]
        (report,) = engine.check([parse_draft(text, f"<{rule} test>")])
        return [f for f in report.findings if f.rule == rule]

    return findings


@pytest.fixture(scope="session")
def across_findings(engine):
    """findings(rule_id, text): a `sequence` rule's findings on a sequence YAML document, or a
    `batch` rule's on a CSV batch, judged with every rule (a sequence rule reads the others'
    findings on its steps). Each finding comes with its draft."""
    from pitchlint.inputs.load import Loaded
    from pitchlint.inputs.sequence import read_sequence
    from pitchlint.inputs.tabular import read_csv
    from pitchlint.run import check_loaded

    def findings(rule: str, text: str):
        kind = next(r.kind for r in engine.rules if r.id == rule)
        if kind == "sequence":
            emails, info = read_sequence(f"<{rule} example>.yaml", text)
            loaded = Loaded(emails, [], [info])
        else:
            emails, skipped = read_csv(f"<{rule} example>.csv", text)
            assert not skipped, skipped
            loaded = Loaded(emails)
        reports = check_loaded(engine, loaded)
        return [(r.draft, f) for r in reports for f in r.findings if f.rule == rule]

    return findings
