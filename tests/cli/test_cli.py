"""The command line through its real entry points: `pitchlint.cli.cli` under Click's runner
and `python -m pitchlint` in a subprocess. Exit-code tests select one rule
(fake-reply-subject) so that rules added later cannot change their outcome."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pitchlint import __version__
from pitchlint.cli import cli
from pitchlint.rules.loader import bundled_rules_dir, load_rules
from pitchlint.weights import bundled_weights
from tests.conftest import REPO

FAKE = "Subject: Re: Re: hi\n\nHi Sam,\n\nWhat changed in your Q3 plans?\n"
FAKE_WEIGHT = bundled_weights().get("fake-reply-subject", 20.0)
CLEAN = "Subject: Your Reno warehouse\n\nHi Sam,\n\nHow are returns going since the move?\n\nJonah\n"
# A "Fwd:" of the sender's own email on step 3 of a sequence: a warning, not an error.
WARNING_ONLY = '---\ntouch: 3\nsubject: "Fwd: 15 minutes next week?"\n---\nHi Sam,\n\nWhat changed?\n'
SELECT = ("--select", "fake-reply-subject")


def make_runner() -> CliRunner:
    try:  # Click 8.1 mixes stderr into output unless told not to; 8.2+ always separates them
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write drafts into a config-free tmp folder and run from there."""
    monkeypatch.chdir(tmp_path)

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def run(runner: CliRunner, *args: str, input: str | None = None):
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


# --- exit codes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "shown"),
    [
        pytest.param(FAKE, 1, "  error  fake-reply-subject  ", id="an-error-fails"),
        pytest.param(CLEAN, 0, "0 findings in 1 draft", id="a-clean-draft-passes"),
        pytest.param(
            WARNING_ONLY, 0, "  warning  fake-reply-subject  ", id="a-warning-does-not-fail-by-default"
        ),
    ],
)
def test_the_exit_code_follows_the_worst_finding(runner, drafts, text, code, shown):
    path = drafts("draft.txt", text)
    result = run(runner, "check", *SELECT, str(path))
    assert result.exit_code == code, result.output
    assert shown in result.stdout


def test_an_unknown_option_is_a_usage_error(runner):
    result = run(runner, "check", "--no-such-option")
    assert result.exit_code == 2


def test_unknown_option_value_is_a_usage_error(runner, drafts):
    path = drafts("clean.txt", CLEAN)
    assert run(runner, "check", "--fail-on", "fatal", str(path)).exit_code == 2
    assert run(runner, "check", "--format", "yaml", str(path)).exit_code == 2
    assert run(runner, "check", "--fail-under", "101", str(path)).exit_code == 2


def test_unknown_rule_in_select_exits_2_with_hint(runner, drafts):
    path = drafts("fake.txt", FAKE)
    result = run(runner, "check", "--select", "fake-reply-subjekt", str(path))
    assert result.exit_code == 2
    assert "fake-reply-subjekt" in result.stderr
    assert "did you mean `fake-reply-subject`" in result.stderr
    assert "Traceback" not in result.output


def test_fail_on_warning(runner, drafts):
    path = drafts("step3.txt", WARNING_ONLY)
    assert run(runner, "check", *SELECT, "--fail-on", "warning", str(path)).exit_code == 1
    assert run(runner, "check", *SELECT, "--fail-on", "info", str(path)).exit_code == 1
    assert run(runner, "check", *SELECT, "--fail-on", "error", str(path)).exit_code == 0


def test_fail_under(runner, drafts):
    path = drafts("step3.txt", WARNING_ONLY)
    data = json.loads(run(runner, "check", *SELECT, "--format", "json", str(path)).stdout)
    score = data["drafts"][0]["score"]
    assert 0 < score < 100
    assert run(runner, "check", *SELECT, "--fail-under", str(score + 1), str(path)).exit_code == 1
    assert run(runner, "check", *SELECT, "--fail-under", str(max(score - 1, 0)), str(path)).exit_code == 0
    clean = drafts("clean.txt", CLEAN)
    assert run(runner, "check", *SELECT, "--fail-under", "100", str(clean)).exit_code == 0


# --- text output -------------------------------------------------------------------------


