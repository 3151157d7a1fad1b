"""Behaviour shared by several rules."""

from __future__ import annotations

import pytest

from pitchlint.checks._shared.targeting import tag_field


@pytest.mark.parametrize(
    ("tag", "field"),
    [("{{ contact.first_name }}", "first_name"), ("*|FNAME|*", "fname"), ("%COMPANY%", "company")],
)
def test_merge_tag_field_names(tag, field):
    assert tag_field(tag) == field
