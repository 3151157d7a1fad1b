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


# an HTML template: a safe fix in the title, one in a paragraph, an entity and a tag kept
PAGE = (
    "<html>\r\n<head><title>Re: Re: Ohio rates</title></head>\r\n<body>\r\n<p>Hi {{first_name}},</p>\r\n"
    "<p>I hope this email finds you well. What changed in your <b>Ohio</b> plans &amp; budget?</p>\r\n"
    "</body>\r\n</html>\r\n"
)
PAGE_FIXED = PAGE.replace("Re: Re: ", "").replace("I hope this email finds you well. ", "")


def test_an_html_template_is_fixed_in_its_markup_and_keeps_every_other_byte(tmp_path):
    page = tmp_path / "t.html"
    page.write_bytes(PAGE.encode())
    args = ["check", str(page), "--fix", "--select", "fake-reply-subject,empty-pleasantry-opener"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == PAGE_FIXED.encode()
    assert "fixed 2 (empty-pleasantry-opener, fake-reply-subject)" in result.output
    again = CliRunner().invoke(cli, args)  # fixing twice changes nothing more
    assert page.read_bytes() == PAGE_FIXED.encode() and ": fixed " not in again.output


def test_a_fix_that_would_cut_through_markup_is_skipped_with_the_reason(tmp_path):
    page = tmp_path / "t.html"
    source = "<p>Hi Sam,</p>\n<p>We are <b>the leaders in</b> tax software. What changed in your plans?</p>\n"
    page.write_text(source, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", str(page), "--fix", "--unsafe-fixes", "--select", "hype-superlatives"]
    )
    assert "hype-superlatives: fix skipped (cannot be made in the file without touching its markup)" in (
        result.output
    )
    assert page.read_text(encoding="utf-8") == source


def test_an_eml_is_checked_and_never_rewritten(tmp_path):
    mail = tmp_path / "t.eml"
    source = "Subject: Re: Re: rates\nContent-Type: text/plain\n\nHi Sam,\n\nWhat changed in your plans?\n"
    mail.write_text(source, encoding="utf-8")
    result = _run(str(mail), "--fix")
    assert "fixes apply to text, Markdown and HTML drafts only; checked" in result.output
    assert mail.read_text(encoding="utf-8") == source


def test_json_fix_edits_of_an_html_template_are_in_its_markup(tmp_path):
    import json

    page = tmp_path / "t.html"
    page.write_bytes(PAGE.encode())
    result = CliRunner().invoke(cli, ["check", str(page), "--format", "json", "--exit-zero", "--no-cache"])
    (report,) = json.loads(result.output)["drafts"]
    fake = next(f for f in report["findings"] if f["rule"] == "fake-reply-subject")
    (edit,) = fake["fix"]["edits"]
    assert PAGE[edit["start"] : edit["end"]] == "Re: Re: " and edit["content"] == ""
