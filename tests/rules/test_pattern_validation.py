"""A rule file's Matcher and DependencyMatcher patterns are judged by spaCy's own pattern
schema when the rules are loaded for checking: a misspelt attribute names the file, the line
and the field, before any draft is read."""

from __future__ import annotations

import pytest

from pitchlint.errors import RuleError
from pitchlint.rules.loader import load_rule_file

RULE = """\
id: house-hype
summary: Flags "best in class".
severity: warning
kind: pattern
patterns:
  - [{LOWER: best}, {LOWER: in}, {LOWER: class}]
  - [{LOWR: finest}]
message: 'Hype: "{match}"'
why: Hype.
advice: Cut it.
weight: 5
examples:
  bad:
    - {text: "We are best in class.", match: "best in class"}
"""


def _write(tmp_path, text: str):  # type: ignore[no-untyped-def]
    folder = tmp_path / "claims"
    folder.mkdir(parents=True)
    path = folder / "house-hype.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_misspelt_pattern_attribute_names_the_file_line_and_field(tmp_path):
    path = _write(tmp_path, RULE)
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    assert str(caught.value).startswith(f"{path}:7: field `patterns.1`:")


def test_listing_rules_skips_the_spacy_pattern_check_and_checking_runs_it(tmp_path):
    path = _write(tmp_path, RULE)
    assert load_rule_file(path, with_spacy=False).id == "house-hype"  # `pitchlint rules` needs no spaCy
    fixed = load_rule_file(_write(tmp_path / "ok", RULE.replace("LOWR", "LOWER")))
    assert fixed.id == "house-hype"
