"""`check` over many files holds one report at a time (issue 20: a pre-commit run over 20,000
templates grew to 4 GB holding every report until the end). The reports wait on disk while
the rules across files run on the drafts, and every reporter prints as it reads them back;
what it prints is the same, byte for byte, as one document rendered at once."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pitchlint.cli
from pitchlint.findings import Finding
from pitchlint.report import Report
from pitchlint.reporters.text import without_blank_runs
from pitchlint.spill import ReportSpill
from tests.cli.test_cli import run

OPENER = "I noticed your team is hiring three account executives this quarter."
FILES = 24


def _live_reports() -> int:
    gc.collect()
    return sum(isinstance(o, Report) for o in gc.get_objects())


@pytest.fixture
def held_at_echo(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many more Report objects are alive than before, each time the CLI prints."""
    seen: list[int] = []
    before = _live_reports()
    echo = pitchlint.cli.click.echo

    def counting_echo(*a, **kw):  # type: ignore[no-untyped-def]
        seen.append(_live_reports() - before)
        return echo(*a, **kw)

    monkeypatch.setattr(pitchlint.cli.click, "echo", counting_echo)
    return seen


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of templates that open alike (template-sameness fires across them)."""
    monkeypatch.chdir(tmp_path)
    for i in range(FILES):
        body = f"{OPENER}\n\nWe cut onboarding time for {i + 2} teams like yours. Worth a look?\n"
        (tmp_path / f"t{i:02d}.txt").write_text(f"Subject: Hiring plans {i}\n\nHi Sam,\n\n{body}", "utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("--format", "text"), id="text"),
        pytest.param(("--format", "concise", "-q"), id="concise-quiet"),
        pytest.param(("--format", "json"), id="json"),
        pytest.param(("--format", "sarif"), id="sarif"),
        pytest.param(("--format", "github"), id="github"),
        pytest.param(("--statistics",), id="statistics"),
        pytest.param(("--fix", "--statistics", "-q"), id="fix-hook"),
    ],
)
def test_check_prints_while_holding_one_report(templates, runner, held_at_echo, args):
    result = run(runner, "check", "--no-cache", "--exit-zero", *args, ".")
    assert result.exit_code == 0, result.output
    assert held_at_echo and max(held_at_echo) <= 2, held_at_echo  # not one per file
    if "--statistics" not in args:
        assert result.output.count("template-sameness") >= FILES


def test_a_warm_run_prints_the_same_from_the_cache(templates, runner):
    """The findings across files come back from the cache with the others' own entries."""
    cold = run(runner, "check", "--format", "json", ".")
    warm = run(runner, "check", "--format", "json", ".")
    assert cold.exit_code == warm.exit_code and cold.stdout == warm.stdout
    drafts = json.loads(warm.stdout)["drafts"]
    assert len(drafts) == FILES
    assert all(any(f["rule"] == "template-sameness" for f in d["findings"]) for d in drafts)


def _live_across_findings() -> int:
    gc.collect()
    return sum(isinstance(o, Finding) and o.rule == "template-sameness" for o in gc.get_objects())


