"""Inputs that are not clean UTF-8 drafts: reported on stderr, listed as skipped, exit 2, and
never a traceback; the other files given are still checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import FAKE, SELECT, run

LATIN1 = "Subject: Café supply for your Montréal stores\n\nHi Renée,\n\nHow is the été menu?\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def json_run(runner, *args: str, input: str | None = None):
    result = run(runner, "check", "--format", "json", *args, input=input)
    return result, json.loads(result.stdout)


def test_binary_and_latin1_files_are_skipped_and_others_checked(runner, folder):
    good = folder / "good.txt"
    good.write_text(FAKE, encoding="utf-8")
    binary = folder / "logo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    latin = folder / "latin.txt"
    latin.write_bytes(LATIN1.encode("latin-1"))
    result, data = json_run(runner, *SELECT, str(binary), str(good), str(latin))
    assert result.exit_code == 2
    assert [r["path"] for r in data["drafts"]] == [str(good)]
    assert [f["rule"] for f in data["drafts"][0]["findings"]] == ["fake-reply-subject"]
    skipped = {s["path"]: s["reason"] for s in data["skipped"]}
    assert set(skipped) == {str(binary), str(latin)}
    assert "binary" in skipped[str(binary)]
    assert "UTF-8" in skipped[str(latin)]
    assert str(binary) in result.stderr and "binary" in result.stderr
    assert str(latin) in result.stderr and "not UTF-8" in result.stderr
    assert "Traceback" not in result.output


def test_bad_files_in_a_folder(runner, folder):
    drafts = folder / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(FAKE, encoding="utf-8")
    (drafts / "b.md").write_bytes(LATIN1.encode("latin-1"))
    (drafts / "c.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (drafts / "d.txt").write_text("Subject: Returns\n\nHi Sam,\n\nHow is it going?\n", encoding="utf-8")
    result, data = json_run(runner, *SELECT, str(drafts))
    assert result.exit_code == 2  # an unreadable input wins over findings
    assert [Path(r["path"]).name for r in data["drafts"]] == ["a.txt", "d.txt"]
    assert [Path(s["path"]).name for s in data["skipped"]] == ["b.md", "c.txt"]


def test_skipped_files_in_text_output(runner, folder):
    (folder / "good.txt").write_text(FAKE, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00H\x00i")
    result = run(runner, "check", *SELECT, "good.txt", "bad.txt")
    assert result.exit_code == 2
    assert "good.txt:1:10  error  fake-reply-subject  " in result.stdout
    assert result.stdout.rstrip().endswith("1 finding in 1 draft, 1 skipped")
    assert result.stderr.startswith("pitchlint: bad.txt: ")


def test_missing_file_is_reported(runner, folder):
    (folder / "good.txt").write_text(FAKE, encoding="utf-8")
    result, data = json_run(runner, *SELECT, "nope.txt", "good.txt")
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr
    assert "no such file" in result.stderr
    assert [s["path"] for s in data["skipped"]] == ["nope.txt"]
    assert [r["path"] for r in data["drafts"]] == ["good.txt"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  \t\n",
        "\n",
        "Subject:\n",
        "Subject: \n\n",
        "---\nsubject: Hello\n---\n",
        "---\n---\n",
        "Hi Sam,",
        "Best,\nJo\n",
        "P.S.",
        "> quoted only\n",
        "{{first_name}}",
    ],
    ids=repr,
)
def test_degenerate_drafts_do_not_crash(runner, folder, text):
    path = folder / "draft.txt"
    path.write_text(text, encoding="utf-8")
    for fmt in ("text", "json"):
        result = run(runner, "check", "--format", fmt, str(path))
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
    _, data = json_run(runner, str(path))
    if not text.strip():  # no email at all: skipped, with its reason
        assert data["drafts"] == [] and "empty file" in data["skipped"][0]["reason"]
        return
    (report,) = data["drafts"]
    assert 0 <= report["score"] <= 100
    for f in report["findings"]:
        assert text[f["start"] : f["end"]] == f["matched"]


def test_empty_draft_is_reported_and_skipped_but_not_an_error(runner, folder):
    """An empty file holds no email: it is named on stderr and skipped, and a pre-commit run
    over a new, still-empty template does not fail for it."""
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "real.txt").write_text("Hi Sam,\n\nYour Ohio filing is due Friday.\n", encoding="utf-8")
    result, data = json_run(runner, "empty.txt", "real.txt")
    assert result.exit_code == 0, result.output
    assert "empty.txt: empty file, skipped" in result.stderr
    assert [d["path"] for d in data["drafts"]] == ["real.txt"]
    assert data["skipped"] == [{"path": "empty.txt", "reason": "empty.txt: empty file, skipped"}]


def test_empty_stdin(runner, folder):
    result, data = json_run(runner, "-", input="")
    assert result.exit_code == 0
    assert [r["path"] for r in data["drafts"]] == ["-"]


def test_binary_stdin_is_skipped(runner, folder):
    result = run(runner, "check", "--format", "json", "-", input="abc\x00def")
    assert result.exit_code == 2
    assert "<stdin>" in result.stderr
    assert json.loads(result.stdout)["drafts"] == []


def test_front_matter_with_invalid_yaml(runner, folder):
    bad = folder / "bad-front-matter.md"
    bad.write_text("---\nsubject: Hello\ntouch: [2\n---\nHi Sam,\n\nWhat changed?\n", encoding="utf-8")
    good = folder / "good.txt"
    good.write_text(FAKE, encoding="utf-8")
    result, data = json_run(runner, *SELECT, str(bad), str(good))
    assert result.exit_code == 2
    assert str(bad) in result.stderr
    assert "front matter" in result.stderr
    assert "Traceback" not in result.output
    assert [s["path"] for s in data["skipped"]] == [str(bad)]
    assert [r["path"] for r in data["drafts"]] == [str(good)]


@pytest.mark.parametrize(
    ("front_matter", "field"),
    [
        ("touch: zero", "touch"),
        ("touch: 0", "touch"),
        ("relationship: friend", "relationship"),
        ("recipient: [a, b]", "recipient"),
        ("template: maybe", "template"),
        ("- just\n- a list", "mapping"),
    ],
)
def test_front_matter_with_wrong_values(runner, folder, front_matter, field):
    path = folder / "draft.md"
    path.write_text(f"---\n{front_matter}\n---\nHi Sam,\n", encoding="utf-8")
    result = run(runner, "check", str(path))
    assert result.exit_code == 2
    assert str(path) in result.stderr
    assert field in result.stderr
    assert "Traceback" not in result.output


def test_crlf_draft_offsets(runner, folder):
    text = FAKE.replace("\n", "\r\n")
    path = folder / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    result, data = json_run(runner, *SELECT, str(path))
    assert result.exit_code == 1
    (finding,) = data["drafts"][0]["findings"]
    assert (finding["line"], finding["col"]) == (1, 10)
    assert text[finding["start"] : finding["end"]] == finding["matched"]
    assert "\r" not in finding["matched"]


def test_utf8_bom_before_subject_line(runner, folder):
    """Notepad-style UTF-8 with a BOM is still UTF-8: its Subject line is still a subject."""
    text = "\ufeff" + FAKE
    path = folder / "bom.txt"
    path.write_bytes(text.encode("utf-8"))
    result, data = json_run(runner, *SELECT, str(path))
    assert data["skipped"] == []
    findings = data["drafts"][0]["findings"]
    assert [f["rule"] for f in findings] == ["fake-reply-subject"]
    assert text[findings[0]["start"] : findings[0]["end"]] == findings[0]["matched"]
    assert result.exit_code == 1


def test_utf8_bom_before_front_matter(runner, folder):
    text = '\ufeff---\ntouch: 1\nsubject: "Re: Re: hi"\n---\nHi Sam,\n'
    path = folder / "bom.md"
    path.write_bytes(text.encode("utf-8"))
    result, data = json_run(runner, *SELECT, str(path))
    assert result.exit_code == 1
    (finding,) = data["drafts"][0]["findings"]
    assert text[finding["start"] : finding["end"]] == finding["matched"]
