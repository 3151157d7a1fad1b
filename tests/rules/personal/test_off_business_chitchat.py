"""`off-business-chitchat` (rules/personal/off-business-chitchat.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from pitchlint.findings import Severity
from tests.rules.helpers import findings_in


def test_researched_chitchat_is_an_error_and_offered_chitchat_a_warning(engine):
    (researched,) = findings_in(
        engine, "Saw you're a huge Yankees fan. What a season!", "off-business-chitchat"
    )
    (offered,) = findings_in(engine, "Let's grab a beer sometime and talk shop.", "off-business-chitchat")
    assert researched.severity == Severity.ERROR
    assert offered.severity == Severity.WARNING
