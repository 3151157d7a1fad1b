"""Behaviour of the framing checks that single YAML examples cannot express: how many findings
a draft gets, where a draft-level finding sits, and what the message reports."""

from __future__ import annotations

from pitchlint.findings import Severity


def test_each_me_too_claim_is_its_own_finding(rule_findings):
    text = "Hi Charles,\n\nWe will save you money and make ordering business cards very easy.\n"
    assert [f.matched for f in rule_findings("generic-value-prop", text)] == [
        "save you money",
        "very easy",
    ]


def test_emotional_payoff_is_judged_once_per_draft_on_the_first_claim(rule_findings):
    text = (
        "Hi Dana,\n\nOur platform syncs every rate table overnight. It flags changes before you file. "
        "We cut filing prep from 3 days to 4 hours for a retailer your size.\n"
    )
    found = rule_findings("no-emotional-payoff", text)
    assert len(found) == 1
    assert found[0].severity == Severity.INFO
    assert found[0].matched == "Our platform syncs every rate table overnight."


def test_a_payoff_anywhere_in_the_draft_satisfies_it(rule_findings):
    text = (
        "Hi Dana,\n\nOur platform syncs every rate table overnight. It flags changes before you file.\n\n"
        "Your team could close the quarter without the weekend scramble.\n"
    )
    assert not rule_findings("no-emotional-payoff", text)


def test_seller_as_hero_counts_actions_across_the_story(rule_findings):
    text = (
        "Hi Dana,\n\nLast spring one of our clients was drowning in returns. We audited their catalog, "
        "rewrote 400 listings and cut their return rate in half.\n"
    )
    found = rule_findings("seller-as-hero", text)
    assert len(found) == 1
    assert "3 actions by the seller, 1 by the customer" in found[0].message


def test_a_mechanism_answered_in_the_next_sentence_is_not_flagged(rule_findings):
    unanswered = "Hi Dana,\n\nOur engine follows a proven 5-step methodology. Want to see it?\n"
    answered = (
        "Hi Dana,\n\nOur engine follows a proven 5-step methodology. "
        "Your team would stop re-checking rates before every filing.\n"
    )
    assert rule_findings("process-over-outcome", unanswered)
    assert not rule_findings("process-over-outcome", answered)
