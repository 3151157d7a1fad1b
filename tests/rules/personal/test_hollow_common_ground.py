"""`hollow-common-ground` (rules/personal/hollow-common-ground.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from tests.rules.helpers import findings_in


def test_a_shared_interest_in_someone_elses_book_is_hollow_common_ground(engine):
    text = "Hi Dana,\n\nI see you liked The Challenger Sale. Me too! We help reps ramp.\n"
    found = findings_in(engine, text, "brown-nosing", "hollow-common-ground")
    assert [f.rule for f in found] == ["hollow-common-ground"]
