"""`check --fix` and `--diff` end to end: files are rewritten atomically with their mode kept,
nothing but the fixed span changes, fixing is idempotent, --diff writes nothing, stdin gets the
fixed text on stdout, and the exit code says whether anything failing remains. The exit-code
cases select fake-reply-subject (a safe fix) so that later rules cannot change them."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from pitchlint.cli import cli

FAKE = (
    "Subject: Re: Re: your Q3 filing\n\nHi {{first_name}},\n\nWhat changed in your Q3 plans?\n\nBest,\nJo\n"
)
FIXED = "Subject: your Q3 filing\n\nHi {{first_name}},\n\nWhat changed in your Q3 plans?\n\nBest,\nJo\n"
SELECT = ("--select", "fake-reply-subject")


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["check", *args, *SELECT], input=stdin)


def test_fix_rewrites_only_the_fixed_span_and_keeps_the_mode(tmp_path):
    draft = tmp_path / "t.txt"
    draft.write_bytes(FAKE.encode())
    draft.chmod(0o640)
    result = _run(str(draft), "--fix")
    assert result.exit_code == 0, result.output
    assert draft.read_bytes() == FIXED.encode()
    assert draft.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["t.txt"]  # no temporary file left behind


def test_fixing_twice_changes_nothing_more(tmp_path):
    draft = tmp_path / "t.txt"
    draft.write_text(FAKE, encoding="utf-8")
    _run(str(draft), "--fix")
    once = draft.read_bytes()
    result = _run(str(draft), "--fix")
    assert result.exit_code == 0
    assert draft.read_bytes() == once


def test_diff_prints_the_change_and_writes_nothing(tmp_path):
    draft = tmp_path / "t.txt"
    draft.write_text(FAKE, encoding="utf-8")
    result = _run(str(draft), "--diff")
    assert result.exit_code == 1  # fixes are pending
    assert "-Subject: Re: Re: your Q3 filing\n+Subject: your Q3 filing\n" in result.output
    assert draft.read_text(encoding="utf-8") == FAKE


def test_stdin_fix_prints_the_fixed_text():
    result = subprocess.run(
        [sys.executable, "-m", "pitchlint", "check", "-", "--fix", *SELECT],
        input=FAKE,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout == FIXED
    assert "0 findings" in result.stderr


def test_what_cannot_be_fixed_still_fails(tmp_path):
    # "(Re: Re:)" with nothing after it has no fix (nothing would be left to read)
    draft = tmp_path / "t.txt"
    draft.write_text("Subject: (Re: Re:)\n\nHi Sam,\n\nWhat changed?\n", encoding="utf-8")
    result = _run(str(draft), "--fix")
    assert result.exit_code == 1
    assert "fake-reply-subject" in result.output
    assert draft.read_text(encoding="utf-8").startswith("Subject: (Re: Re:)")


def test_crlf_and_bom_survive_a_fix(tmp_path):
    draft = tmp_path / "t.txt"
    original = ("\ufeff" + FAKE).replace("\n", "\r\n").encode()
    draft.write_bytes(original)
    assert _run(str(draft), "--fix").exit_code == 0
    assert draft.read_bytes() == ("\ufeff" + FIXED).replace("\n", "\r\n").encode()
