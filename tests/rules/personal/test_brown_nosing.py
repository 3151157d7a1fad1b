"""`brown-nosing` (rules/personal/brown-nosing.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from tests.rules.helpers import findings_in


def test_praise_of_the_readers_own_book_is_reported_once_by_brown_nosing(engine):
    found = findings_in(
        engine, "Hi Dana,\n\nI also loved your book.\n", "brown-nosing", "hollow-common-ground"
    )
    assert [f.rule for f in found] == ["brown-nosing"]
