"""pitchlint as a pre-commit hook, run by pre-commit itself in a temporary git repository of
templates: `pre-commit try-repo` against this repository fails a "Re: Re:" template with the
finding shown; with the README's .pre-commit-config.yaml (pointed at this checkout's HEAD) a
clean template passes, and the fix hook rewrites a fake-reply template and fails the run as
pre-commit expects. Hook environments are installed from PyPI only, once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

CLEAN = "Subject: Ohio rates\n\nHi Sam,\n\nYour Q3 filing added 14 states. What changed in your plans?\n"
FAKE = (
    "Subject: Re: Re: Ohio rates\n\nHi Sam,\n\nYour Q3 filing added 14 states. What changed in your plans?\n"
)

HYPE = (
    "Subject: Ohio rates\n\nHi Sam,\n\nWe are the world's leading platform. What changed in your Q3 plans?\n"
)


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def templates(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "templates" / "fake.txt").write_text(FAKE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(FAKE, encoding="utf-8")  # outside `files:`
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


def _pre_commit(home, cwd, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_try_repo_fails_a_fake_reply_template_with_the_finding(pre_commit_home, templates):
    fake = _pre_commit(
        pre_commit_home, templates, "try-repo", str(REPO), "pitchlint", "--files", "templates/fake.txt"
    )
    assert fake.returncode == 1, fake.stdout + fake.stderr
    assert "templates/fake.txt:1:10  error  fake-reply-subject" in fake.stdout


HTML = (
    "<html><head><title>Re: Re: Ohio rates</title></head><body>\n"
    "<p>Hi Sam,</p>\n<p>Your Q3 filing added 14 states. What changed in your plans?</p>\n</body></html>\n"
)
SEQUENCE = "steps:\n" + "".join(
    f'  - {{subject: Ohio rates, delay: 3, body: "Hi Sam,\\n\\nOhio changes its rate on July {n}."}}\n'
    for n in range(1, 9)
)


def test_try_repo_reads_html_templates_and_sequence_files(pre_commit_home, templates):
    (templates / "templates" / "fake.html").write_text(HTML, encoding="utf-8")
    (templates / "sequences").mkdir()
    (templates / "sequences" / "q3.yaml").write_text(SEQUENCE, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=templates, check=True)
    html = _pre_commit(
        pre_commit_home, templates, "try-repo", str(REPO), "pitchlint", "--files", "templates/fake.html"
    )
    assert html.returncode == 1, html.stdout + html.stderr
    assert "templates/fake.html:1:20  error  fake-reply-subject" in html.stdout  # inside <title>
    (templates / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")  # other YAML
    subprocess.run(["git", "add", "."], cwd=templates, check=True)
    files = ("--files", "sequences/q3.yaml", "ci.yml")
    steps = _pre_commit(pre_commit_home, templates, "try-repo", str(REPO), "pitchlint", *files)
    assert steps.returncode == 1, steps.stdout + steps.stderr  # findings, not exit 2 for ci.yml
    assert "ci.yml: not a sequence file" in steps.stdout
    assert "error  sequence-overload  Sequence overload: 8 touches to one reader" in steps.stdout


def test_readme_config_passes_clean_and_fixes_fake_reply(pre_commit_home, templates):
    """The README snippet as written, with its repo pointed at this checkout's HEAD."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\n# .pre-commit-config.yaml") + 8
    config = yaml.safe_load(readme[start : readme.index("```", start)])
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True)
    config["repos"][0].update(repo=str(REPO), rev=head.stdout.strip())
    (templates / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=templates, check=True)

    clean = _pre_commit(pre_commit_home, templates, "run", "--files", "templates/clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.count("Passed") == 2

    fixing = _pre_commit(pre_commit_home, templates, "run", "--all-files")
    assert fixing.returncode == 1  # pre-commit fails a run whose hook changed files
    assert "files were modified by this hook" in fixing.stdout
    assert (templates / "templates" / "fake.txt").read_text(encoding="utf-8") == CLEAN
    assert (templates / "notes.txt").read_text(encoding="utf-8") == FAKE  # `files:` narrows the hooks

    again = _pre_commit(pre_commit_home, templates, "run", "--all-files")
    assert again.returncode == 0, again.stdout

    # a finding no fix removes is printed once, by the pitchlint hook, not by both
    (templates / "templates" / "hype.txt").write_text(HYPE, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=templates, check=True)
    both = _pre_commit(pre_commit_home, templates, "run", "--all-files")
    assert both.returncode == 1
    assert both.stdout.count("templates/hype.txt:5:12  error  hype-superlatives") == 1, both.stdout


def _readme_yaml(marker: str) -> dict:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index(f"```yaml\n{marker}") + 8
    return yaml.safe_load(readme[start : readme.index("```", start)])


def test_the_snippet_rev_is_the_version_and_local_hooks_match_the_published_ones():
    import tomllib

    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert _readme_yaml("# .pre-commit-config.yaml\n")["repos"][0]["rev"] == f"v{version}"
    published = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    for hook in _readme_yaml("# .pre-commit-config.yaml, with pitchlint installed")["repos"][0]["hooks"]:
        assert hook["entry"] == published[hook["id"]]["entry"]
        assert hook["require_serial"] == published[hook["id"]]["require_serial"]


def test_the_readme_local_hooks_work_as_written(pre_commit_home, templates):
    config = _readme_yaml("# .pre-commit-config.yaml, with pitchlint installed")
    (templates / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=templates, check=True)
    with pytest.MonkeyPatch.context() as patch:  # `pitchlint` is the one beside this Python
        patch.setenv("PATH", f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}")
        fixing = _pre_commit(pre_commit_home, templates, "run", "--all-files")
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr
    assert (templates / "templates" / "fake.txt").read_text(encoding="utf-8") == CLEAN
    assert (templates / "notes.txt").read_text(encoding="utf-8") == FAKE
