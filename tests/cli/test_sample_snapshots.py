"""Snapshots of what a user sees for every sample: `check` (full text), `check --format json`
and the file `check --fix` leaves. A refactor that moves a finding, a score or a fix shows
here. After a deliberate change, refresh them with PITCHLINT_UPDATE_SNAPSHOTS=1 and read
the diff before committing it."""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from pitchlint.cli import cli
from tests.conftest import REPO

ROOT = REPO
SNAPSHOTS = REPO / "tests" / "snapshots"  # + samples/<path>.<what>
SAMPLES = sorted(
    p.relative_to(ROOT).as_posix()
    for p in (ROOT / "samples").rglob("*")
    if p.is_file() and p.name not in ("README.md", "outcomes.csv")
)
UPDATE = os.environ.get("PITCHLINT_UPDATE_SNAPSHOTS") == "1"


def _matches(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}: run with PITCHLINT_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"


def _check(*args: str) -> str:
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--exit-zero", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # relative paths in the output, the same on every machine


@pytest.mark.parametrize("sample", SAMPLES)
def test_check_output(at_root, sample):
    _matches(f"{sample}.check.txt", _check(sample))


@pytest.mark.parametrize("sample", SAMPLES)
def test_check_json(at_root, sample):
    _matches(f"{sample}.check.json", _check("--format", "json", sample))


@pytest.mark.parametrize("sample", SAMPLES)
def test_fixed_file(tmp_path, monkeypatch, sample):
    copy = tmp_path / sample
    copy.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / sample, copy)
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(cli, ["check", "--no-cache", "--fix", "--exit-zero", "-q", sample])
    fixed = copy.read_text(encoding="utf-8")
    if copy.suffix not in (".txt", ".md"):
        assert fixed == (ROOT / sample).read_text(encoding="utf-8")  # only text drafts are rewritten
        return
    _matches(f"{sample}.fixed{copy.suffix}", fixed)
