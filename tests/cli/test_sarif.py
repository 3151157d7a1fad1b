"""`--format sarif`: valid SARIF 2.1.0 (checked against the official JSON schema, vendored in
tests/fixtures/sarif), with each rule's documentation for code scanning, results located by
line and column, and fixes as replacements on the original text."""

from __future__ import annotations

import json

from click.testing import CliRunner
from jsonschema import Draft202012Validator

from pitchlint.cli import cli
from tests.conftest import REPO

SCHEMA = json.loads((REPO / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text())
TEXT = "Subject: Re: Re: rates\n\nHi Sam,\n\nWe are the leaders in tax. Just checking in.\n"


def _sarif(tmp_path, monkeypatch, *extra: str):
    (tmp_path / "draft.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\x00\x00")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "draft.txt", "logo.png", "--format", "sarif", *extra])
    return result, json.loads(result.stdout)


def test_output_is_valid_sarif_2_1_0(tmp_path, monkeypatch):
    result, log = _sarif(tmp_path, monkeypatch)
    assert result.exit_code == 2  # the unreadable file, as with text output
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(log), key=str)
    assert not errors, errors[0].message


def test_results_carry_location_rule_docs_and_fix(tmp_path, monkeypatch):
    _, log = _sarif(tmp_path, monkeypatch)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    fake = next(r for r in run["results"] if r["ruleId"] == "fake-reply-subject")
    descriptor = rules[fake["ruleIndex"]]
    assert descriptor["id"] == "fake-reply-subject"
    assert descriptor["help"]["markdown"].startswith("# fake-reply-subject")
    assert descriptor["defaultConfiguration"]["level"] == "error"
    region = fake["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 10, 18)
    assert region["snippet"]["text"] == "Re: Re: "
    assert fake["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "draft.txt"
    (replacement,) = fake["fixes"][0]["artifactChanges"][0]["replacements"]
    start, length = replacement["deletedRegion"]["charOffset"], replacement["deletedRegion"]["charLength"]
    assert TEXT[start : start + length] == "Re: Re: " and replacement["insertedContent"]["text"] == ""
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert "logo.png" in note["message"]["text"]


def test_readme_code_scanning_step_writes_valid_sarif(tmp_path, monkeypatch):
    import shlex

    import yaml

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\n      - run: pitchlint check templates/ --format sarif") + 8
    steps = yaml.safe_load(readme[start : readme.index("```", start)])
    command = shlex.split(steps[0]["run"].split(">")[0])
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "intro.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, command[1:])
    log = json.loads(result.stdout)
    assert not list(Draft202012Validator(SCHEMA).iter_errors(log))
    assert steps[1]["with"]["sarif_file"] == "pitchlint.sarif"
