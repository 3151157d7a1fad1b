"""`redundant-repetition` (rules/style/redundant-repetition.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_a_restatement_is_reported_where_it_is_repeated(rule_findings):
    text = (
        "Hi Sam,\n\nWe reconcile marketplace payouts against bank deposits daily. "
        "Nobody else does that.\n\nSo again: we reconcile marketplace payouts against bank deposits daily.\n"
    )
    (finding,) = rule_findings("redundant-repetition", text)
    assert finding.start > text.index("Nobody")
    assert finding.matched == "reconcile marketplace payouts against bank deposits daily"
