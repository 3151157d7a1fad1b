"""`jargon-buzzwords` (rules/style/jargon-buzzwords.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_every_buzzword_is_reported_once_the_email_is_jargon_heavy(rule_findings):
    text = "Hi Sam,\n\nOur innovative platform is robust. It is also scalable, and it ships monthly.\n"
    found = rule_findings("jargon-buzzwords", text)
    assert [f.matched for f in found] == ["innovative", "robust", "scalable"]
    assert "3 in this email" in found[0].message
