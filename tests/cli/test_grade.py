"""`pitchlint grade`: a summary table, csv/jsonl/json/parquet reports with one row per email and the
aggregate, sequence and batch rules applied across the files, bad inputs skipped, and the
same grades with two worker processes as with one."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.cli.test_inputs_batch import SEQUENCE
from tests.conftest import REPO

SAMEY = "id,body,sender,template\n" + "".join(
    f'{n},"Hi {name},\n\nI hope this finds you well. '
    f"I'm reaching out because Acme helps teams like {co} grow.\","
    f"{sender},intro-v1\n"
    for n, name, co, sender in (
        (1, "Sam", "Globex", "liam"),
        (2, "Dana", "Initech", "liam"),
        (3, "Lee", "Hooli", "ava"),
    )
)


@pytest.fixture
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "batch.csv").write_text(SAMEY)
    (tmp_path / "seq.yaml").write_text(SEQUENCE)
    (tmp_path / "bad.jsonl").write_text('{"body": "Hi Ann,\\n\\nJust checking in."}\nnot json\n')
    for sample in ("fake-thread.txt", "feature-dump.txt"):
        (tmp_path / sample).write_text((REPO / "samples" / "bad" / sample).read_text())
    return tmp_path


def test_table_summarises_grades_smells_and_worst(runner, batch):
    result = run(runner, "grade", ".")
    assert result.exit_code == 2, result.output  # the whole report, then 2: an input was lost
    out = result.stdout
    assert "Graded 9 emails" in out and "1 input skipped" in out
    assert "Most common smells" in out and "template-sameness" in out
    assert "Worst emails" in out and "fake-thread.txt" in out
    assert "bad.jsonl: line 2: not JSON" in result.stderr


def test_json_has_rows_aggregate_and_located_findings(runner, batch):
    result = run(runner, "grade", "--format", "json", ".")
    data = json.loads(result.stdout)
    summary = data["summary"]
    assert summary["emails"] == 9 and summary["skipped"] == 1
    assert sum(summary["grades"].values()) == 9
    assert {t["name"] for t in summary["templates"]} >= {"intro-v1", "Q3 retail"}
    assert {s["name"]: s["emails"] for s in summary["senders"]} == {"liam": 5, "ava": 1}
    rows = {e["id"]: e for e in data["emails"]}
    row = rows["batch.csv#1"]
    assert row["template"] == "intro-v1" and row["sender"] == "liam"
    sameness = [f for f in row["findings"] if f["rule"] == "template-sameness"]
    assert sameness and (sameness[0]["line"], sameness[0]["col"]) == (4, 1)
    fake = rows["fake-thread.txt"]
    assert fake["grade"] == "F" and fake["error"] >= 1
    assert "fake-reply-subject" in {f["rule"] for f in fake["findings"]}
    assert len(fake["top_rules"].split()) == 3
    step = rows["seq.yaml#step 1"]
    hype = next(f for f in step["findings"] if f["rule"] == "hype-superlatives")
    assert hype["line"] == 10  # inside the sequence file's block
    assert data["skipped"][0]["path"] == "bad.jsonl#line 2"


def test_csv_rows_one_per_email(runner, batch):
    result = run(runner, "grade", "--format", "csv", "-o", "report.csv", "batch.csv", "fake-thread.txt")
    assert result.exit_code == 0, result.output
    assert "wrote report.csv (4 emails)" in result.stderr
    rows = list(csv.DictReader(io.StringIO((batch / "report.csv").read_text())))
    assert [r["id"] for r in rows] == ["batch.csv#1", "batch.csv#2", "batch.csv#3", "fake-thread.txt"]
    assert set(rows[0]) == {
        "source",
        "id",
        "template",
        "sender",
        "score",
        "grade",
        "error",
        "warning",
        "info",
        "top_rules",
    }
    assert all(r["grade"] in "ABCDF" and 0 <= int(r["score"]) <= 100 for r in rows)


def test_jsonl_is_one_email_a_line_as_the_json_report_has_them(runner, batch):
    lines = run(runner, "grade", "--format", "jsonl", ".").stdout.splitlines()
    emails = json.loads(run(runner, "grade", "--format", "json", ".").stdout)["emails"]
    assert len(lines) == 9
    assert [json.loads(line) for line in lines] == emails  # rows and findings, in input order
    assert all("\n" not in line for line in lines)


def test_parquet_holds_the_jsonl_rows_a_row_group_at_a_time(runner, batch, monkeypatch):
    parquet = pytest.importorskip("pyarrow.parquet")  # the dev extra installs it
    from pitchlint.reporters import grade_parquet

    monkeypatch.setattr(grade_parquet, "ROWS_PER_GROUP", 4)  # 9 emails: groups of 4, 4 and 1
    result = run(runner, "grade", "--format", "parquet", "-o", "grades.parquet", ".")
    assert result.exit_code == 2  # bad.jsonl's line 2, as in every format
    assert "wrote grades.parquet (9 emails)" in result.stderr
    table = parquet.ParquetFile(batch / "grades.parquet")
    assert [table.metadata.row_group(i).num_rows for i in range(table.num_row_groups)] == [4, 4, 1]
    emails = json.loads(run(runner, "grade", "--format", "json", ".").stdout)["emails"]
    assert table.read().to_pylist() == emails


def test_parquet_needs_a_file_and_pyarrow_before_anything_is_graded(runner, batch, monkeypatch):
    assert "give -o FILE" in run(runner, "grade", "--format", "parquet", ".").stderr
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the extra were not installed
    result = run(runner, "grade", "--format", "parquet", "-o", "g.parquet", ".")
    assert result.exit_code == 2
    assert "pip install 'pitchlint[parquet]'" in result.stderr
    assert not (batch / "g.parquet").exists()


def test_fail_under_and_nothing_readable(runner, batch):
    assert run(runner, "grade", "--fail-under", "50", "fake-thread.txt").exit_code == 1
    assert run(runner, "grade", "--fail-under", "5", "fake-thread.txt").exit_code == 0
    nothing = run(runner, "grade", "bad.jsonl", "missing.csv")
    assert nothing.exit_code == 2  # line 1 of bad.jsonl is graded; line 2 and missing.csv are lost
    assert run(runner, "grade", "missing.csv").exit_code == 2


def test_two_workers_grade_the_same(runner, batch):
    one = json.loads(run(runner, "grade", "--format", "json", ".").stdout)
    two = json.loads(run(runner, "grade", "--format", "json", "--jobs", "2", ".").stdout)
    assert one == two


def test_steps_of_one_sequence_are_not_template_sameness(runner, tmp_path, monkeypatch):
    """Repeating step 1 is the sequence rule's finding; sameness counts readers, and every
    step of a sequence goes to the same one."""
    monkeypatch.chdir(tmp_path)
    step = '  - {subject: Ohio, delay: 3, body: "Hi Sam,\\n\\nOhio changes its rate on July 1."}\n'
    (tmp_path / "seq.yaml").write_text("steps:\n" + step * 4)
    data = json.loads(run(runner, "grade", "--format", "json", "seq.yaml").stdout)
    rules = {f["rule"] for e in data["emails"] for f in e["findings"]}
    assert "template-sameness" not in rules
    assert "sequence-overload" in rules  # steps 2-4 repeat step 1


def test_workers_by_default_only_for_large_batches(monkeypatch):
    from pitchlint import run as pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 8)
    assert pipeline.jobs_for(499, None) == 1
    assert pipeline.jobs_for(500, None) == 4
    assert pipeline.jobs_for(20_000, 2) == 2  # as asked