def test_text_output_format(runner, drafts):
    path = drafts("fake.txt", FAKE)
    result = run(runner, "check", *SELECT, str(path))
    lines = result.stdout.splitlines()
    head = re.compile(rf"^{re.escape(str(path))}:(\d+):(\d+)  (error|warning|info)  ([a-z0-9-]+)  (.+)$")
    heads = [(i, head.match(line)) for i, line in enumerate(lines) if head.match(line)]
    assert len(heads) == 1, result.stdout
    i, match = heads[0]
    line, col = int(match.group(1)), int(match.group(2))
    assert (line, col) == (1, 10)
    assert match.group(3) == "error"
    assert match.group(4) == "fake-reply-subject"
    assert "Re: Re:" in match.group(5)
    # the source line with a gutter, then the matched characters marked with carets
    assert lines[i + 1] == "    1 | Subject: Re: Re: hi"
    caret_line = lines[i + 2]
    bar = caret_line.index("| ")
    assert lines[i + 1].index("| ") == bar
    marked = caret_line[bar + 2 :]
    assert marked.lstrip(" ").startswith("^")
    assert len(marked) - len(marked.lstrip(" ")) == col - 1
    source = lines[i + 1][bar + 2 :]
    assert source[col - 1 : col - 1 + marked.count("^")].startswith("Re: Re:")
    assert any("fix (safe)" in ln or "advice:" in ln for ln in lines[i + 3 : i + 6])
    score = re.compile(rf"^{re.escape(str(path))}: score (\d+)/100, grade ([A-F])  \[(.+)\]$")
    scored = [score.match(ln) for ln in lines if score.match(ln)]
    assert len(scored) == 1
    # one finding costs its rule's whole weight in use: the fitted one pitchlint ships
    assert f"-{FAKE_WEIGHT:g} fake-reply-subject" in scored[0].group(3)
    assert lines[-1] == "1 finding in 1 draft"


def test_text_output_clean_draft_says_no_findings(runner, drafts):
    path = drafts("clean.txt", CLEAN)
    out = run(runner, "check", *SELECT, str(path)).stdout
    assert f"{path}: score 100/100, grade A  [no findings]" in out


# --- JSON output -------------------------------------------------------------------------


def _check_json(runner, *args: str, input: str | None = None) -> tuple[int, dict]:
    result = run(runner, "check", "--format", "json", *args, input=input)
    return result.exit_code, json.loads(result.stdout)


def test_json_shape(runner, drafts):
    path = drafts("fake.txt", FAKE)
    code, data = _check_json(runner, *SELECT, str(path))
    assert code == 1
    assert data["schema"] == 1
    assert data["pitchlint"] == __version__
    assert data["skipped"] == []
    assert len(data["drafts"]) == 1
    report = data["drafts"][0]
    assert {"path", "score", "grade", "breakdown", "metrics", "findings"} <= report.keys()
    assert report["path"] == str(path)
    assert 0 <= report["score"] <= 100
    assert report["grade"] in {"A", "B", "C", "D", "F"}
    assert report["breakdown"] == [{"rule": "fake-reply-subject", "points": FAKE_WEIGHT, "count": 1}]
    assert isinstance(report["metrics"], dict)
    assert all(isinstance(v, (int, float)) for v in report["metrics"].values())
    (finding,) = report["findings"]
    keys = {"rule", "severity", "line", "col", "start", "end", "matched", "message", "fix"}
    assert keys <= finding.keys()
    assert finding["rule"] == "fake-reply-subject"
    assert finding["severity"] == "error"
    assert (finding["line"], finding["col"]) == (1, 10)
    assert FAKE[finding["start"] : finding["end"]] == finding["matched"]
    assert finding["matched"].startswith("Re: Re:")
    fix = finding["fix"]
    assert fix["applicability"] == "safe"
    assert fix["title"]
    for edit in fix["edits"]:
        assert {"start", "end", "content"} <= edit.keys()
        assert 0 <= edit["start"] <= edit["end"] <= len(FAKE)


