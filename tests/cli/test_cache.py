"""The results cache: an unchanged file is served from `.pitchlint_cache` without parsing, a
changed file, config or rule file is checked again, and a broken entry is only a miss."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import pitchlint.run as pipeline
from pitchlint.cli import cli
from pitchlint.config import _find_in

DRAFT = "Subject: Re: Re: rates\n\nHi Sam,\n\nWe are the leaders in tax. What changed in your plans?\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(DRAFT.replace("Sam", name[0].upper()), encoding="utf-8")
    return tmp_path


@pytest.fixture
def parsed(monkeypatch):
    """The drafts the engine parsed in each run (cache misses)."""
    seen: list[str] = []
    real = pipeline.engine_for

    def counting(config):
        engine = real(config)

        class Counting:
            def check(self, drafts):
                seen.extend(d.path for d in drafts)
                return engine.check(drafts)

            def __getattr__(self, name):  # rules across files still run on the real engine
                return getattr(engine, name)

        return Counting()

    monkeypatch.setattr(pipeline, "engine_for", counting)
    return seen


def _run(*args: str):
    return CliRunner().invoke(cli, ["check", ".", *args])


def test_unchanged_files_come_from_the_cache_with_the_same_output(workdir, parsed):
    first = _run()
    assert sorted(parsed) == ["a.txt", "b.txt", "c.txt"]
    parsed.clear()
    second = _run()
    assert parsed == [] and second.output == first.output and second.exit_code == first.exit_code
    assert (workdir / ".pitchlint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_one_changed_file_is_the_only_one_checked_again(workdir, parsed):
    _run()
    parsed.clear()
    (workdir / "b.txt").write_text(DRAFT.replace("leaders", "makers"), encoding="utf-8")
    result = _run()
    assert parsed == ["b.txt"]
    assert "b.txt:5:16  error  hype-superlatives" not in result.output


def test_config_or_rule_change_invalidates_everything(workdir, parsed):
    _run()
    parsed.clear()
    (workdir / ".pitchlint.yaml").write_text("ignore: [hype-superlatives]\n", encoding="utf-8")
    _find_in.cache_clear()  # a new process would look for the config afresh
    result = _run()
    assert sorted(parsed) == ["a.txt", "b.txt", "c.txt"] and "hype-superlatives" not in result.output
    parsed.clear()
    _run("--select", "subject")  # a different selection on the command line
    assert len(parsed) == 3


def test_no_cache_and_broken_entries_check_again(workdir, parsed):
    _run()
    parsed.clear()
    _run("--no-cache")
    assert len(parsed) == 3
    parsed.clear()
    for entry in (workdir / ".pitchlint_cache").rglob("*.json"):
        entry.write_text(json.dumps({"findings": "garbage"}), encoding="utf-8")
    result = _run()
    assert len(parsed) == 3 and "fake-reply-subject" in result.output


def test_stdin_is_never_cached(workdir, parsed):
    for _ in range(2):
        CliRunner().invoke(cli, ["check", "-"], input=DRAFT)
    assert parsed == ["-", "-"]


def test_a_warm_run_applies_rules_across_files_without_spacy(workdir):
    """Three near-identical drafts share an opener (template-sameness runs across files); once
    cached, a run over them neither parses nor imports spaCy, and says the same."""
    import subprocess
    import sys

    first = subprocess.run([sys.executable, "-m", "pitchlint", "check", "."], capture_output=True, text=True)
    assert "template-sameness" in first.stdout
    blocked = "import sys; sys.modules['spacy'] = None; from pitchlint.cli import main; main()"
    warm = subprocess.run([sys.executable, "-c", blocked, "check", "."], capture_output=True, text=True)
    assert (warm.stdout, warm.returncode) == (first.stdout, first.returncode), warm.stderr


def _grade(*args: str):
    return CliRunner().invoke(cli, ["grade", ".", "--format", "json", *args])


def test_grade_reads_and_writes_the_cache_only_when_asked(workdir, parsed):
    plain = _grade()
    assert sorted(parsed) == ["a.txt", "b.txt", "c.txt"]
    assert not (workdir / ".pitchlint_cache").exists()  # off by default: no entry per email
    parsed.clear()
    first = _grade("--cache")
    assert sorted(parsed) == ["a.txt", "b.txt", "c.txt"] and first.output == plain.output
    parsed.clear()
    second = _grade("--cache")
    assert parsed == [] and second.output == first.output and second.exit_code == first.exit_code
    (workdir / "b.txt").write_text(DRAFT.replace("leaders", "experts"), encoding="utf-8")
    parsed.clear()
    third = _grade("--cache")
    assert parsed == ["b.txt"] and third.output != first.output


def test_check_and_grade_share_their_entries(workdir, parsed):
    _run()
    parsed.clear()
    graded = _grade("--cache")
    assert parsed == [] and json.loads(graded.output)["emails"]
