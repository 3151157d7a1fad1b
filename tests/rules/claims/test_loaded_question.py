"""`loaded-question` (rules/claims/loaded-question.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from tests.conftest import REPO
from tests.rules.helpers import findings_in


def test_sample_b_has_two_loaded_questions(engine):
    text = (REPO / "tests" / "fixtures" / "seed" / "sample-b.txt").read_text(encoding="utf-8")
    found = findings_in(engine, text, "loaded-question")
    assert [f.matched for f in found] == [
        "But are you 100% confident in the result?",
        "Are you confident you’re audit proof?",
    ]


def test_loaded_question_names_its_reason(engine):
    text = "Hi Sam,\n\nWhat if I told you that you could cut costs by 40%?\n"
    (finding,) = findings_in(engine, text, "loaded-question")
    assert "(one answer expected)" in finding.message