def test_json_offsets_index_the_original_text(runner):
    """Every finding on every sample (all rules) points at the characters it quotes, in the
    file itself (for a CSV row or a sequence step too), with line and column to match."""
    code, data = _check_json(runner, str(REPO / "samples"))
    assert code in (0, 1)
    assert data["skipped"] == []
    assert len(data["drafts"]) >= 12
    seen = verbatim_seen = 0
    for report in data["drafts"]:
        with Path(report["path"]).open(encoding="utf-8", newline="") as handle:  # CRLF kept, as read
            text = handle.read()
        for f in report["findings"]:
            seen += 1
            # `verbatim` says exactly when the file holds the matched words as they are
            assert f["verbatim"] == (text[f["start"] : f["end"]] == f["matched"]), (report["path"], f)
            if Path(report["path"]).suffix in (".txt", ".md"):
                assert f["verbatim"], (report["path"], f)
            else:  # read out of HTML, CSV, YAML or .eml: the words are there, escapes aside
                words = re.findall(r"\w+", f["matched"])[:1]
                assert all(w in text[f["start"] : f["end"]] for w in words), (report["path"], f)
                verbatim_seen += f["verbatim"]
            assert 0 <= f["start"] <= f["end"] <= len(text)
            before = text[: f["start"]]
            assert f["line"] == before.count("\n") + 1
            assert f["col"] == f["start"] - (before.rfind("\n") + 1) + 1
    assert seen > 0 and verbatim_seen > 0  # plain stretches of HTML and CSV are verbatim too


# --- inputs: stdin, several files, folders ------------------------------------------------


def test_stdin(runner, drafts):
    drafts("unused.txt", "")  # chdir into a config-free folder
    code, data = _check_json(runner, *SELECT, "-", input=FAKE)
    assert code == 1
    (report,) = data["drafts"]
    assert report["path"] == "-"
    (finding,) = report["findings"]
    assert FAKE[finding["start"] : finding["end"]] == finding["matched"]


def test_stdin_text_output(runner, drafts):
    drafts("unused.txt", "")
    result = run(runner, "check", *SELECT, "-", input=CLEAN)
    assert result.exit_code == 0
    assert "-: score 100/100, grade A" in result.stdout


def test_several_files_keep_their_order(runner, drafts):
    a = drafts("b-fake.txt", FAKE)
    b = drafts("a-clean.txt", CLEAN)
    code, data = _check_json(runner, *SELECT, str(a), str(b))
    assert code == 1  # one failing file fails the run
    assert [r["path"] for r in data["drafts"]] == [str(a), str(b)]
    assert [len(r["findings"]) for r in data["drafts"]] == [1, 0]
    text = run(runner, "check", *SELECT, str(a), str(b)).stdout
    assert text.rstrip().endswith("1 finding in 2 drafts")


def test_folder_expands_to_draft_files(runner, drafts, tmp_path):
    drafts("emails/one.txt", FAKE)
    drafts("emails/nested/two.md", CLEAN)
    drafts("emails/notes.csv", "not,a,draft\n")
    drafts("emails/.hidden/three.txt", FAKE)
    code, data = _check_json(runner, *SELECT, str(tmp_path / "emails"))
    assert code == 1
    paths = [Path(r["path"]) for r in data["drafts"]]
    assert [p.relative_to(tmp_path / "emails").as_posix() for p in paths] == ["nested/two.md", "one.txt"]


def test_samples_folder_runs_in_a_subprocess():
    proc = subprocess.run(
        [sys.executable, "-m", "pitchlint", "check", "--format", "json", str(REPO / "samples" / "bad")],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["drafts"]) >= 6
    assert all(r["findings"] for r in data["drafts"])


# --- python -m pitchlint ----------------------------------------------------------------


def _module(*args: str, cwd: Path, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pitchlint", *args],
        capture_output=True,
        text=True,
        input=input,
        check=False,
        cwd=cwd,
    )


def test_python_m_exit_codes(tmp_path):
    """The real console entry (`python -m pitchlint` -> cli.main): a file and stdin."""
    (tmp_path / "fake.txt").write_text(FAKE, encoding="utf-8")
    failing = _module("check", *SELECT, "fake.txt", cwd=tmp_path)
    assert failing.returncode == 1, failing.stderr
    assert failing.stdout.startswith("fake.txt:1:10  error  fake-reply-subject  ")
    assert re.search(r"^fake\.txt: score \d+/100, grade [A-F]", failing.stdout, re.M)
    piped = _module("check", *SELECT, "-", cwd=tmp_path, input=CLEAN)
    assert piped.returncode == 0, piped.stderr + piped.stdout
    assert "-: score 100/100, grade A  [no findings]" in piped.stdout


