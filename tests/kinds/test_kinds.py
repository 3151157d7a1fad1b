"""Rule kinds no bundled rule exercises yet (subject, phrase), pipeline selection, and the
no-model fallback, through the real engine."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.nlp import components_for, load_pipeline, resolve_model
from pitchlint.rules.loader import load_rules

SUBJECT_RULE = """\
id: subject-shouting
summary: Flags shouted words and over-long subject lines.
severity: warning
kind: subject
patterns: ['\\b[A-Z]{5,}\\b']
max_chars: 40
message: 'Subject problem: "{match}"'
why: w
advice: a
examples: {bad: ["Subject: URGENT offer\\n"], good: ["Subject: Ohio threshold change\\n"]}
"""
PHRASE_RULE = """\
id: synergy-talk
summary: Flags synergy.
severity: info
kind: phrase
phrases: [synergy, "best of breed"]
message: 'Buzzword "{match}"'
why: w
advice: a
examples: {bad: ["We bring synergy."], good: ["Synergistic is not listed."]}
"""


@pytest.fixture
def pack(tmp_path):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "subject-shouting.yaml").write_text(SUBJECT_RULE, encoding="utf-8")
    (tmp_path / "style" / "synergy-talk.yaml").write_text(PHRASE_RULE, encoding="utf-8")
    return load_rules([tmp_path])


def _check(rules, text):
    return Engine(Config(), rules=rules).check([parse_draft(text, "d.txt")])[0].findings


def test_subject_kind_patterns_and_length(pack):
    text = "Subject: URGENT: a subject line that goes on far too long for mobile\n\nHi Sam,\n\nBody.\n"
    subject = text[len("Subject: ") : text.index("\n")]
    found = [f.matched for f in _check(pack, text) if f.rule == "subject-shouting"]
    assert found == ["URGENT", subject[40:]]  # the shouted word, then the part past 40 characters


def test_subject_kind_ignores_the_body(pack):
    assert not [
        f for f in _check(pack, "Hi Sam,\n\nURGENT news about your filing.\n") if f.rule == "subject-shouting"
    ]


def test_phrase_kind_matches_lowercase_phrases(pack):
    text = "Hi Sam,\n\nWe bring Synergy and best of breed tools.\n"
    assert [f.matched for f in _check(pack, text) if f.rule == "synergy-talk"] == ["Synergy", "best of breed"]


def test_pipeline_loads_only_needed_components():
    model = resolve_model(None)
    assert "ner" not in load_pipeline(model, components_for(["pos", "lemma", "dep"])).pipe_names
    assert "ner" in load_pipeline(model, components_for(["dep", "ner"])).pipe_names


def test_without_a_model_rules_needing_one_are_skipped_with_a_notice(pack, monkeypatch, capsys):
    monkeypatch.setattr("pitchlint.nlp.resolve_model", lambda name: None)  # the engine imports it on use
    needs_parse = dataclasses.replace(pack[0], requires=frozenset({"dep"}))
    engine = Engine(Config(), rules=[needs_parse, pack[1]])
    findings = engine.check(
        [
            parse_draft(
                textwrap.dedent("""\
        Subject: URGENT
        Hi Sam, we bring synergy.
        """),
                "d.txt",
            )
        ]
    )[0].findings
    assert [f.rule for f in findings] == ["synergy-talk"]
    assert "skipped subject-shouting" in capsys.readouterr().err


def test_a_rule_severity_caps_its_threshold_levels(rules):
    """too-long's levels reach error; lowered to info (as calibration lowers a rule the data
    don't weigh), every finding is info and costs no more than a full one."""
    (too_long,) = [r for r in rules if r.id == "too-long"]
    body = " ".join(["We file sales tax returns for online stores in every state."] * 40)
    text = f"Hi Sam,\n\n{body}\n"
    (finding,) = [f for f in _check([too_long], text) if f.rule == "too-long"][:1]
    assert str(finding.severity) == "error"
    lowered = dataclasses.replace(too_long, spec=too_long.spec.model_copy(update={"severity": "info"}))
    capped = [f for f in _check([lowered], text) if f.rule == "too-long"]
    assert capped and all(str(f.severity) == "info" for f in capped)
    assert all(f.weight <= finding.weight for f in capped)  # never more than a full finding
