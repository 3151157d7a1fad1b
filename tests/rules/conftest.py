"""Fixtures of the rule tests."""

from __future__ import annotations

import dataclasses

import pytest

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine


@pytest.fixture(scope="session")
def run(engine):
    """run(text, rule_id, **params): that rule's findings with only it selected, its params
    overridden as a config would (an engine per rule and params, sharing the pipeline)."""
    engines: dict[tuple[str, str], Engine] = {}

    def check(text: str, rule: str, **params: object):
        key = (rule, repr(sorted(params.items())))
        if key not in engines:
            config = dataclasses.replace(Config(), select=(rule,), params={rule: params} if params else {})
            engines[key] = Engine(config, rules=engine.rules)
        (report,) = engines[key].check([parse_draft(text, "<test>")])
        return [f for f in report.findings if f.rule == rule]

    return check
