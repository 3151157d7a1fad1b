"""The warm pipeline behind `pitchlint server` and `pitchlint serve`: the results cache (read
from disk, kept in memory, never written per keystroke) and configs and rule packs read again
when they change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pitchlint import run
from pitchlint.config import load_config
from pitchlint.editor.session import Session
from pitchlint.inputs.load import load_inputs

DRAFT = "Subject: rates\n\nHi Sam,\n\nWe are the leaders in tax. What changed in your Ohio plans?\n"


def _rules(session: Session, path: Path, text: str = DRAFT) -> set[str]:
    return {f.rule for r in session.check(str(path), text).reports for f in r.findings}


def _cache_files(root: Path) -> list[Path]:
    return sorted(root.rglob(".pitchlint_cache/**/*.json"))


@pytest.fixture
def checked_engines(monkeypatch) -> list[int]:
    """How many drafts reached an engine (the rest came from the cache)."""
    calls: list[int] = []
    real = run.iter_check_drafts

    def counting(engine, drafts, **kwargs):  # type: ignore[no-untyped-def]
        drafts = list(drafts)  # the run hands them over lazily
        calls.append(len(drafts))
        return real(engine, drafts, **kwargs)

    monkeypatch.setattr(run, "iter_check_drafts", counting)
    return calls


def test_a_buffer_checked_again_comes_from_memory_and_writes_nothing(tmp_path, checked_engines):
    (tmp_path / ".pitchlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    session, path = Session(), tmp_path / "draft.txt"
    first = session.check(str(path), DRAFT)
    assert checked_engines == [1]
    again = session.check(str(path), DRAFT)  # an undo back to this text, or the page asking twice
    assert checked_engines == [1]
    assert again.reports[0].findings == first.reports[0].findings
    session.check(str(path), DRAFT + "\nBest,\nAna\n")
    assert checked_engines == [1, 1]
    assert _cache_files(tmp_path) == []  # keystrokes do not fill the disk


def test_a_file_the_hook_checked_opens_from_its_disk_cache(tmp_path, checked_engines):
    (tmp_path / ".pitchlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    config = load_config(tmp_path / ".pitchlint.yaml")
    loaded = load_inputs((str(path),), config.limits)
    by_check = run.check_emails(config, loaded.emails, loaded, (), use_cache=True).reports
    assert checked_engines == [1] and _cache_files(tmp_path)
    opened = Session().check(str(path), DRAFT)
    assert checked_engines == [1]  # the editor's first look needed no engine
    assert opened.reports[0].findings == by_check[0].findings


def test_an_edited_config_or_rule_pack_is_seen_on_the_next_check(tmp_path):
    session, path = Session(), tmp_path / "draft.txt"
    assert "hype-superlatives" in _rules(session, path)  # no config yet
    config = tmp_path / ".pitchlint.yaml"
    config.write_text("fail-on: error\nignore: [fake-reply-subject]\n", encoding="utf-8")
    assert "hype-superlatives" in _rules(session, path)  # a config appeared: it governs now
    assert "fake-reply-subject" not in _rules(session, path, "Subject: Re: Re: rates\n" + DRAFT[15:])

    config.write_text("fail-on: error\nignore: [hype-superlatives]\n", encoding="utf-8")
    _touch_later(config)
    assert "hype-superlatives" not in _rules(session, path)

    rules = tmp_path / "house"
    rules.mkdir()
    rule = rules / "no-ohio.yaml"
    rule.write_text(_house_rule("Ohio"), encoding="utf-8")
    config.write_text("fail-on: error\nrule-folders: [house]\n", encoding="utf-8")
    _touch_later(config)
    assert "no-ohio" in _rules(session, path)

    rule.write_text(_house_rule("Texas"), encoding="utf-8")
    _touch_later(rule)
    assert "no-ohio" not in _rules(session, path)
    assert "no-ohio" in _rules(session, path, DRAFT.replace("Ohio", "Texas"))


def _touch_later(path: Path) -> None:
    """A later modification time than the last check saw (file systems round them)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def _house_rule(word: str) -> str:
    return f"""\
id: no-ohio
summary: Flags a state the team does not sell in.
severity: warning
kind: phrase
phrases: ["{word}"]
message: 'Names a state the team does not sell in: "{{match}}"'
why: The team does not sell there.
advice: Leave the state out.
weight: 5
examples:
  bad:
    - {{text: "Hi Sam,\\n\\nWhat changed in your {word} plans?\\n", match: "{word}"}}
  good:
    - "Hi Sam,\\n\\nWhat changed in your plans?\\n"
"""
