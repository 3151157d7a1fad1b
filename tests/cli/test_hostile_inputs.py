"""Hostile inputs and faults, as a template repo, a mail export or a CI machine produces them:
each must end in a message naming the input (exit 2 where something was skipped), never a
traceback or a hang, never a lost batch, and never a changed file. Big inputs are generated in a
temp folder, never committed."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pitchlint import engine as engine_module
from pitchlint.checks import check
from pitchlint.cli import cli
from tests.conftest import REPO

GOOD = "Subject: Ohio rates\n\nHi Sam,\n\nWhat changed in your Q3 filing plans?\n\nBest,\nJo\n"
FAKE = "Subject: Re: Re: your Q3 filing\n\nHi Sam,\n\nWhat changed in your Q3 plans?\n\nBest,\nJo\n"


def invoke(*args: str, input: bytes | str | None = None):
    """The CLI in this process; a Python exception escaping it fails the test."""
    result = CliRunner().invoke(cli, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- sizes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["one 1 MB line", "5 MB on one line", "many lines"])
def test_a_draft_over_the_character_limit_is_skipped_and_the_batch_goes_on(tmp_path, shape):
    big = tmp_path / "big.txt"
    sentence = "We file sales tax returns for online stores in every state. "
    if shape == "one 1 MB line":
        big.write_text("Hi Sam,\n\n" + sentence * 17_000 + "\n", encoding="utf-8")
    elif shape == "5 MB on one line":
        big.write_text("x" * 5_000_000, encoding="utf-8")
    else:
        big.write_text("Hi Sam,\n\n" + (sentence + "\n") * 20_000, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for command in ("check", "grade"):
        result = invoke(command, "--no-cache" if command == "check" else "--worst=1", str(tmp_path))
        assert result.exit_code == 2  # both report what they could, then say an input was skipped
        assert f"{big}: " in result.stderr and "over the limit of 100,000" in result.stderr
        assert "good.txt" in result.stdout  # the rest of the batch is graded


def test_the_character_limit_is_config(tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text("limits: {characters: 2000000}\n", encoding="utf-8")
    draft = tmp_path / "long.txt"
    draft.write_text("Hi Sam,\n\n" + "What changed in your Q3 plans? " * 4000 + "\n", encoding="utf-8")
    result = invoke("check", "--no-cache", "--select", "fake-reply-subject", str(draft))
    assert result.exit_code == 0, result.stderr


def test_reads_stop_at_the_byte_limit(tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text("limits: {bytes: 1000}\n", encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text(GOOD + "x" * 2000, encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = invoke("check", "--no-cache", "a.txt")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2
    assert "a.txt: more than 1,000 bytes, over the read limit" in result.stderr


def test_a_device_or_a_pipe_named_as_a_draft_is_refused_without_reading_it(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block forever
    for path in ("/dev/zero", str(fifo)):
        result = subprocess.run(
            [sys.executable, "-m", "pitchlint", "check", "--no-cache", path],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2
        assert f"{path}: not a regular file" in result.stderr and "Traceback" not in result.stderr


def test_stdin_over_the_byte_limit_is_refused(tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text("limits: {bytes: 100}\n", encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = invoke("check", "-", input=GOOD * 10)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2 and "<stdin>: more than 100 bytes" in result.stderr


def test_html_nested_thousands_deep_is_read(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body>"
        + "<div><span>" * 5000
        + "Hi Sam, what changed in your Q3 plans?"
        + "</span></div>" * 5000,
        encoding="utf-8",
    )
    result = invoke("check", "--no-cache", str(page))
    assert result.exit_code in (0, 1)
    assert "deep.html" in result.stdout


def test_a_csv_cell_over_the_field_limit_skips_that_row_only(tmp_path):
    (tmp_path / ".pitchlint.yaml").write_text("limits: {field-characters: 5000}\n", encoding="utf-8")
    batch = tmp_path / "b.csv"
    batch.write_text(
        'id,subject,body\nbig,Hi,"' + "y" * 6000 + '"\nsmall,Hi,"Hi Sam, what changed in your Q3 plans?"\n',
        encoding="utf-8",
    )
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = invoke("grade", "--format", "json", "b.csv")
    finally:
        os.chdir(cwd)
    assert "b.csv: row 1: field larger than field limit" in result.stderr
    assert [e["id"] for e in json.loads(result.stdout)["emails"]] == ["b.csv#small"]


# --- text that cannot be printed ----------------------------------------------------------------


def test_lone_surrogates_are_replaced_on_input_in_every_output(tmp_path):
    batch = tmp_path / "s.jsonl"
    batch.write_text(
        '{"id": "a\\udc80", "subject": "Hi \\ud800", "body": "Hi Sam,\\n\\nWe \\ud800 file. What changed?"}\n'
        '{"id": "b", "body": "Hi Sam, what changed in your Q3 plans?"}\n',
        encoding="utf-8",
    )
    assert invoke("check", "--no-cache", str(batch)).exit_code in (0, 1)
    for fmt in ("json", "jsonl", "csv", "html", "table"):
        out = tmp_path / f"report.{fmt}"
        result = invoke("grade", "--format", fmt, "-o", str(out), str(batch))
        assert result.exit_code == 0, result.stderr
        text = out.read_text(encoding="utf-8")  # strict UTF-8: it was written
        assert "\ufffd" in text or fmt == "table"
    result = invoke("grade", "--format", "json", str(batch))
    assert {e["id"] for e in json.loads(result.stdout)["emails"]} == {f"{batch}#a\ufffd", f"{batch}#b"}


# --- rows and numbers ---------------------------------------------------------------------------


def test_infinite_and_huge_numbers_in_rows_skip_the_row_with_its_line(tmp_path):
    batch = tmp_path / "n.jsonl"
    body = '"body": "Hi Sam, what changed in your Q3 plans?"'
    batch.write_text(
        f'{{"id": "a", {body}, "touch": Infinity}}\n'
        f'{{"id": "b", {body}, "touch": 1e999}}\n'
        f'{{"id": "c", {body}, "touch": NaN}}\n'
        f'{{"id": "d", {body}, "touch": 99999999999999999999}}\n'
        f'{{"id": "e", {body}, "touch": 2.5}}\n'
        f'{{"id": "f", {body}, "touch": true}}\n'
        f'{{"id": "g", {body}, "touch": 2}}\n',
        encoding="utf-8",
    )
    result = invoke("grade", "--format", "json", str(batch))
    for line in range(1, 7):
        assert f"{batch}: line {line}: " in result.stderr
    assert [e["id"] for e in json.loads(result.stdout)["emails"]] == [f"{batch}#g"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("weights: {too-long: .inf}\n", "weight of `too-long` must be a number"),
        ("weights: {too-long: 1000}\n", "weight of `too-long` must be a number from 0 to 100"),
        ("grades: {A: abc}\n", "grade A must be a number"),
        ("fail-under: .nan\n", "`fail-under` must be a number"),
        ("limits: {bytes: -1}\n", "limits.bytes must be a whole number from 1"),
        ("limits: {bytes: 1e999}\n", "limits.bytes must be a whole number"),
        ("limits: {lines: 3}\n", "unknown limit `lines`"),
        ("limits: 5\n", "`limits` must be a mapping"),
    ],
)
def test_bad_numbers_in_config_name_the_file_and_field(tmp_path, config, message):
    (tmp_path / ".pitchlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = invoke("check", "--no-cache", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert str(tmp_path / ".pitchlint.yaml") in result.stderr and message in result.stderr


def test_an_infinite_weight_in_a_rule_file_names_its_line_and_field(tmp_path):
    folder = tmp_path / "pack" / "style"
    folder.mkdir(parents=True)
    rule = (REPO / "rules" / "style" / "too-long.yaml").read_text(encoding="utf-8")
    rule = rule.replace("id: too-long", "id: too-long-copy", 1)
    lines = rule.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("weight:"))
    lines[at] = "weight: .inf"
    (folder / "too-long-copy.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / ".pitchlint.yaml").write_text("rule-folders: [pack]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = invoke("check", "--no-cache", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert f"too-long-copy.yaml:{at + 1}: field `weight`" in result.stderr


def test_a_csv_with_a_byte_order_mark_keeps_its_first_column(tmp_path):
    batch = tmp_path / "bom.csv"
    batch.write_bytes(b'\xef\xbb\xbfid,subject,body\nq-1,Hi,"Hi Sam, what changed in your Q3 plans?"\n')
    result = invoke("grade", "--format", "json", str(batch))
    assert [e["id"] for e in json.loads(result.stdout)["emails"]] == [f"{batch}#q-1"]


# --- the cache ------------------------------------------------------------------------------------


def _garble(value):
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, (int, float)):
        return "12"
    if isinstance(value, str):
        return 7
    if isinstance(value, list):
        return {"list": value}
    if isinstance(value, dict):
        return [value]
    return value


@pytest.mark.parametrize("damage", ["truncate", "garble values", "not json", "empty", "wrong shape"])
def test_a_damaged_cache_is_ignored_and_the_run_is_the_same(tmp_path, damage):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(FAKE if name == "a.txt" else GOOD, encoding="utf-8")
    (tmp_path / ".pitchlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    first = invoke("check", "--format", "json", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    entries = list((tmp_path / ".pitchlint_cache").rglob("*.json"))
    assert entries
    for entry in entries:
        text = entry.read_text(encoding="utf-8")
        if damage == "truncate":
            entry.write_text(text[: len(text) // 2], encoding="utf-8")
        elif damage == "not json":
            entry.write_bytes(b"\x00\xff garbage")
        elif damage == "empty":
            entry.write_text("", encoding="utf-8")
        elif damage == "wrong shape":
            entry.write_text("[1, 2, 3]", encoding="utf-8")
        else:
            data = json.loads(text)
            entry.write_text(json.dumps(_garble_all(data)), encoding="utf-8")
    again = invoke("check", "--format", "json", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert again.exit_code == first.exit_code
    assert json.loads(again.stdout) == json.loads(first.stdout)


def _garble_all(data):
    """Every leaf and container swapped for a value of another type, one field at a time
    would be too many runs: all at once, plus each top-level field alone in the nested ones."""
    if isinstance(data, dict):
        return {k: _garble(v) if not isinstance(v, (dict, list)) else _garble_all(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_garble_all(v) if isinstance(v, (dict, list)) else _garble(v) for v in data]
    return _garble(data)


def test_two_checks_at_once_over_one_cache_agree_and_leave_it_usable(tmp_path):
    for i in range(12):
        (tmp_path / f"d{i}.txt").write_text(FAKE if i % 2 else GOOD, encoding="utf-8")
    (tmp_path / ".pitchlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    command = [sys.executable, "-m", "pitchlint", "check", "--format", "json", str(tmp_path)]
    outputs = []
    for _round in range(3):
        procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        for proc in procs:
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 1, err.decode()
            assert b"Traceback" not in err
            outputs.append(json.loads(out))
    assert all(o["drafts"] == outputs[0]["drafts"] for o in outputs)
    assert not list((tmp_path / ".pitchlint_cache").rglob("*.tmp"))  # no half-written entry left


# --- writes that cannot happen ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "error"),
    [
        ("replace", OSError(errno.ENOSPC, "No space left on device")),
        ("mkstemp", PermissionError(errno.EACCES, "Permission denied")),
    ],
)
def test_fix_that_cannot_be_written_leaves_the_file_and_goes_on(tmp_path, monkeypatch, where, error):
    import tempfile

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(FAKE, encoding="utf-8")
    second.write_text(FAKE, encoding="utf-8")
    before = snapshot(tmp_path)
    real_replace, real_mkstemp = Path.replace, tempfile.mkstemp

    def failing_replace(self, target):
        if Path(target).name == "a.txt":
            raise error
        return real_replace(self, target)

    def failing_mkstemp(*args, **kwargs):
        if str(kwargs.get("prefix", "")).startswith(".a.txt"):
            raise error
        return real_mkstemp(*args, **kwargs)

    if where == "replace":
        monkeypatch.setattr(Path, "replace", failing_replace)
    else:
        monkeypatch.setattr(tempfile, "mkstemp", failing_mkstemp)
    result = invoke("check", "--fix", "--no-cache", "--select", "fake-reply-subject", str(first), str(second))
    assert result.exit_code == 2
    assert f"{first}: cannot write the fixes ({error.strerror}); the file is unchanged" in result.stderr
    assert first.read_bytes() == before["a.txt"]  # byte for byte
    assert second.read_text(encoding="utf-8").startswith("Subject: your Q3 filing")  # the others go on
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # no temporary file left


def test_a_report_that_cannot_be_written_is_a_message(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "report.json"
    out.write_text("the old report", encoding="utf-8")

    def full_disk(self, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    result = invoke("grade", "--format", "json", "-o", str(out), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert f"{out}: cannot write (No space left on device); nothing was changed" in result.stderr
    assert out.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.json"]


# --- a rule that breaks on one draft ------------------------------------------------------------

EXPLODING_RULE = """\
id: explodes-on-boom
summary: A test rule that raises on any draft holding the word boom.
severity: warning
kind: python
message: "boom"
why: Tests that one rule's bug on one draft is reported and does not end the batch.
advice: None.
examples:
  bad: []
  good: []
