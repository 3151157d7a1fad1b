"""Behaviour of the targeting and style checks that single YAML examples cannot express:
one finding per draft for the absence rules, headcount parsing, the rules these checks reuse,
and where a restatement finding sits."""

from __future__ import annotations

import pytest

from pitchlint.checks._shared.targeting import _size_class, tag_field
from pitchlint.rules.loader import bundled_rules_dir, load_rules

RULES = load_rules([bundled_rules_dir()])
IDS = (
    "no-customer-problem",
    "no-personalization",
    "claims-contradicted-by-email",
    "audience-mismatch",
    "jargon-buzzwords",
    "redundant-repetition",
)
SIZE_PARAMS = next(r for r in RULES if r.id == "audience-mismatch").spec.params


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("12", "small"),
        ("10-50", "small"),
        ("500", "mid"),
        ("5,000+", "large"),
        ("2k", "large"),
        ("Enterprise", "large"),
        ("SMB", "small"),
        ("unknown", None),
    ],
)
def test_recipient_size_is_read_from_numbers_or_labels(size, expected):
    assert _size_class(size, SIZE_PARAMS) == expected


@pytest.mark.parametrize(
    ("tag", "field"),
    [("{{ contact.first_name }}", "first_name"), ("*|FNAME|*", "fname"), ("%COMPANY%", "company")],
)
def test_merge_tag_field_names(tag, field):
    assert tag_field(tag) == field


def test_absence_rules_fire_once_on_the_first_body_sentence(rule_findings):
    text = (
        "Hi Sam,\n\nWe are Acme. Our software files returns in 45 states.\n\n"
        "It integrates with every major ERP. Can I get 15 minutes next week?\n"
    )
    for rule in ("no-customer-problem", "no-personalization"):
        found = rule_findings(rule, text)
        assert [f.matched for f in found] == ["We are Acme."], rule


def test_a_mid_size_recipient_matches_no_size_framing(rule_findings):
    text = "---\nrecipient:\n  size: 500\n---\nHi Sam,\n\nWe help startups and large enterprises alike.\n"
    assert not rule_findings("audience-mismatch", text)


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


def test_every_buzzword_is_reported_once_the_email_is_jargon_heavy(rule_findings):
    text = "Hi Sam,\n\nOur innovative platform is robust. It is also scalable, and it ships monthly.\n"
    found = rule_findings("jargon-buzzwords", text)
    assert [f.matched for f in found] == ["innovative", "robust", "scalable"]
    assert "3 in this email" in found[0].message


def test_a_restatement_is_reported_where_it_is_repeated(rule_findings):
    text = (
        "Hi Sam,\n\nWe reconcile marketplace payouts against bank deposits daily. "
        "Nobody else does that.\n\nSo again: we reconcile marketplace payouts against bank deposits daily.\n"
    )
    found = rule_findings("redundant-repetition", text)
    assert len(found) == 1
    assert found[0].start > text.index("Nobody")
    assert found[0].matched == "reconcile marketplace payouts against bank deposits daily"
