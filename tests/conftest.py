"""Shared fixtures: one engine over the bundled rules, reused by every test (loading the
pipeline is the expensive part)."""

from __future__ import annotations

from pathlib import Path

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
def rule_findings(rules):
    """findings(rule_id, text, params=None): the findings of one rule judged alone on `text`
    (engines are cached per rule and share the loaded pipeline)."""
    import dataclasses

    from pitchlint.config import Config
    from pitchlint.draft import parse_draft

    engines: dict[str, Engine] = {}

    def findings(rule: str, text: str, params: dict | None = None):
        if params is not None:
            config = dataclasses.replace(Config(), select=(rule,), params={rule: params})
            runner = Engine(config, rules=rules)
        else:
            if rule not in engines:
                engines[rule] = Engine(dataclasses.replace(Config(), select=(rule,)), rules=rules)
            runner = engines[rule]
        (report,) = runner.check([parse_draft(text, f"<{rule} test>")])
        return [f for f in report.findings if f.rule == rule]

    return findings
