"""`first-touch-meeting-ask` (rules/asks/first-touch-meeting-ask.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

import dataclasses

import pytest

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.findings import Severity


@pytest.fixture(scope="module")
def only_rule(rules):
    return Engine(dataclasses.replace(Config(), select=("first-touch-meeting-ask",)), rules=rules)


@pytest.mark.parametrize(
    ("body", "severity"),
    [
        ("Your Q2 filing added 14 states. Worth a 10-minute chat?", Severity.WARNING),
        ("Open to a quick call about it next week?", Severity.WARNING),
        ("If you're willing to give us just 15 minutes on the phone, we can show you how.", Severity.ERROR),
        ("Do you have just 15 minutes this week?", Severity.ERROR),
        ("Book a time here: calendly.com/acme/intro", Severity.ERROR),
    ],
)
def test_severity_follows_the_form_of_the_ask(only_rule, body, severity):
    (report,) = only_rule.check([parse_draft(f"Hi Sam,\n\n{body}\n", "<ask>")])
    assert [f.severity for f in report.findings] == [severity]
