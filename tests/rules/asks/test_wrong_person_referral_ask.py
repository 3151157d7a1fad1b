"""`wrong-person-referral-ask` (rules/asks/wrong-person-referral-ask.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

import dataclasses

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.findings import Severity

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
