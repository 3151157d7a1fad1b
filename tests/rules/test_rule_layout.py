"""One rule, one place: every `kind: python` rule's code is the module beside it, and the
modules of a family are its rules' and nothing else (ruff's `rules/<plugin>/rules/<rule>.rs`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from pitchlint.rules.loader import bundled_rules_dir
from tests.conftest import REPO

CHECKS = REPO / "src" / "pitchlint" / "checks"
BUNDLED = Path(bundled_rules_dir())


def _python_rules() -> dict[str, Path]:
    found = {}
    for path in sorted(BUNDLED.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("kind") == "python":
            found[data["id"]] = path
    return found


def _registered(module: Path) -> list[str]:
    """The ids a module registers with `@check("…")`."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return [
        d.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for d in node.decorator_list
        if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "check"
    ]


def _rule_modules() -> list[Path]:
    return sorted(
        p for p in CHECKS.glob("*/*.py") if not p.name.startswith("_") and not p.parent.name.startswith("_")
    )


@pytest.mark.parametrize("rule_id", sorted(_python_rules()))
def test_each_python_rule_has_its_own_module(rule_id: str) -> None:
    rule_file = _python_rules()[rule_id]
    module = CHECKS / rule_file.parent.name / (rule_id.replace("-", "_") + ".py")
    assert module.is_file(), f"{rule_file.name}: expected its check in {module}"
    assert _registered(module) == [rule_id]


def test_each_rule_module_has_its_rule_file() -> None:
    rules = _python_rules()
    for module in _rule_modules():
        rule_id = module.stem.replace("_", "-")
        assert rule_id in rules, f"{module} checks no rule: no {module.parent.name}/{rule_id}.yaml"
        assert rules[rule_id].parent.name == module.parent.name, f"{module} is not in its rule's family"


def test_nothing_outside_rule_modules_registers_a_check() -> None:
    shared = [p for p in CHECKS.rglob("*.py") if p not in _rule_modules()]
    assert shared
    for module in shared:
        assert _registered(module) == [], f"{module} registers a check outside its rule module"


def test_no_rule_module_imports_another() -> None:
    """A rule reaches another only through the engine (`yields_to`) or a shared helper."""
    for module in _rule_modules():
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module_name = node.module if isinstance(node, ast.ImportFrom) else None
            if module_name and module_name.startswith("pitchlint.checks."):
                parts = module_name.split(".")[2:]  # below pitchlint.checks
                assert any(p.startswith("_") for p in parts), f"{module.name} imports {module_name}"


def test_rule_tests_sit_under_their_rules_family() -> None:
    """`tests/rules/<family>/test_<rule>.py` tests that rule: the tests follow the rule map."""
    families = {p.stem: p.parent.name for p in BUNDLED.rglob("*.yaml")}
    tests = sorted((REPO / "tests" / "rules").glob("*/test_*.py"))
    assert tests
    for test in tests:
        if test.stem == "test_precedence":  # how the rules of one family share a sentence
            continue
        rule_id = test.stem.removeprefix("test_").replace("_", "-")
        assert rule_id in families, f"{test} names no rule"
        assert families[rule_id] == test.parent.name, f"{test} is not in {rule_id}'s family"
