"""`--format github`: workflow commands GitHub shows on the pull request diff. Each finding is
one command at its line and column, with the runner's escaping, and the exit code is the same
as with text output."""

from __future__ import annotations

import re

from click.testing import CliRunner

from pitchlint.cli import cli
from tests.conftest import REPO

TEXT = "Subject: Re: Re: 50% off, today: rates\n\nHi Sam,\n\nWhat changed in your plans?\n"


def test_each_finding_is_one_annotation_with_escaped_fields(tmp_path):
    path = tmp_path / "a,b.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", str(path), "--format", "github", "--select", "fake-reply-subject"]
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    annotation = lines[0]
    assert annotation.startswith("::error file=")
    assert "a%2Cb.txt,line=1,col=10,endLine=1,endColumn=17,title=pitchlint fake-reply-subject::" in annotation
    assert "%0A" in annotation and "\n" not in annotation  # the advice follows on its own line
    assert re.fullmatch(r"::notice file=\S+::score \d+(\.\d+)?/100, grade [A-F]", lines[1])
    assert len(lines) == 2


def test_severities_map_to_annotation_levels(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Hi Sam,\n\nWe are the leaders in tax. Just checking in.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "github"])
    levels = {line.split(" ", 1)[0] for line in result.output.splitlines()}
    assert levels <= {"::error", "::warning", "::notice"}
    assert "::error" in levels and "::warning" in levels


def test_readme_actions_step_runs_as_written(tmp_path, monkeypatch):
    """The README's workflow is valid YAML and its pitchlint step runs on a templates folder."""
    import shlex

    import yaml

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\n# .github/workflows/outreach.yml") + 8
    workflow = yaml.safe_load(readme[start : readme.index("```", start)])
    steps = workflow["jobs"]["pitchlint"]["steps"]
    command = shlex.split(steps[-1]["run"])
    assert command[:2] == ["pitchlint", "check"]
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "intro.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, command[1:])
    assert result.exit_code == 1
    assert result.output.startswith("::error file=templates/intro.txt,line=1,col=10")
