"""`seller-as-hero` (rules/value/seller-as-hero.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_seller_as_hero_counts_actions_across_the_story(rule_findings):
    text = (
        "Hi Dana,\n\nLast spring one of our clients was drowning in returns. We audited their catalog, "
        "rewrote 400 listings and cut their return rate in half.\n"
    )
    (finding,) = rule_findings("seller-as-hero", text)
    assert "3 actions by the seller, 1 by the customer" in finding.message
