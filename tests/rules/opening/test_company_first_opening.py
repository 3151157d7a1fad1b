"""`company-first-opening` (rules/opening/company-first-opening.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from tests.rules.helpers import opening_findings


def test_company_first_reads_the_configured_seller_name():
    text = "---\ncompany: Ledgerline\n---\nHi Sam,\n\nLedgerline has served retailers for over 20 years.\n"
    fired = [rule for rule, _ in opening_findings(text, select=("company-first-opening",))]
    assert fired == ["company-first-opening"]
    text = "Hi Sam,\n\nOhio has taxed marketplace sales for over 20 years.\n"
    assert opening_findings(text, select=("company-first-opening",)) == []


def test_opening_rules_skip_a_salutation_the_draft_parser_missed():
    text = "To whom it may concern,\n\nWe’re called XYZ. We sell tax software.\n"
    assert [r for r, _ in opening_findings(text, select=("company-first-opening",))] == [
        "company-first-opening"
    ]
