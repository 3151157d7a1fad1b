"""`slow-to-the-point` (rules/opening/slow-to-the-point.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from tests.rules.helpers import opening_findings


def test_slow_defers_to_company_first_even_when_company_first_is_not_selected():
    text = "My name is Priya and I work with companies in your space."
    assert opening_findings(text, select=("slow-to-the-point",)) == []


def test_generic_statements_can_be_left_alone():
    text = "Hi Sam,\n\nCybersecurity is one of the most important parts of running a company.\n"
    assert opening_findings(text, select=("slow-to-the-point",))
    off = {"flag_generic_statements": False}
    assert opening_findings(text, select=("slow-to-the-point",), **{"slow-to-the-point": off}) == []
