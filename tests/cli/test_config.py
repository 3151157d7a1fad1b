"""Configuration through the CLI: discovery walking up from the checked file, select/ignore,
severity overrides, unknown keys and rule ids, and user rule packs (`rule_folders`)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.cli.test_cli import run

# Fires fake-reply-subject (error) plus other rules (hype, no question...).
NOISY = "Subject: Re: Re: hi\n\nHi Sam,\n\nWe are the best. We are the leaders in invoices.\n"
FAKE = "Subject: Re: Re: hi\n\nHi Sam,\n\nWhat changed in your Q3 plans?\n"

PACK_RULE = """\
id: synergy-buzzword
summary: Flags the buzzword "synergy".
severity: warning
kind: phrase
phrases: ["synergy", "synergies"]
message: 'Buzzword: "{match}"'
why: Buzzwords make a note read like a template, so the reader stops reading.
advice: Say what actually changes for the reader instead.
weight: 5
examples:
  bad:
    - {text: "Hi Sam,\\n\\nWe see real synergy between our teams.\\n", match: "synergy"}
  good:
    - "Hi Sam,\\n\\nWhat does your team expect from the merger?\\n"
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A project folder with a draft three folders down; cwd is elsewhere."""
    root = tmp_path / "project"
    deep = root / "emails" / "q3" / "week1"
    deep.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return root, deep


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def check_json(runner, *args: str) -> tuple[int, dict, str]:
    result = run(runner, "check", "--format", "json", *args)
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, data, result.stderr


def rules_of(data: dict) -> set[str]:
    return {f["rule"] for report in data["drafts"] for f in report["findings"]}


def test_without_config_every_rule_runs(runner, project):
    _, deep = project
    draft = write(deep / "draft.txt", NOISY)
    _, data, _ = check_json(runner, str(draft))
    found = rules_of(data)
    assert "fake-reply-subject" in found
    assert len(found) >= 2  # the other rules are what config tests below switch off


def configured(project, files: dict[str, str], draft: str = NOISY) -> tuple[Path, Path]:
    """Config files written under the project root (path -> text) and a draft three folders
    down; returns the draft and the first config file."""
    root, deep = project
    written = [write(root / name, text) for name, text in files.items()]
    return write(deep / "draft.txt", draft), written[0]


@pytest.mark.parametrize(
    ("files", "args", "expected"),
    [
        pytest.param(
            {
                "pyproject.toml": '[project]\nname = "x"\n\n'
                '[tool.pitchlint]\nselect = ["fake-reply-subject"]\n'
            },
            (),
            {"fake-reply-subject"},
            id="pyproject-found-walking-up",
        ),
        pytest.param(
            {
                ".pitchlint.yaml": "select: [subject]\n",
                "emails/pyproject.toml": '[project]\nname = "templates"\n',
            },
            (),
            {"fake-reply-subject"},
            id="pyproject-without-tool-table-passed-over",
        ),
        pytest.param(
            {".pitchlint.yaml": "select:\n  - fake-reply-subject\n"},
            (),
            {"fake-reply-subject"},
            id="pitchlint-yaml-found-walking-up",
        ),
        pytest.param(
            {".pitchlint.yaml": "select: [subject]\n"}, (), {"fake-reply-subject"}, id="select-by-family"
        ),
        pytest.param(
            {".pitchlint.yaml": "select: [subject, claims]\n"},
            ("--ignore", "claims"),
            {"fake-reply-subject"},
            id="cli-ignore-adds-to-config",
        ),
    ],
)
def test_config_selects_the_rules(runner, project, files, args, expected):
    draft, _ = configured(project, files)
    code, data, _ = check_json(runner, *args, str(draft))
    assert rules_of(data) == expected
    assert code == 1  # fake-reply-subject is an error


@pytest.mark.parametrize(
    ("files", "ignored"),
    [
        ({".pitchlint.yaml": "ignore: [fake-reply-subject]\n"}, {"fake-reply-subject"}),
        (
            {"pyproject.toml": '[tool.pitchlint]\nignore = ["subject", "claims"]\n'},
            {"fake-reply-subject", "hype-superlatives", "absolute-claims"},
        ),
    ],
    ids=["by-id", "by-family"],
)
def test_config_ignores_rules_and_the_others_still_run(runner, project, files, ignored):
    draft, _ = configured(project, files)
    _, data, _ = check_json(runner, str(draft))
    found = rules_of(data)
    assert found and not found & ignored


def test_nearest_config_wins(runner, project):
    root, deep = project
    write(root / "pyproject.toml", '[tool.pitchlint]\nselect = ["fake-reply-subject"]\n')
    write(root / "emails" / ".pitchlint.yaml", "select: [fake-reply-subject]\nignore: [subject]\n")
    near = write(deep / "draft.txt", NOISY)
    far = write(root / "top.txt", NOISY)
    code, data, _ = check_json(runner, str(near), str(far))
    by_path = {r["path"]: {f["rule"] for f in r["findings"]} for r in data["drafts"]}
    assert by_path[str(near)] == set()
    assert by_path[str(far)] == {"fake-reply-subject"}
    assert code == 1


def test_explicit_config_option(runner, project, tmp_path):
    _, deep = project
    config = write(tmp_path / "custom.yaml", "select: [fake-reply-subject]\n")
    draft = write(deep / "draft.txt", NOISY)
    _, data, _ = check_json(runner, "--config", str(config), str(draft))
    assert rules_of(data) == {"fake-reply-subject"}


def test_severity_override_by_id(runner, project):
    config = "select: [fake-reply-subject]\nseverity:\n  fake-reply-subject: warning\n"
    draft, _ = configured(project, {".pitchlint.yaml": config}, FAKE)
    code, data, _ = check_json(runner, str(draft))
    (finding,) = data["drafts"][0]["findings"]
    assert finding["severity"] == "warning"
    assert code == 0  # default --fail-on is error
    text = run(runner, "check", str(draft))
    assert f"{draft}:1:10  warning  fake-reply-subject  " in text.stdout
    assert run(runner, "check", "--fail-on", "warning", str(draft)).exit_code == 1


def test_severity_override_by_family_in_pyproject(runner, project):
    config = '[tool.pitchlint]\nselect = ["fake-reply-subject"]\nseverity = { subject = "info" }\n'
    draft, _ = configured(project, {"pyproject.toml": config}, FAKE)
    _, data, _ = check_json(runner, str(draft))
    assert [f["severity"] for f in data["drafts"][0]["findings"]] == ["info"]


def test_fail_on_and_fail_under_from_config(runner, project):
    config = "select: [fake-reply-subject]\nseverity: {fake-reply-subject: warning}\nfail-on: warning\n"
    draft, _ = configured(project, {".pitchlint.yaml": config}, FAKE)
    assert run(runner, "check", str(draft)).exit_code == 1
    assert run(runner, "check", "--fail-on", "error", str(draft)).exit_code == 0  # the flag wins


def test_fail_under_from_config(runner, project):
    root, deep = project
    write(root / "pyproject.toml", '[tool.pitchlint]\nselect = ["fake-reply-subject"]\nfail-under = 95\n')
    clean = write(deep / "clean.txt", "Subject: Returns since the move\n\nHi Sam,\n\nHow is it going?\n")
    fake = write(deep / "fake.txt", FAKE)
    assert run(runner, "check", str(clean)).exit_code == 0
    assert run(runner, "check", str(fake)).exit_code == 1


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {".pitchlint.yaml": "selct: [subject]\n"},
            ["{config}", "unknown key `selct`", "did you mean `select`"],
            id="unknown-key",
        ),
        pytest.param(
            {"pyproject.toml": "[tool.pitchlint]\nfail-undr = 50\n"},
            ["{config}", "unknown key `fail-undr`", "did you mean `fail-under`"],
            id="unknown-pyproject-key",
        ),
        pytest.param(
            {".pitchlint.yaml": "ignore: [fake-reply-subjekt]\n"},
            ["{config}", "fake-reply-subjekt", "did you mean `fake-reply-subject`"],
            id="unknown-rule-id",
        ),
        pytest.param(
            {".pitchlint.yaml": "severity: {no-such-rule-at-all: info}\n"},
            ["no-such-rule-at-all"],
            id="unknown-rule-id-in-severity",
        ),
        pytest.param(
            {".pitchlint.yaml": "severity: {fake-reply-subject: fatal}\n"}, ["fatal"], id="bad-severity"
        ),
        pytest.param({".pitchlint.yaml": "select: [subject\n"}, ["{config}"], id="not-yaml"),
    ],
)
def test_a_broken_config_stops_the_run_naming_the_file_and_the_fault(runner, project, files, expected):
    draft, config = configured(project, files, FAKE)
    result = run(runner, "check", str(draft))
    assert result.exit_code == 2
    for words in expected:
        assert words.format(config=config) in result.stderr
    assert "Traceback" not in result.output


# --- user rule packs -------------------------------------------------------------------


def pack(root: Path, body: str = PACK_RULE, name: str = "synergy-buzzword") -> Path:
    return write(root / "pack" / "custom" / f"{name}.yaml", body)


def test_rule_folders_adds_a_user_pack(runner, project):
    root, deep = project
    pack(root)
    write(root / ".pitchlint.yaml", "rule_folders: [pack]\nselect: [synergy-buzzword]\n")
    text = "Subject: Q3 plans\n\nHi Sam,\n\nI see real synergy between our teams.\n"
    draft = write(deep / "draft.txt", text)
    code, data, stderr = check_json(runner, str(draft))
    assert code == 0, stderr  # a warning does not fail by default
    (finding,) = data["drafts"][0]["findings"]
    assert finding["rule"] == "synergy-buzzword"
    assert finding["family"] == "custom"
    assert finding["severity"] == "warning"
    assert finding["matched"] == "synergy"
    assert text[finding["start"] : finding["end"]] == "synergy"
    assert finding["message"] == 'Buzzword: "synergy"'
    assert data["drafts"][0]["breakdown"][0]["rule"] == "synergy-buzzword"


def test_user_pack_rules_are_listed_and_documented(runner, project, monkeypatch):
    root, _ = project
    pack(root)
    write(root / "pyproject.toml", '[tool.pitchlint]\nrule-folders = ["pack"]\n')
    monkeypatch.chdir(root)
    listed = run(runner, "rules")
    assert listed.exit_code == 0
    assert any(line.split()[:2] == ["synergy-buzzword", "custom"] for line in listed.stdout.splitlines())
    assert "fake-reply-subject" in listed.stdout  # bundled rules still there
    doc = run(runner, "rule", "synergy-buzzword")
    assert doc.exit_code == 0
    assert "## Why it hurts replies" in doc.stdout


def test_user_pack_family_can_be_selected_and_ignored(runner, project):
    root, deep = project
    pack(root)
    write(root / ".pitchlint.yaml", "rule_folders: [pack]\nselect: [custom, subject]\n")
    draft = write(deep / "draft.txt", "Subject: Re: Re: hi\n\nHi Sam,\n\nSo much synergy.\n")
    _, data, _ = check_json(runner, str(draft))
    assert rules_of(data) == {"synergy-buzzword", "fake-reply-subject"}
    _, data, _ = check_json(runner, "--ignore", "custom", str(draft))
    assert rules_of(data) == {"fake-reply-subject"}


def test_missing_rule_folder(runner, project):
    root, deep = project
    write(root / ".pitchlint.yaml", "rule_folders: [no-such-pack]\n")
    draft = write(deep / "draft.txt", FAKE)
    result = run(runner, "check", str(draft))
    assert result.exit_code == 2
    assert "no-such-pack" in result.stderr


def test_rule_file_with_invalid_yaml(runner, project):
    root, deep = project
    broken = PACK_RULE.replace('phrases: ["synergy", "synergies"]', 'phrases: ["synergy", "synergies"')
    rule_file = pack(root, broken)
    write(root / ".pitchlint.yaml", "rule_folders: [pack]\n")
    draft = write(deep / "draft.txt", FAKE)
    result = run(runner, "check", str(draft))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{rule_file}:" in result.stderr
    line = int(result.stderr.split(f"{rule_file}:")[1].split(":")[0])
    assert 5 <= line <= 7  # the unclosed list starts on line 5; YAML notices a line or two later
    assert "invalid YAML" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("body", "name", "expected"),
    [
        pytest.param(
            PACK_RULE.replace("kind: phrase\n", "kind: phrase\nseverty: error\n"),
            "synergy-buzzword",
            "{rule_file}:5: field `severty`: unknown key",
            id="unknown-key",
        ),
        pytest.param(
            PACK_RULE.replace("severity: warning", "severty: warning"),
            "synergy-buzzword",
            "{rule_file}:3: field `severty`: unknown key (did you mean `severity`?)",
            id="misspelt-required-key",
        ),
        pytest.param(
            PACK_RULE.replace("weight: 5", "weight: lots"),
            "synergy-buzzword",
            "{rule_file}:9: field `weight`:",
            id="wrong-field-type",
        ),
        pytest.param(PACK_RULE, "buzzwords", "{rule_file}:1: field `id`:", id="id-must-match-file-name"),
        pytest.param(
            PACK_RULE.replace("id: synergy-buzzword", "id: fake-reply-subject"),
            "fake-reply-subject",
            "duplicate rule id",
            id="cannot-shadow-a-bundled-id",
        ),
    ],
)
def test_a_broken_rule_file_stops_the_run_naming_the_file_line_and_field(
    runner, project, body, name, expected
):
    """`severty:` instead of `severity:` and the like: the run stops with the file and the
    field at fault, before anything is checked."""
    root, deep = project
    rule_file = pack(root, body, name=name)
    write(root / ".pitchlint.yaml", "rule-folders: [pack]\n")
    draft = write(deep / "draft.txt", FAKE)
    result = run(runner, "check", str(draft))
    assert result.exit_code == 2 and result.stdout == ""
    assert expected.format(rule_file=rule_file) in result.stderr
