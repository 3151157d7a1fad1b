"""The reader-fact helpers of `pitchlint.analysis.reader`."""

from __future__ import annotations

import pytest

from pitchlint.analysis.reader import tag_field


@pytest.mark.parametrize(
    ("tag", "field"),
    [("{{ contact.first_name }}", "first_name"), ("*|FNAME|*", "fname"), ("%COMPANY%", "company")],
)
def test_merge_tag_field_names(tag, field):
    assert tag_field(tag) == field
