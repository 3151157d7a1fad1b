"""`audience-mismatch` (rules/personalization/audience-mismatch.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

import pytest

from pitchlint.checks.personalization.audience_mismatch import _size_class
from tests.rules.helpers import BUNDLED

SIZE_PARAMS = next(r for r in BUNDLED if r.id == "audience-mismatch").spec.params


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


def test_a_mid_size_recipient_matches_no_size_framing(rule_findings):
    text = "---\nrecipient:\n  size: 500\n---\nHi Sam,\n\nWe help startups and large enterprises alike.\n"
    assert not rule_findings("audience-mismatch", text)
