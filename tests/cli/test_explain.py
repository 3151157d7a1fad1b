"""`pitchlint explain` shows the reading the rules build on; these tests pin what it reports for
Sample B (catalog 3.2), whose every judgement is known: two loaded questions and no genuine
one (tension T5), a meeting ask and no gift, and a page of seller clauses."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pitchlint.cli import cli
from tests.conftest import REPO

SAMPLE_B = str(REPO / "tests" / "fixtures" / "seed" / "sample-b.txt")


def _explain(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["explain", *args])
    return result.exit_code, result.output


def test_json_reading_of_sample_b():
    code, out = _explain(SAMPLE_B, "--format", "json")
    assert code == 0
    data = json.loads(out)
    questions = [s["question"] for s in data["sentences"] if s["question"]]
    assert questions == ["loaded", "loaded"]
    assert [a["kind"] for a in data["asks"]] == ["meeting"]
    assert data["asks"][0]["text"] == "give us just 15 minutes"
    assert data["gives"] == []
    called = next(s for s in data["sentences"] if s["text"] == "We’re called XYZ.")
    assert called["clauses"] == [{"verb": "called", "subject": "We", "agency": "seller", "main": True}]
    assert data["metrics"]["seller_clauses"] >= 5 and data["metrics"]["reader_clauses"] == 0
    assert {"ask-without-give", "first-touch-meeting-ask"} <= {f["rule"] for f in data["findings"]}
    assert data["score"]["grade"] == "F"
    assert [z["zone"] for z in data["zones"]] == ["greeting", "body"]


def test_text_reading_names_every_part(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text(
        "Subject: your Q2 filing\n\nHi {{first_name}},\n\nYour Q2 filing added 14 states. "
        "Teams that size often hit the July rate changes first. How are you handling them?\n\n"
        "Want the checklist? Let me know.\n\nJonah\n",
        encoding="utf-8",
    )
    code, out = _explain(str(draft))
    assert code == 0
    for heading in (
        "zones:",
        "sentences",
        "asks:",
        "gives:",
        "merge tags:",
        "metrics:",
        "findings:",
        "score:",
    ):
        assert heading in out
    assert "question: genuine" in out
    assert "hedges: often" in out
    assert "{{first_name}}  3:4" in out
    assert "give: insight" in out
    assert "'handling' <- 'you': reader (main)" in out
    assert "reply     7:21     Let me know" in out


def test_unreadable_input_exits_2(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02\xff")
    code, _ = _explain(str(binary))
    assert code == 2
