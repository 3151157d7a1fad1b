"""`process-over-outcome` (rules/value/process-over-outcome.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_a_mechanism_answered_in_the_next_sentence_is_not_flagged(rule_findings):
    unanswered = "Hi Dana,\n\nOur engine follows a proven 5-step methodology. Want to see it?\n"
    answered = (
        "Hi Dana,\n\nOur engine follows a proven 5-step methodology. "
        "Your team would stop re-checking rates before every filing.\n"
    )
    assert rule_findings("process-over-outcome", unanswered)
    assert not rule_findings("process-over-outcome", answered)
