"""Behaviour of the credibility and rapport checks (checks/claims/ and checks/personal/) that single-rule
YAML examples cannot express: severities, how many findings, and which of two neighbouring
rules reports a sentence."""

from __future__ import annotations

import pytest

from pitchlint.draft import parse_draft
from pitchlint.findings import Severity

from .conftest import REPO


def _findings(engine, text: str, *rules: str):
    (report,) = engine.check([parse_draft(text, "<test>")])
    return [f for f in report.findings if not rules or f.rule in rules]


def test_praise_of_the_readers_own_book_is_reported_once_by_brown_nosing(engine):
    found = _findings(engine, "Hi Dana,\n\nI also loved your book.\n", "brown-nosing", "hollow-common-ground")
    assert [f.rule for f in found] == ["brown-nosing"]


def test_a_shared_interest_in_someone_elses_book_is_hollow_common_ground(engine):
    text = "Hi Dana,\n\nI see you liked The Challenger Sale. Me too! We help reps ramp.\n"
    found = _findings(engine, text, "brown-nosing", "hollow-common-ground")
    assert [f.rule for f in found] == ["hollow-common-ground"]


def test_a_marathon_for_a_cause_is_the_creepy_rules_finding(engine):
    text = "Hi Dana,\n\nI saw you ran the marathon for the animal shelter. What a cause!\n"
    found = _findings(engine, text, "creepy-personal-reference", "off-business-chitchat")
    assert [f.rule for f in found] == ["creepy-personal-reference"]


def test_researched_chitchat_is_an_error_and_offered_chitchat_a_warning(engine):
    (researched,) = _findings(
        engine, "Saw you're a huge Yankees fan. What a season!", "off-business-chitchat"
    )
    (offered,) = _findings(engine, "Let's grab a beer sometime and talk shop.", "off-business-chitchat")
    assert researched.severity == Severity.ERROR
    assert offered.severity == Severity.WARNING


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("Congrats on the new role!", Severity.WARNING),
        ("Saw you were just promoted to VP. Well deserved!", Severity.WARNING),
        (
            "Your receptionist tells me you just moved in to this location last month – do you feel "
            "settled in yet?",
            Severity.INFO,
        ),
    ],
)
def test_a_role_change_is_a_warning_and_a_move_is_info(engine, text, severity):
    (finding,) = _findings(engine, text, "role-change-reference")
    assert finding.severity == severity


def test_sample_b_has_two_loaded_questions(engine):
    text = (REPO / "tests" / "fixtures" / "seed" / "sample-b.txt").read_text(encoding="utf-8")
    found = _findings(engine, text, "loaded-question")
    assert [f.matched for f in found] == [
        "But are you 100% confident in the result?",
        "Are you confident you’re audit proof?",
    ]


def test_loaded_question_names_its_reason(engine):
    text = "Hi Sam,\n\nWhat if I told you that you could cut costs by 40%?\n"
    (finding,) = _findings(engine, text, "loaded-question")
    assert "(one answer expected)" in finding.message


def test_one_finding_per_sentence_for_a_list_and_a_count(engine):
    text = "Hi Dana,\n\nTrusted by Google, Salesforce, Nike and 500+ other brands.\n"
    (finding,) = _findings(engine, text, "name-dropping")
    assert finding.matched == "Trusted by Google, Salesforce, Nike and 500+ other brands"


def test_config_params_override_the_rule_params(engine):
    import dataclasses

    from pitchlint.config import Config
    from pitchlint.engine import Engine

    text = "Hi Dana,\n\nWe've helped 12 companies like yours file on time.\n"
    assert not _findings(engine, text, "name-dropping")
    strict = Engine(dataclasses.replace(Config(), params={"name-dropping": {"min_count": 10}}))
    assert _findings(strict, text, "name-dropping")