@pytest.mark.parametrize("cache", ["cold", "warm", "none"])
def test_the_rules_across_files_hold_one_drafts_findings_at_a_time(templates, runner, monkeypatch, cache):
    """Each draft's findings across files go to disk as they are found (or read back from the
    cache), not gathered for every draft first: a sent history of a million near-duplicates
    must not hold a million findings."""
    if cache == "warm":
        run(runner, "check", "--exit-zero", ".")
    alive: list[int] = []
    put = ReportSpill.put

    def counting_put(self, index, report, **kw):  # type: ignore[no-untyped-def]
        if any(f.rule == "template-sameness" for f in report.findings):
            alive.append(_live_across_findings())
        return put(self, index, report, **kw)

    monkeypatch.setattr(ReportSpill, "put", counting_put)
    result = run(runner, "check", "--exit-zero", "-q", *(["--no-cache"] if cache == "none" else []), ".")
    assert result.exit_code == 0, result.output
    # the draft's finding as found, as put, and the next draft's (the merge looks one ahead)
    assert len(alive) == FILES and max(alive) <= 3, alive


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda lines: lines[0].__setitem__(0, 10**6), id="index-past-the-run"),
        pytest.param(lambda lines: lines[0][1][0].__setitem__("span", [5, 2, 1, 1]), id="span-backwards"),
        pytest.param(lambda lines: lines[-2][2].__setitem__("grade", "Z"), id="last-has-no-such-grade"),
        pytest.param(lambda lines: lines[0].__setitem__(1, "findings"), id="findings-not-a-list"),
        pytest.param(lambda lines: lines.pop(), id="cut-short"),
        pytest.param(lambda lines: lines.pop(0), id="count-off"),
        pytest.param(lambda lines: lines.insert(1, "not an entry"), id="not-an-entry"),
    ],
)
def test_a_damaged_entry_of_the_rules_across_files_is_dropped(templates, runner, damage):
    """The entry is one JSON line a draft and a count: any damage, even to its last line,
    drops all of it before a draft takes from it."""
    cold = run(runner, "check", "--format", "json", ".")
    (path,) = (templates / ".pitchlint_cache").rglob("across/*.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == FILES + 1 and lines[-1] == {"end": FILES}  # every template opens alike
    damage(lines)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    warm = run(runner, "check", "--format", "json", ".")
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_streams_lay_out_as_one_dump(tmp_path, runner, monkeypatch, fmt, count):
    """The streamed document is what `json.dumps(indent=2)` of the whole would be, with no
    draft, one, and several (and a skipped input)."""
    monkeypatch.chdir(tmp_path)
    for i in range(count):
        (tmp_path / f"d{i}.txt").write_text(f"Subject: Re: hi\n\nHi Sam,\n\n{OPENER}\n", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00binary\x00")
    result = run(runner, "check", "--format", fmt, "--exit-zero", *(["."] if count else ["bad.txt"]))
    document = json.loads(result.stdout)
    assert result.stdout == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if fmt == "json":
        assert len(document["drafts"]) == count and len(document["skipped"]) == 1


def _collapsed(text: str) -> str:
    """What `-q` printed before it streamed: the whole output's blank runs collapsed."""
    out = "\n".join(text.splitlines()).strip("\n")
    while "\n\n\n" in out:
        out = out.replace("\n\n\n", "\n\n")
    return out + "\n" if out else ""


_LINE_PARTS = st.sampled_from(["", "\n", "\n\n", "a", " ", "x y", "\r", "\r\n", "\x0c", "\u2028", "é"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_LINE_PARTS, max_size=6).map("".join), max_size=8))
def test_quiet_output_collapses_blank_lines_as_the_whole_text_would(chunks):
    assert "".join(without_blank_runs(chunks)) == _collapsed("".join(chunks))


def test_a_spill_reads_back_what_was_put_in_any_order(tmp_path):
    from pitchlint.draft import parse_draft
    from pitchlint.score import Score

    drafts = [parse_draft(f"Hi Sam {i},\n\nA line.\n", f"d{i}.txt") for i in range(3)]
    score = Score(90, "A", ())
    spill = ReportSpill(drafts)
    with pytest.raises(LookupError):
        spill[0]
    for i in (2, 0, 1):
        spill.put(i, Report(drafts[i], (), score))
    other = parse_draft("Another text\n", "d1.txt")  # a fixed draft is not the input's own
    spill.put(1, Report(other, (), Score(50, "D", ())))
    assert [r.draft for r in spill] == [drafts[0], other, drafts[2]]
    assert spill[0].draft is drafts[0] and spill[-1].score == score and spill[1].score.grade == "D"
    assert len(spill) == 3 and [r.draft for r in spill[1:]] == [other, drafts[2]]


# --- grade ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "html"])
def test_grade_writes_while_holding_one_report(templates, runner, monkeypatch, held_at_echo, fmt):
    """The aggregate is counts, sums and a bounded list of the worst; the rows, the page's
    index and its sections read each report back in turn."""
    if fmt == "table":  # rich prints the table: count when the summary is taken as well
        from pitchlint import grading

        summary = grading.GradeAggregate.summary

        def counting_summary(self, *a, **kw):  # type: ignore[no-untyped-def]
            pitchlint.cli.click.echo("", nl=False)  # the fixture counts at each echo
            return summary(self, *a, **kw)

        monkeypatch.setattr(grading.GradeAggregate, "summary", counting_summary)
    result = run(runner, "grade", "--format", fmt, ".")
    assert result.exit_code == 0, result.output
    assert held_at_echo and max(held_at_echo) <= 2, held_at_echo
    assert (f"Graded {FILES} emails" if fmt == "table" else "t23.txt") in result.stdout


_SCORES = st.lists(
    st.tuples(
        st.integers(0, 100),
        st.sampled_from(["a.txt", "b.txt", "c.txt#row 2", "d.txt"]),
        st.sampled_from([None, "intro", "bump"]),
        st.sampled_from([None, "liam", "ana"]),
        st.lists(st.sampled_from(["fake-reply-subject", "we-we-we", "bump-only-follow-up"]), max_size=3),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(_SCORES, st.integers(0, 12))
def test_the_aggregate_is_the_summary_of_every_email_held_at_once(emails, worst):
    """Counts, means (a whole mean stays an int), the most common rules and the worst emails
    (ties in input order) as sorting every email would give them."""
    from collections import Counter
    from statistics import mean

    from pitchlint.draft import parse_draft
    from pitchlint.findings import Finding, Severity
    from pitchlint.grading import GRADES, GradeAggregate, GradedEmail
    from pitchlint.score import Penalty, Score, grade_for

    graded = []
    for value, email_id, template, sender, rules in emails:
        draft = parse_draft("Hi Sam,\n\nA line.\n", email_id.partition("#")[0])
        findings = tuple(Finding(r, Severity.WARNING, 0, 2, 1, 1, "Hi", "m") for r in rules)
        score = Score(value, grade_for(value, {"A": 90, "B": 80, "C": 70, "D": 60}), (Penalty("x", 1.0, 1),))
        graded.append(GradedEmail(Report(draft, findings, score), email_id, template, sender))
    aggregate = GradeAggregate(worst)
    for email in graded:
        aggregate.add(email)
    summary = aggregate.summary(skipped=1, top_rules=2)
    scores = [e.report.score.value for e in graded]
    assert summary["emails"] == len(graded) and summary["skipped"] == 1
    assert summary["mean_score"] == (round(mean(scores), 1) if scores else None)
    assert repr(summary["mean_score"]) == repr(round(mean(scores), 1) if scores else None)
    assert summary["grades"] == {g: sum(e.report.score.grade == g for e in graded) for g in GRADES}
    counts = Counter(r for e in graded for r in {f.rule for f in e.findings})
    assert sorted(r["emails"] for r in summary["rules"]) == sorted(n for _, n in counts.most_common(2))
    ranked = sorted(graded, key=lambda e: (e.report.score.value, e.email_id))[:worst]
    assert [(w["id"], w["score"]) for w in summary["worst"]] == [
        (e.email_id, e.report.score.value) for e in ranked
    ]
    for kind, key in (("templates", "template"), ("senders", "sender")):
        names = {getattr(e, key) for e in graded} - {None}
        assert {row["name"] for row in summary[kind]} == names
        for row in summary[kind]:
            members = [e.report.score.value for e in graded if getattr(e, key) == row["name"]]
            assert (row["emails"], row["mean_score"]) == (len(members), round(mean(members), 1))
