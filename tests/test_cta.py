"""Behaviour of the call-to-action checks (src/pitchlint/checks/asks/ and followup/) that the rules' YAML
examples cannot express: severities that depend on the touch or on the phrase, how many findings
one passage gives, and params overridden from a config."""

from __future__ import annotations

import dataclasses

import pytest

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.findings import Severity


@pytest.fixture(scope="module")
def run(engine):
    engines: dict[tuple[str, str], Engine] = {}

    def check(text: str, rule: str, **params: object):
        key = (rule, repr(sorted(params.items())))
        if key not in engines:
            config = dataclasses.replace(Config(), select=(rule,), params={rule: params} if params else {})
            engines[key] = Engine(config, rules=engine.rules)
        (report,) = engines[key].check([parse_draft(text, "<test>")])
        return [f for f in report.findings if f.rule == rule]

    return check


REFERRAL = "Hi Sam,\n\nIf you're not the right person, who should I speak with about freight audits?\n"


def test_referral_ask_has_the_rule_severity_on_a_first_touch(run, engine):
    (finding,) = run(REFERRAL, "wrong-person-referral-ask")
    (rule,) = [r for r in engine.rules if r.id == "wrong-person-referral-ask"]
    assert finding.severity == Severity.parse(rule.spec.severity)


def test_referral_ask_is_at_most_a_warning_on_a_later_touch(engine):
    (rule,) = [r for r in engine.rules if r.id == "wrong-person-referral-ask"]
    as_error = dataclasses.replace(rule, spec=rule.spec.model_copy(update={"severity": "error"}))
    strict = Engine(dataclasses.replace(Config(), select=(rule.id,)), rules=[as_error])
    first, later = strict.check(
        [parse_draft(REFERRAL, "<first>"), parse_draft("---\ntouch: 3\n---\n" + REFERRAL, "<later>")]
    )
    assert [f.severity for f in first.findings] == [Severity.ERROR]
    assert [f.severity for f in later.findings] == [Severity.WARNING]


def test_seed_s7_delegation_does_not_fire(run):
    s7 = (
        "If you run national media sales and want to attend or designate someone who can represent "
        "you, just let us know."
    )
    assert run(s7, "wrong-person-referral-ask") == []


def test_s6_scarcity_is_one_warning_over_both_sentences(run):
    s6 = (
        " If you’re a qualified sales leader and would like to attend the Seller Forum on Wednesday "
        "October 17th in New York, request your invitation now.  Seating will be limited."
    )
    (finding,) = run(s6, "urgency-pressure")
    assert finding.severity == Severity.WARNING
    assert finding.matched == "request your invitation now.  Seating will be limited"


def test_pressure_to_buy_is_an_error_and_reaches_the_subject(run):
    found = run("Subject: Act now: 40% off\n\nHi Sam,\n\nThis pricing expires Friday.\n", "urgency-pressure")
    assert [(f.matched, f.severity) for f in found] == [
        ("Act now", Severity.ERROR),
        ("pricing expires", Severity.ERROR),
    ]


def test_loss_leader_alone_is_a_warning_and_a_paid_meeting_an_error(run):
    (bait,) = run("Hi Sam,\n\nCan you say “free business cards?”\n", "bribe-for-meeting")
    assert bait.severity == Severity.WARNING
    (bribe,) = run(
        "Hi Sam,\n\nTake a 20-minute demo and we'll send you a $50 Amazon gift card.\n", "bribe-for-meeting"
    )
    assert bribe.severity == Severity.ERROR


def test_passive_closing_is_quiet_next_to_a_genuine_question_unless_configured(run):
    text = (
        "Hi Sam,\n\nYour Reno site ships 40% of your returns. How are you routing them today? "
        "Let me know if you have any questions.\n"
    )
    assert run(text, "passive-cta") == []
    (finding,) = run(text, "passive-cta", quiet_when=[])
    assert finding.matched == "Let me know if you have any questions"


def test_passive_phrase_early_in_the_email_is_not_the_closing(run):
    text = (
        "Hi Sam,\n\nFor more information on the Ohio rule, the DOR bulletin is the source. "
        "Our team files in 12 states. Most clients start with Ohio. Texas comes next. "
        "Then we add the rest.\n"
    )
    assert run(text, "passive-cta") == []


def test_sample_a_link_is_both_passive_and_random_reading(run):
    text = "Hi Charles,\n\nHere is a link with more information and a demo – _____.\n"
    assert [f.matched for f in run(text, "passive-cta")] == ["Here is a link with more information"]
    assert [f.matched for f in run(text, "random-reading-link")] == ["Here is a link with more information"]


def test_fake_familiarity_waits_for_the_first_touch_only(run):
    text = "Hi Sam,\n\nPer our conversation, I'm sending over our deck.\n"
    assert run(text, "fake-familiarity")
    assert run("---\ntouch: 2\n---\n" + text, "fake-familiarity") == []
