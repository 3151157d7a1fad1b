"""`no-personalization` (rules/personalization/no-personalization.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_absence_rules_fire_once_on_the_first_body_sentence(rule_findings):
    text = (
        "Hi Sam,\n\nWe are Acme. Our software files returns in 45 states.\n\n"
        "It integrates with every major ERP. Can I get 15 minutes next week?\n"
    )
    for rule in ("no-customer-problem", "no-personalization"):
        found = rule_findings(rule, text)
        assert [f.matched for f in found] == ["We are Acme."], rule
