"""`generic-value-prop` (rules/value/generic-value-prop.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_each_me_too_claim_is_its_own_finding(rule_findings):
    text = "Hi Charles,\n\nWe will save you money and make ordering business cards very easy.\n"
    assert [f.matched for f in rule_findings("generic-value-prop", text)] == [
        "save you money",
        "very easy",
    ]
