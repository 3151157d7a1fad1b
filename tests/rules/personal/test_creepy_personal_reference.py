"""`creepy-personal-reference` (rules/personal/creepy-personal-reference.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from tests.rules.helpers import findings_in


def test_a_marathon_for_a_cause_is_the_creepy_rules_finding(engine):
    text = "Hi Dana,\n\nI saw you ran the marathon for the animal shelter. What a cause!\n"
    found = findings_in(engine, text, "creepy-personal-reference", "off-business-chitchat")
    assert [f.rule for f in found] == ["creepy-personal-reference"]
