"""Behaviour shared by several rules."""

from __future__ import annotations

import pytest

from tests.rules.helpers import opening_findings


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("My name is Priya and I work with companies in your space.", "company-first-opening"),
        ("Hi Sam,\n\nHope this email finds you well.\n", "empty-pleasantry-opener"),
    ],
)
def test_one_rule_owns_the_opening_sentence(text, owner):
    """slow-to-the-point stays quiet where another opening rule is the better diagnosis."""
    fired = [rule for rule, _ in opening_findings(text)]
    assert fired == [owner]
