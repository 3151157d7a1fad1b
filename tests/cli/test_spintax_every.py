"""`--spintax every`: each email checked once per spintax variant, in place (findings keep
the file's offsets), reported as `file#variant N`, never a template-sameness of its own."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from pitchlint.mergetags import find_spintax, variant_count, variant_view
from tests.cli.test_cli import make_runner, run

SPUN = (
    "Subject: {Quick question|Ohio rates}\n\n{Hi|Hey} Sam,\n\n"
    "{We are the leaders in tax software.|Your Ohio filing changed in July.} What changed in your plans?\n"
)


def test_variant_view_reads_each_group_as_its_nth_variant_in_place():
    text = "{Hi|Hey|Hello} Sam, {a tool that {helps|saves}|something new}."
    assert variant_count(text) == 3
    assert variant_view(text, 0).split() == ["Hi", "Sam,", "a", "tool", "that", "helps", "."]
    assert variant_view(text, 1).split() == ["Hey", "Sam,", "something", "new", "."]
    assert variant_view(text, 2).split() == ["Hello", "Sam,", "something", "new", "."]  # the last, when fewer
    assert variant_count("No spintax here {{first_name}}.") == 1


@given(
    st.lists(st.sampled_from(["{a|b}", "{x|yy|zzz}", "word ", "{{tag}}", " ", "\n"]), max_size=12),
    st.integers(0, 4),
)
def test_a_variant_view_keeps_every_offset(pieces, index):
    text = "".join(pieces)
    view = variant_view(text, index)
    assert len(view) == len(text)
    kept = [i for i, char in enumerate(view) if char != " " and char != text[i]]
    assert kept == []  # only blanks are put in: every other character is the file's own
    assert view == text or find_spintax(text)


def test_every_variant_is_checked_and_located_in_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "spun.txt"
    draft.write_text(SPUN, encoding="utf-8")
    runner = make_runner()
    first = run(runner, "check", "--no-cache", "--exit-zero", "--format", "json", str(draft))
    assert [r["record"] for r in json.loads(first.stdout)["drafts"]] == [""]
    for attempt in ("--no-cache", "--exit-zero"):  # the second run reads the cache: the same
        every = run(
            runner, "check", attempt, "--exit-zero", "--format", "json", "--spintax", "every", str(draft)
        )
        one, two = json.loads(every.stdout)["drafts"]
        assert (one["record"], two["record"]) == ("", "variant 2")
        rules_one = {f["rule"] for f in one["findings"]}
        rules_two = {f["rule"] for f in two["findings"]}
        assert "hype-superlatives" in rules_one and "hype-superlatives" not in rules_two
        assert "reader-research" in rules_two
        for finding in one["findings"] + two["findings"]:
            assert SPUN[finding["start"] : finding["end"]] == finding["matched"]


def test_the_variants_of_one_email_are_one_template(tmp_path):
    body = (
        "{Hi|Hey|Hello} Sam,\n\nYour team filed in fourteen states this quarter and Ohio moved its "
        "rate in July, which tends to surprise finance teams at quarter close. What changed in your plans?\n"
    )
    draft = tmp_path / "spun.txt"
    draft.write_text(body, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Hi Lee,\n\nWhat did your board decide about the new office?\n", encoding="utf-8")
    result = run(
        make_runner(),
        "check",
        "--no-cache",
        "--exit-zero",
        "--format",
        "json",
        "--spintax",
        "every",
        str(tmp_path),
    )
    reports = json.loads(result.stdout)["drafts"]
    assert len(reports) == 4  # three variants and the other email
    assert not any(f["rule"] == "template-sameness" for r in reports for f in r["findings"])


def test_fixing_every_variant_is_refused(tmp_path):
    draft = tmp_path / "spun.txt"
    draft.write_text(SPUN, encoding="utf-8")
    result = run(make_runner(), "check", "--fix", "--spintax", "every", str(draft))
    assert result.exit_code == 2 and "--spintax every" in result.stderr
    assert draft.read_text(encoding="utf-8") == SPUN
