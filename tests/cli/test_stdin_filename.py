"""`check --stdin-filename PATH`: standard input read as PATH (its reader, its config, its
per-file ignores), never written to; and `rewrite` of a file of many emails, each labelled."""

from __future__ import annotations

from tests.cli.test_cli import make_runner, run

FAKE = "Subject: Re: Re: rates\n\nHi Sam,\n\nWhat changed in your Ohio plans?\n"
PAGE = (
    "<html><head><title>Re: Re: rates</title></head>"
    "<body><p>Hi Sam, what changed &amp; why?</p></body></html>\n"
)


def test_stdin_is_read_as_the_named_file_with_its_config_and_per_file_ignores(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".pitchlint.yaml").write_text(
        'per-file-ignores:\n  "replies/*.md": [fake-reply-subject]\n', encoding="utf-8"
    )
    runner = make_runner()
    ignored = run(
        runner, "check", "--no-cache", "--format", "concise", "--stdin-filename", "replies/a.md", input=FAKE
    )
    assert ignored.exit_code == 0 and ignored.stdout.startswith("replies/a.md:")
    assert "fake-reply-subject" not in ignored.stdout
    judged = run(
        runner,
        "check",
        "--no-cache",
        "--format",
        "concise",
        "--stdin-filename",
        "drafts/a.md",
        "-",
        input=FAKE,
    )
    assert judged.exit_code == 1 and "drafts/a.md:1:10: error fake-reply-subject" in judged.stdout


def test_stdin_filename_picks_the_reader_and_fix_prints_never_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = make_runner()
    fixed = run(
        runner, "check", "--fix", "--select", "fake-reply-subject", "--stdin-filename", "t.html", input=PAGE
    )
    assert fixed.exit_code == 0, fixed.stderr
    assert fixed.stdout == PAGE.replace("Re: Re: ", "")  # the markup, fixed in place
    assert list(tmp_path.iterdir()) == []  # the named file is not created


def test_stdin_filename_with_other_paths_is_a_usage_error(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(FAKE, encoding="utf-8")
    result = run(make_runner(), "check", "--stdin-filename", "a.md", str(draft), input=FAKE)
    assert result.exit_code == 2 and "--stdin-filename names standard input" in result.stderr


def test_rewrite_of_a_batch_labels_each_email(tmp_path):
    batch = tmp_path / "batch.csv"
    batch.write_text('id,body\nchris,"Hi Chris,\n\nJust checking in."\nsam,"Hi Sam,\n\nJust following up."\n')
    result = run(make_runner(), "rewrite", str(batch))
    assert result.exit_code == 0, result.stderr
    chris, sam = result.stdout.split("==> ")[1:]
    assert chris.startswith(f"{batch}#row 1 <==\nHi Chris,") and sam.startswith(f"{batch}#row 2 <==\nHi Sam,")
    assert chris.endswith("\n\n")  # never glued to the next email
