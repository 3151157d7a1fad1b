"""`bribe-for-meeting` (rules/asks/bribe-for-meeting.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from pitchlint.findings import Severity


def test_loss_leader_alone_is_a_warning_and_a_paid_meeting_an_error(run):
    (bait,) = run("Hi Sam,\n\nCan you say “free business cards?”\n", "bribe-for-meeting")
    assert bait.severity == Severity.WARNING
    (bribe,) = run(
        "Hi Sam,\n\nTake a 20-minute demo and we'll send you a $50 Amazon gift card.\n", "bribe-for-meeting"
    )
    assert bribe.severity == Severity.ERROR
