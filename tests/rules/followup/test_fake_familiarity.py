"""`fake-familiarity` (rules/followup/fake-familiarity.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_fake_familiarity_waits_for_the_first_touch_only(run):
    text = "Hi Sam,\n\nPer our conversation, I'm sending over our deck.\n"
    assert run(text, "fake-familiarity")
    assert run("---\ntouch: 2\n---\n" + text, "fake-familiarity") == []