def test_python_m_usage_error(tmp_path):
    usage = _module("check", "--no-such-option", cwd=tmp_path)
    assert usage.returncode == 2
    assert "Usage" in usage.stderr


def test_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


# --- rules and rule ----------------------------------------------------------------------


def test_rules_lists_every_id(runner, drafts):
    drafts("unused.txt", "")
    result = run(runner, "rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    ids = [r.id for r in load_rules([bundled_rules_dir()])]
    assert sorted(listed) == sorted(ids)
    row = next(line for line in result.stdout.splitlines() if line.startswith("fake-reply-subject "))
    assert row.split()[1:3] == ["subject", "error"]


def test_rules_markdown_table(runner, drafts):
    drafts("unused.txt", "")
    result = run(runner, "rules", "--markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("| rule | family | severity | kind | what it flags |")
    assert "| `fake-reply-subject` | subject | error |" in result.stdout


def test_rule_docs(runner, drafts):
    drafts("unused.txt", "")
    result = run(runner, "rule", "fake-reply-subject")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# fake-reply-subject")
    headings = ["What it flags", "Why it hurts replies", "Example", "Use instead", "Fix safety"]
    positions = [out.index(f"## {h}\n") for h in headings]
    assert positions == sorted(positions)
    assert "Re: Re:" in out  # the bad example is quoted
    assert "(safe)" in out


def test_unknown_rule_id_exits_2(runner, drafts):
    drafts("unused.txt", "")
    result = run(runner, "rule", "fake-reply-subjekt")
    assert result.exit_code == 2
    assert "unknown rule 'fake-reply-subjekt'" in result.stderr
    assert "did you mean 'fake-reply-subject'" in result.stderr
    assert result.stdout == ""
    assert run(runner, "rule", "zzzz-nothing-like-it").exit_code == 2


# --- ruff-style options ---------------------------------------------------------------------


def test_concise_format_is_one_line_per_finding_and_format_is_its_alias(runner, drafts):
    path = drafts("fake.txt", FAKE)
    for flag in ("--output-format", "--format"):
        result = run(runner, "check", flag, "concise", *SELECT, str(path))
        lines = result.stdout.splitlines()
        assert lines[0].startswith(f"{path}:1:10: error fake-reply-subject ")
        assert lines[1].startswith(f"{path}: score ") and lines[-1] == "1 finding in 1 draft"
        assert len(lines) == 3 and result.exit_code == 1


def test_statistics_counts_findings_per_rule(runner, drafts):
    drafts("a.txt", FAKE)
    drafts("b.txt", FAKE)
    result = run(runner, "check", "--statistics", "--select", "fake-reply-subject,hype-superlatives", ".")
    assert result.stdout.splitlines() == ["2  error    fake-reply-subject", "2 findings in 2 drafts"]
    assert result.exit_code == 1


def test_exit_zero_and_quiet(runner, drafts):
    path = drafts("fake.txt", FAKE)
    result = run(runner, "check", "--exit-zero", "-q", "--format", "concise", *SELECT, str(path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()  # the finding alone: no score line, no summary
    assert len(lines) == 1 and lines[0].startswith(f"{path}:1:10: error fake-reply-subject ")
    missing = run(runner, "check", "--exit-zero", "missing.txt")
    assert missing.exit_code == 2  # an input that could not be read is still an error


def test_the_current_folder_is_the_default_path_and_selections_split_on_commas(runner, drafts):
    drafts("one.txt", FAKE)
    drafts("sub/two.txt", FAKE)
    result = run(runner, "check", "--format", "json", "--select", "fake-reply-subject, hype-superlatives")
    data = json.loads(result.stdout)
    assert sorted(d["path"] for d in data["drafts"]) == ["one.txt", "sub/two.txt"]
    assert {f["rule"] for d in data["drafts"] for f in d["findings"]} == {"fake-reply-subject"}
