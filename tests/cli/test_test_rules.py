"""`pitchlint test-rules [FOLDER]`: a team's own rule folder's examples run as tests, by the
judge the suite runs on the bundled rules."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import make_runner, run

RULE = """\
id: synergy-buzzword
summary: Flags the buzzword "synergy".
severity: warning
kind: phrase
phrases: ["synergy"]
message: 'Buzzword: "{match}"'
why: Buzzwords make a note read like a template.
advice: Say what changes for the reader.
weight: 5
fix:
  title: Cut the buzzword
  applicability: safe
  action: delete
examples:
  bad:
    - text: "Hi Sam,\\n\\nWe see real synergy here.\\n"
      match: "synergy"
      fixed: "Hi Sam,\\n\\nWe see real here.\\n"
  good:
    - "Hi Sam,\\n\\nWhat does your team expect from the merger?\\n"
"""


def _pack(root: Path, body: str) -> Path:
    folder = root / "house"
    folder.mkdir()
    (folder / "synergy-buzzword.yaml").write_text(body, encoding="utf-8")
    return folder


def test_a_rule_folder_whose_examples_hold_passes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _pack(tmp_path, RULE)
    (tmp_path / ".pitchlint.yaml").write_text("rule-folders: [house]\n", encoding="utf-8")
    result = run(make_runner(), "test-rules")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 examples of 1 rule: 2 passed, 0 failed\n"


def test_each_broken_example_is_named_and_the_run_exits_1(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    broken = RULE.replace('match: "synergy"', 'match: "real"').replace(
        "What does your team expect", "What synergy does your team expect"
    )
    folder = _pack(tmp_path, broken)
    result = run(make_runner(), "test-rules", str(folder))
    assert result.exit_code == 1
    rule_file = folder / "synergy-buzzword.yaml"
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"FAIL {rule_file}: synergy-buzzword: bad example 0: expected a match on 'real', got ['synergy']"
    )
    assert (
        lines[1]
        == f"FAIL {rule_file}: synergy-buzzword: good example 0: fired on a near miss, on ['synergy']"
    )
    assert lines[-1] == "2 examples of 1 rule: 0 passed, 2 failed"


def test_a_wrong_fixed_is_reported_with_what_the_fix_gives(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    wrong = "\n".join(
        '      fixed: "Hi."' if ln.startswith("      fixed:") else ln for ln in RULE.splitlines()
    )
    folder = _pack(tmp_path, wrong + "\n")
    result = run(make_runner(), "test-rules", str(folder))
    assert result.exit_code == 1
    assert "the fix gives 'Hi Sam,\\n\\nWe see real here.\\n', not `fixed` 'Hi.'" in result.stdout


def test_no_folder_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(make_runner(), "test-rules")
    assert result.exit_code == 2 and "no rule folder" in result.stderr


def test_a_rule_with_no_bad_example_fails(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _pack(tmp_path, RULE[: RULE.index("examples:")] + "examples:\n  good: []\n")
    result = run(make_runner(), "test-rules", str(folder))
    assert result.exit_code == 1 and "bad example 0: no bad example" in result.stdout
