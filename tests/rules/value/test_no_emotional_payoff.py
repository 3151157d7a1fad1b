"""`no-emotional-payoff` (rules/value/no-emotional-payoff.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from pitchlint.findings import Severity


def test_emotional_payoff_is_judged_once_per_draft_on_the_first_claim(rule_findings):
    text = (
        "Hi Dana,\n\nOur platform syncs every rate table overnight. It flags changes before you file. "
        "We cut filing prep from 3 days to 4 hours for a retailer your size.\n"
    )
    (finding,) = rule_findings("no-emotional-payoff", text)
    assert finding.severity == Severity.INFO
    assert finding.matched == "Our platform syncs every rate table overnight."


def test_a_payoff_anywhere_in_the_draft_satisfies_it(rule_findings):
    text = (
        "Hi Dana,\n\nOur platform syncs every rate table overnight. It flags changes before you file.\n\n"
        "Your team could close the quarter without the weekend scramble.\n"
    )
    assert not rule_findings("no-emotional-payoff", text)
