"""`name-dropping` (rules/claims/name-dropping.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from tests.rules.helpers import findings_in


def test_one_finding_per_sentence_for_a_list_and_a_count(engine):
    text = "Hi Dana,\n\nTrusted by Google, Salesforce, Nike and 500+ other brands.\n"
    (finding,) = findings_in(engine, text, "name-dropping")
    assert finding.matched == "Trusted by Google, Salesforce, Nike and 500+ other brands"


def test_config_params_override_the_rule_params(engine):
    import dataclasses

    from pitchlint.config import Config
    from pitchlint.engine import Engine

    text = "Hi Dana,\n\nWe've helped 12 companies like yours file on time.\n"
    assert not findings_in(engine, text, "name-dropping")
    strict = Engine(dataclasses.replace(Config(), params={"name-dropping": {"min_count": 10}}))
    assert findings_in(strict, text, "name-dropping")
