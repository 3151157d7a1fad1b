"""Rule files' `fix.move` names are checked against the moves declared in the rewrite
package's source (no import, so listing rules needs no spaCy); the index must agree with what
importing every module registers."""

from __future__ import annotations

import pytest

from pitchlint.errors import RuleError
from pitchlint.rewrite import declared_moves, move_names
from pitchlint.rules.loader import load_rule_file


def test_the_declared_moves_are_the_registered_ones():
    assert sorted(declared_moves()) == move_names()


def test_an_unknown_move_names_the_file_line_and_the_known_moves(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    rule = folder / "house-hype.yaml"
    rule.write_text(
        """\
id: house-hype
summary: Flags "best in class".
severity: warning
kind: phrase
phrases: ["best in class"]
message: 'Hype: "{match}"'
why: Hype.
advice: Cut it.
weight: 5
fix:
  title: Cut it
  applicability: safe
  move: cut-superlatve
examples:
  bad:
    - {text: "We are best in class.", match: "best in class"}
""",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as caught:
        load_rule_file(rule)
    message = str(caught.value)
    assert f"{rule}:13: field `fix.move`" in message and "cut-superlative" in message
