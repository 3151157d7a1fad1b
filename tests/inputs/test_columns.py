"""A batch's columns: the names exports use, the ones a user names (`--body-column`, config
`columns:`), HTML bodies, contacts exports, and sequence exports read as one sequence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import make_runner, run

BODY = "Hi Sam,\n\nWhat changed in your Ohio plans this quarter?"


def _csv(path: Path, header: str, *rows: str) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _reports(result) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(result.stdout)["drafts"]


@pytest.fixture
def runner(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # no config above the test's files
    return make_runner()


def test_columns_named_on_the_command_line_are_read_and_said(runner, tmp_path):
    path = _csv(tmp_path / "copy.csv", "Lead,Copy,Title", f'L-7,"{BODY}",Ohio rates')
    refused = run(runner, "check", "--no-cache", str(path))
    assert (
        refused.exit_code == 2
        and "no body column" in refused.stderr
        and "(Lead, Copy, Title)" in refused.stderr
    )
    args = ("--body-column", "copy", "--subject-column", "TITLE", "--id-column", "Lead")
    result = run(runner, "check", "--no-cache", "--exit-zero", "--format", "json", *args, str(path))
    assert result.exit_code == 0, result.stderr
    assert f"pitchlint: {path}: read body `Copy`, subject `Title`, id `Lead`" in result.stderr
    (report,) = _reports(result)
    assert report["record"] == "row 1" and report["findings"]
    graded = run(runner, "grade", "--format", "json", *args, str(path))
    assert [e["id"] for e in json.loads(graded.stdout)["emails"]] == [f"{path}#L-7"]
    quiet = run(runner, "check", "--no-cache", "--exit-zero", "-q", *args, str(path))
    assert "read body" not in quiet.stderr


def test_config_names_columns_and_the_command_line_wins(runner, tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text("columns: {body: Copy, step: Stage}\n", encoding="utf-8")
    # "Re:" is fine on a follow-up, a fake thread on a first email: the step column is read
    path = _csv(
        tmp_path / "seq.csv", "Stage,Copy,Subject,Notes", f'2,"{BODY}",Re: rates,x', f'1,"{BODY}",Re: rates,y'
    )
    result = run(runner, "check", "--no-cache", "--exit-zero", "--format", "json", str(path))
    assert "read body `Copy`, subject `Subject`, step `Stage`" in result.stderr
    follow_up, first_touch = ({f["rule"] for f in r["findings"]} for r in _reports(result))
    assert "fake-reply-subject" not in follow_up and "fake-reply-subject" in first_touch
    overridden = run(runner, "check", "--no-cache", "--exit-zero", "--body-column", "Notes", str(path))
    assert "read body `Notes`, subject `Subject`, step `Stage`" in overridden.stderr


def test_a_wrong_columns_key_in_config_names_the_file_and_the_key(runner, tmp_path):
    config = tmp_path / ".pitchlint.yaml"
    config.write_text("columns: {bodie: Copy}\n", encoding="utf-8")
    path = _csv(tmp_path / "copy.csv", "Copy", f'"{BODY}"')
    result = run(runner, "check", "--no-cache", str(path))
    assert result.exit_code == 2
    assert f"{config}: unknown column role `bodie` (one of body, subject, step, id)" in result.stderr


def test_a_named_column_the_file_lacks_skips_it_with_the_reason(runner, tmp_path):
    path = _csv(tmp_path / "copy.csv", "Copy,Title", f'"{BODY}",rates')
    result = run(runner, "check", "--no-cache", "--body-column", "Kopie", str(path))
    assert result.exit_code == 2
    assert "no column `Kopie` (--body-column) in the header (Copy, Title), skipped" in result.stderr


def test_an_html_body_column_is_read_as_html_and_located_in_its_cell(runner, tmp_path):
    cell = "<p>Hi Sam,</p><p>We are <b>the leaders in</b> tax. What changed in your Ohio plans?</p>"
    path = _csv(tmp_path / "export.csv", "Subject,Body HTML", f'rates,"{cell}"')
    result = run(runner, "check", "--no-cache", "--exit-zero", "--format", "json", str(path))
    assert "read body (HTML) `Body HTML`, subject `Subject`" in result.stderr
    (report,) = _reports(result)
    hype = next(f for f in report["findings"] if f["rule"] == "hype-superlatives")
    assert hype["matched"] == "the leaders in" and not any("<" in f["matched"] for f in report["findings"])
    line = path.read_text(encoding="utf-8").splitlines()[hype["line"] - 1]
    assert line[hype["col"] - 1 :].startswith("the leaders in")  # in the file, inside the cell


def test_a_contacts_export_in_a_folder_is_reported_not_graded(runner, tmp_path):
    _csv(tmp_path / "contacts.csv", "first,email", "Maria,maria@acme.com")
    (tmp_path / "draft.txt").write_text("Subject: rates\n\n" + BODY + "\n", encoding="utf-8")
    for command in (("check", "--no-cache", "--exit-zero"), ("grade",)):
        result = run(runner, *command, str(tmp_path))
        assert result.exit_code == 0, result.stderr
        assert "contacts.csv: no body column" in result.stderr and "(first, email), skipped" in result.stderr
    graded = run(runner, "grade", "--format", "json", str(tmp_path))
    assert [e["id"] for e in json.loads(graded.stdout)["emails"]] == [str(tmp_path / "draft.txt")]


def test_rows_of_one_sequence_are_one_sequence_for_the_rules_across_emails(runner, tmp_path):
    bump = '"Hi Sam,\n\nJust checking in on my last note."'
    rows = [f'Q3,1,Ohio rates,"{BODY}"', *(f"Q3,{n},,{bump}" for n in range(2, 7))]
    path = _csv(tmp_path / "sequence.csv", "Sequence,Step,Subject,Email Body", *rows)
    result = run(runner, "check", "--no-cache", "--exit-zero", "--format", "json", str(path))
    overload = [f for r in _reports(result) for f in r["findings"] if f["rule"] == "sequence-overload"]
    assert any("6 touches to one reader" in f["message"] for f in overload)

    # a sent history repeats each step per prospect: no one reader's sequence
    history = [f'Q3,{n},,"Hi {name},\n\nWhat changed in your plans?"' for name in "ABCDEF" for n in (1, 2)]
    sent = _csv(tmp_path / "sent.csv", "Sequence,Step,Subject,Email Body", *history)
    result = run(runner, "check", "--no-cache", "--exit-zero", "--format", "json", str(sent))
    assert not any(f["rule"] == "sequence-overload" for r in _reports(result) for f in r["findings"])


def test_jsonl_keys_are_named_the_same_way(runner, tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"copy": BODY, "title": "rates"}) + "\n", encoding="utf-8")
    refused = run(runner, "check", "--no-cache", str(path))
    assert refused.exit_code == 2 and "no body key" in refused.stderr
    result = run(
        runner, "check", "--no-cache", "--exit-zero", "--format", "json", "--body-column", "Copy", str(path)
    )
    (report,) = _reports(result)
    assert report["record"] == "line 1"


def test_rewrite_and_explain_read_the_config_columns_too(runner, tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text("columns: {body: Copy}\n", encoding="utf-8")
    path = _csv(tmp_path / "copy.csv", "Copy,Title", '"Hi Sam,\n\nJust checking in.",x')
    rewritten = run(runner, "rewrite", str(path))
    assert rewritten.exit_code == 0, rewritten.stderr
    assert rewritten.stdout.startswith("Hi Sam,")
    explained = run(runner, "explain", str(path))
    assert explained.exit_code == 0 and "Just checking in." in explained.stdout
