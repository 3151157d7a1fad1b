"""A rule's params are declared by its code (`Params` in its module): a misspelt or mistyped
param, in the rule file or in a config override, ends the run (exit 2) naming the file, the
line and the field, before anything is checked."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from pitchlint.checks import _CHECKS
from pitchlint.cli import cli
from pitchlint.rules.loader import bundled_rules_dir, load_rules
from pitchlint.rules.params import RuleParams

BUNDLED = load_rules([bundled_rules_dir()])
PYTHON_RULES = [r for r in BUNDLED if r.kind == "python"]
DRAFT = "Hi Marc,\n\nLoved your amazing keynote at Dreamforce! What changed in your Q3 plans?\n"


def _check(folder: Path, *args: str):
    """Check a draft under `folder` (a config is read once per process: one folder per config)."""
    (folder / "a.txt").write_text(DRAFT, encoding="utf-8")
    return CliRunner().invoke(cli, ["check", "--no-cache", *args, str(folder / "a.txt")])


@pytest.mark.parametrize("rule", PYTHON_RULES, ids=[r.id for r in PYTHON_RULES])
def test_each_python_rule_declares_the_params_its_file_sets(rule):
    module = importlib.import_module(_CHECKS.module_of(rule.id))
    model = module.Params
    assert issubclass(model, RuleParams)
    required = {name for name, field in model.model_fields.items() if field.is_required()}
    assert required == set(rule.spec.params), "the rule file sets exactly the params its code reads"
    model.model_validate(rule.spec.params)


def test_a_misspelt_param_in_yaml_config(tmp_path):
    config = "ignore: [no-question]\nparams:\n  brown-nosing:\n    praise_word: [stellar]\n"
    (tmp_path / ".pitchlint.yaml").write_text(config, encoding="utf-8")
    result = _check(tmp_path)
    assert result.exit_code == 2
    expected = "field `params.brown-nosing.praise_word`: unknown param (did you mean `praise_words`?)"
    assert f"{tmp_path / '.pitchlint.yaml'}:4: {expected}" in result.stderr
    assert result.stdout == ""  # nothing checked


def test_a_mistyped_param_in_pyproject(tmp_path):
    config = (
        '[tool.pitchlint]\nselect = ["brown-nosing"]\n\n'
        '[tool.pitchlint.params.brown-nosing]\npraise_words = "stellar"\n'
    )
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    result = _check(tmp_path)
    assert result.exit_code == 2
    field = "field `params.brown-nosing.praise_words`"
    assert f"{tmp_path / 'pyproject.toml'}:5: {field}: Input should be a valid list" in result.stderr


def test_a_misspelt_param_in_a_rule_file(tmp_path):
    text = (bundled_rules_dir() / "personal" / "brown-nosing.yaml").read_text(encoding="utf-8")
    text = text.replace("id: brown-nosing", "id: my-brown-nosing").replace(
        "kind: python", "kind: python\nfunction: brown-nosing"
    )
    text = text.replace("  love_verbs:", "  loves_verbs:")
    (tmp_path / "pack" / "mine").mkdir(parents=True)
    (tmp_path / "pack" / "mine" / "my-brown-nosing.yaml").write_text(text, encoding="utf-8")
    (tmp_path / ".pitchlint.yaml").write_text("rule-folders: [pack]\n", encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("  loves_verbs:"))
    result = _check(tmp_path)
    assert result.exit_code == 2
    assert (
        f"my-brown-nosing.yaml:{line}: field `params.loves_verbs`: unknown param (did you mean `love_verbs`?)"
        in (result.stderr)
    )


def test_other_kinds_take_only_their_own_params(tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text("params:\n  too-long:\n    treshold: 3\n", encoding="utf-8")
    result = _check(tmp_path)
    assert result.exit_code == 2
    assert "field `params.too-long.treshold`: unknown param (did you mean `thresholds`?)" in result.stderr
    config = "select: [too-long]\nthresholds:\n  too-long:\n    words: {warning: 5, error: 9}\n"
    (tmp_path / "valid").mkdir()
    (tmp_path / "valid" / ".pitchlint.yaml").write_text(config, encoding="utf-8")
    assert "too-long" in _check(tmp_path / "valid").stdout


def test_a_valid_override_still_reaches_the_rule(tmp_path):
    config = "select: [brown-nosing]\nparams:\n  brown-nosing:\n    praise_words: []\n    love_verbs: []\n"
    (tmp_path / ".pitchlint.yaml").write_text(config, encoding="utf-8")
    assert "brown-nosing" not in _check(tmp_path).stdout  # no praise word, no love verb left
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / ".pitchlint.yaml").write_text("select: [brown-nosing]\n", encoding="utf-8")
    assert "brown-nosing" in _check(tmp_path / "plain").stdout
