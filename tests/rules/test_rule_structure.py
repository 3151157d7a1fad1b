"""Meta-tests over every bundled rule (docs, examples, near misses, naming), and a wheel build
that must ship every rule file as package data."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pitchlint.rules.loader import bundled_rules_dir, load_rules
from tests.conftest import REPO

RULES_DIR = bundled_rules_dir()
BUNDLED = load_rules([RULES_DIR])
RULE_FILES = sorted(p for p in RULES_DIR.rglob("*") if p.suffix in (".yaml", ".yml"))
IDS = [r.id for r in BUNDLED]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'’-]*[a-z]", text.lower()) if len(w) > 3}


def test_rules_are_loaded_from_the_repository():
    assert RULES_DIR.resolve() == (REPO / "rules").resolve() or RULES_DIR.name == "_rules"
    assert len(BUNDLED) >= 10
    assert "fake-reply-subject" in IDS


def test_ids_are_unique_and_match_file_stems():
    assert len(IDS) == len(set(IDS))
    stems = [p.stem for p in RULE_FILES]
    assert len(stems) == len(set(stems)), "two rule files share a name"
    assert sorted(stems) == sorted(IDS)


@pytest.mark.parametrize("rule", BUNDLED, ids=IDS)
def test_rule_is_documented(rule):
    spec = rule.spec
    assert rule.path.stem == spec.id
    assert rule.path.suffix == ".yaml", "rule files use the .yaml suffix"
    assert rule.family == rule.path.parent.name
    assert spec.family in (None, rule.family)
    assert rule.path.parent.parent.resolve() == RULES_DIR.resolve(), "rules sit at rules/<family>/<id>.yaml"
    assert re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", spec.id)
    assert not spec.id.startswith(("avoid-", "dont-", "do-not-")), "ids name the smell, not the prohibition"
    for field in ("summary", "message", "why", "advice"):
        assert getattr(spec, field).strip(), f"{spec.id}: empty `{field}`"
    assert len(spec.why.split()) >= 8, f"{spec.id}: `why` should explain why it costs replies"


@pytest.mark.parametrize("rule", BUNDLED, ids=IDS)
def test_rule_has_bad_and_good_examples(rule):
    examples = rule.spec.examples
    assert examples.bad, f"{rule.id}: no bad example"
    assert examples.good, f"{rule.id}: no good example (near miss)"
    assert all(e.text.strip() for e in [*examples.bad, *examples.good])
    for bad in examples.bad:
        if bad.match is not None:
            assert bad.match in bad.text, f"{rule.id}: match {bad.match!r} is not in its example"
        if bad.fixed is not None:
            assert bad.fixed != bad.text


@pytest.mark.parametrize("rule", BUNDLED, ids=IDS)
def test_good_examples_include_a_near_miss(rule):
    """At least one good example shares a word (longer than 3 letters) with a bad one: a near
    miss that the rule must tell apart, not only an unrelated sentence."""
    bad_words = set().union(*(words(e.text) for e in rule.spec.examples.bad))
    shared = [words(e.text) & bad_words for e in rule.spec.examples.good]
    assert any(shared), f"{rule.id}: no good example shares a word with a bad example"


@pytest.mark.parametrize("rule", BUNDLED, ids=IDS)
def test_fix_safety_documented(rule):
    spec = rule.spec
    if spec.fix is None:
        return
    assert spec.fix.title.strip()
    if spec.fix.applicability != "safe":
        assert spec.fix_safety and spec.fix_safety.strip(), f"{rule.id}: non-safe fix without fix_safety"


def test_no_stray_files_in_rules_folder():
    stray = [p for p in RULES_DIR.rglob("*") if p.is_file() and p.suffix not in (".yaml", ".yml", ".md")]
    assert not stray, stray


# --- packaging ----------------------------------------------------------------------------


def _ignore(_: str, names: list[str]) -> list[str]:
    return [n for n in names if n in ("__pycache__", ".pytest_cache") or n.endswith(".pyc")]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Build the wheel from a snapshot of the source tree (so nothing is written into the
    checkout and rule files added meanwhile cannot race the comparison)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    for name in ("src", "rules", "tests/fixtures/seed"):
        shutil.copytree(REPO / name, src / name, ignore=_ignore)
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (built,) = out.glob("pitchlint-*.whl")
    return built, src / "rules"


def test_wheel_ships_every_rule_file(wheel):
    built, rules = wheel
    names = set(zipfile.ZipFile(built).namelist())
    expected = {f"pitchlint/_rules/{p.relative_to(rules).as_posix()}" for p in rules.rglob("*.y*ml")}
    assert expected, "no rule files found"
    missing = sorted(expected - names)
    assert not missing, f"rule files missing from the wheel: {missing}"
    shipped = {n for n in names if n.startswith("pitchlint/_rules/") and n.endswith((".yaml", ".yml"))}
    assert shipped == expected
    assert "pitchlint/cli.py" in names
    assert "pitchlint/py.typed" in names
    assert "pitchlint/_seed/sample-c.txt" in names  # calibrate checks the seed table
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "pitchlint = pitchlint.cli:main" in zipfile.ZipFile(built).read(entry_points).decode()


def test_installed_wheel_uses_its_packaged_rules(wheel, tmp_path):
    """Unpacked like site-packages, the package finds pitchlint/_rules and loads every rule."""
    built, rules = wheel
    site = tmp_path / "site"
    zipfile.ZipFile(built).extractall(site)
    code = (
        "import pitchlint, sys\n"
        "from pitchlint.rules.loader import bundled_rules_dir, load_rules\n"
        "d = bundled_rules_dir()\n"
        "assert d.name == '_rules', d\n"
        "assert str(d).startswith(sys.argv[1]), (d, pitchlint.__file__)\n"
        "print(len(load_rules([d])))\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    proc = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) == len(list(rules.rglob("*.y*ml")))


@pytest.mark.parametrize("rule", BUNDLED, ids=IDS)
def test_rule_with_a_fix_shows_it_on_its_examples(rule):
    """A rule that offers a fix shows what it produces on at least two bad examples (each
    `fixed` is checked against the real fix in test_rule_examples)."""
    if rule.spec.fix is None:
        return
    fixed = [bad for bad in rule.spec.examples.bad if bad.fixed is not None]
    assert len(fixed) >= 2, f"{rule.id}: has a fix but only {len(fixed)} bad examples with `fixed`"