"""


@check("explodes-on-boom")
def _explodes(ctx, rule):
    if "boom" in ctx.draft.text:
        raise RuntimeError("boom")
    return iter(())


def test_a_rule_that_raises_on_one_draft_does_not_end_the_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(engine_module, "STRICT", False)
    (tmp_path / "pack" / "test").mkdir(parents=True)
    (tmp_path / "pack" / "test" / "explodes-on-boom.yaml").write_text(EXPLODING_RULE, encoding="utf-8")
    (tmp_path / ".pitchlint.yaml").write_text("rule-folders: [pack]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hi Sam,\n\nboom: what changed in your Q3 plans?\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    for command in (("grade", "--format", "json"), ("check", "--no-cache", "--format", "json")):
        result = invoke(*command, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
        data = json.loads(result.stdout)
        assert len(data["emails"] if "emails" in data else data["drafts"]) == 2  # both graded
        assert result.exit_code == 2
        assert "a.txt: rule explodes-on-boom failed (RuntimeError: boom); graded without it" in result.stderr


# --- anything at all ------------------------------------------------------------------------------

_TAGS = [
    "{{first_name}}",
    "{{ contact.firstname }}",
    "*|FNAME|*",
    "%COMPANY%",
    "[First Name]",
    "{Hi|Hey}",
    "{#",
]
_ODD = ["\ud800", "\udfff", "\u202e", "\u2066", "\ufeff", "\x00", "\r", "\t", "—", "😀", "\u0301", "Re: "]
_pieces = st.one_of(
    st.sampled_from(_TAGS),
    st.sampled_from(_ODD),
    st.sampled_from(["Subject: ", "---\ntouch: 2\n---\n", "\n\n", "Hi Sam,\n", "> quoted\n", "-- \nJo\n"]),
    st.text(max_size=40),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_pieces, max_size=12).map("".join))
def test_any_draft_ends_in_a_report_or_a_message(tmp_path, text):
    raw = tmp_path / "d.txt"
    raw.write_bytes(text.encode("utf-8", "surrogatepass"))  # surrogates make it invalid UTF-8
    rows = tmp_path / "d.jsonl"
    rows.write_text(json.dumps({"id": text[:20], "body": text or "x", "touch": 2}) + "\n", encoding="utf-8")
    for command in (("check", "--no-cache", str(raw)), ("check", "--no-cache", str(rows))):
        invoke(*command)
    invoke("grade", "--format", "json", str(rows))
