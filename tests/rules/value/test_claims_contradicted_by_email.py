"""`claims-contradicted-by-email` (rules/value/claims-contradicted-by-email.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_residue_is_judged_by_the_merge_field_rule(rule_engine):
    """The attention-to-detail claim is contradicted by what merge-field-artifacts flags (its
    rule file `reads:` it): the engine judges that rule for it even when it is not selected,
    and does not report it."""
    from pitchlint.draft import parse_draft

    engine = rule_engine("claims-contradicted-by-email")
    broken = "Hi Charles,\n\nOur designers are known for their attention to detail. Portfolio: _____.\n"
    filled = "Hi Charles,\n\nOur designers are known for their attention to detail. Portfolio: acme.io.\n"
    (report,) = engine.check([parse_draft(broken, "<broken>")])
    assert [f.rule for f in report.findings] == ["claims-contradicted-by-email"]
    (report,) = engine.check([parse_draft(filled, "<filled>")])
    assert not report.findings


def test_a_late_sequence_step_contradicts_an_engagement_claim(rule_findings):
    """Touch 5 of an unanswered sequence (the default `sequence_touch`) even when the email
    names something specific about the reader."""
    text = (
        "---\ntouch: 5\n---\nHi Sam,\n\nYour Q2 filing added 14 states. "
        "We help teams book more meetings with tax directors.\n"
    )
    found = rule_findings("claims-contradicted-by-email", text)
    assert [f.matched for f in found] == ["book more meetings"]
    assert "touch 5" in found[0].message
