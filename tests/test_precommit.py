"""pitchlint as a pre-commit hook, run by pre-commit itself (`pre-commit try-repo` against this
repository, in a temporary git repository of templates): a clean template passes, a "Re: Re:"
template fails with the finding shown, and the fix hook rewrites the file and fails the run as
pre-commit expects. The README's .pre-commit-config.yaml snippet is run as written, pointed at
this repository. The hook environments are built once per session (pip, from PyPI only)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from .conftest import REPO

CLEAN = "Subject: Ohio rates\n\nHi Sam,\n\nYour Q3 filing added 14 states. What changed in your plans?\n"
FAKE = (
    "Subject: Re: Re: Ohio rates\n\nHi Sam,\n\nYour Q3 filing added 14 states. What changed in your plans?\n"
)


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def templates(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "fake.txt").write_text(FAKE, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


def _pre_commit(home, cwd, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_check_hook_passes_clean_and_fails_fake_reply(pre_commit_home, templates):
    clean = _pre_commit(
        pre_commit_home, templates, "try-repo", str(REPO), "pitchlint", "--files", "clean.txt"
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    fake = _pre_commit(pre_commit_home, templates, "try-repo", str(REPO), "pitchlint", "--files", "fake.txt")
    assert fake.returncode == 1
    assert "fake.txt:1:10  error  fake-reply-subject" in fake.stdout


def test_fix_hook_rewrites_the_file_and_fails_the_run(pre_commit_home, templates):
    result = _pre_commit(
        pre_commit_home, templates, "try-repo", str(REPO), "pitchlint-fix", "--files", "fake.txt"
    )
    assert result.returncode == 1
    assert "files were modified by this hook" in result.stdout
    assert (templates / "fake.txt").read_text(encoding="utf-8") == FAKE.replace("Re: Re: ", "")
    again = _pre_commit(
        pre_commit_home, templates, "try-repo", str(REPO), "pitchlint-fix", "--files", "fake.txt"
    )
    assert again.returncode == 0, again.stdout


def test_readme_pre_commit_config_works_as_written(pre_commit_home, templates):
    """The README snippet, with its repo pointed at this checkout's HEAD."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\n# .pre-commit-config.yaml") + 8
    config = yaml.safe_load(readme[start : readme.index("```", start)])
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True)
    config["repos"][0].update(repo=str(REPO), rev=head.stdout.strip())
    (templates / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (templates / "templates").mkdir()
    (templates / "templates" / "intro.txt").write_text(FAKE, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=templates, check=True)
    result = _pre_commit(pre_commit_home, templates, "run", "--all-files")
    assert result.returncode == 1  # the fix hook changed a file
    assert "files were modified by this hook" in result.stdout
    assert (templates / "templates" / "intro.txt").read_text(encoding="utf-8") == CLEAN
    assert (templates / "fake.txt").read_text(encoding="utf-8") == FAKE  # `files:` narrows the hooks
