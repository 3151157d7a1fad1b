"""`urgency-pressure` (rules/asks/urgency-pressure.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from pitchlint.findings import Severity


def test_s6_scarcity_is_one_warning_over_both_sentences(run):
    s6 = (
        " If you’re a qualified sales leader and would like to attend the Seller Forum on Wednesday "
        "October 17th in New York, request your invitation now.  Seating will be limited."
    )
    (finding,) = run(s6, "urgency-pressure")
    assert finding.severity == Severity.WARNING
    assert finding.matched == "request your invitation now.  Seating will be limited"


def test_pressure_to_buy_is_an_error_and_reaches_the_subject(run):
    found = run("Subject: Act now: 40% off\n\nHi Sam,\n\nThis pricing expires Friday.\n", "urgency-pressure")
    assert [(f.matched, f.severity) for f in found] == [
        ("Act now", Severity.ERROR),
        ("pricing expires", Severity.ERROR),
    ]
