"""`pitchlint grade --format html`: one offline page with grade and rule charts drawn as SVG,
per-template and per-sender tables, skipped inputs, and every email worst first with its
findings marked in its text; hostile email text stays text. Checked on the HTML string and,
once per module, in a real headless Chromium (the DOM it dumps after running the page)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pitchlint.draft import parse_draft
from pitchlint.findings import Finding, Severity
from pitchlint.grading import GRADES, GradedEmail, GradeRun
from pitchlint.reporters import grade_html
from pitchlint.reporters.grade_html import highlight, render_grade_html
from pitchlint.sources import Skipped
from tests.conftest import REPO

SEED = REPO / "tests" / "fixtures" / "seed"
HOSTILE = """Subject: Quick question <script>document.title='PWNED'</script>

Hi Sam,

I hope this email finds you well. <img src=x onerror="document.title='PWNED'"> We are the leading \
provider of best-in-class solutions & "synergy".

Just checking in. Do you have 15 minutes this week?
"""
HOSTILE_ID = "evil\"><script>document.title='PWNED'</script>.txt"
CHROMIUM = "/usr/bin/chromium"


class Page(HTMLParser):
    """What the tests read from a page: tags seen, the text inside each finding's marks (per
    email section, joined over its fragments), and whether the marks nest properly."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: dict[tuple[str, str], str] = {}  # (section id, data-finding) -> text
        self.mark_rules: dict[tuple[str, str], str] = {}
        self.mark_classes: dict[tuple[str, str], str] = {}
        self.title = ""
        self.errors: list[str] = []
        self._section = ""
        self._open: list[str] = []  # data-finding of the open marks
        self._in_title = False
        self.feed(html)
        self.close()
        if self._open:
            self.errors.append(f"marks left open: {self._open}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "section" and "email" in (attributes.get("class") or "").split():
            if self._open:
                self.errors.append("a section opened inside a mark")
            self._section = attributes.get("id") or ""
        elif tag == "mark":
            number = attributes.get("data-finding") or ""
            key = (self._section, number)
            self.marks.setdefault(key, "")
            self.mark_rules[key] = attributes.get("data-rule") or ""
            self.mark_classes[key] = attributes.get("class") or ""
            self._open.append(number)
        elif tag == "title" and not self.title:
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            if not self._open:
                self.errors.append("</mark> without a mark open")
            else:
                self._open.pop()
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        for number in dict.fromkeys(self._open):
            self.marks[(self._section, number)] += data

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.tags if name == tag)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        """Elements with these attributes (`class_` matches one class among several)."""
        found = []
        for name, attributes in self.tags:
            if name != tag:
                continue
            ok = True
            for key, value in attrs.items():
                if key == "class_":
                    ok &= value in (attributes.get("class") or "").split()
                else:
                    ok &= attributes.get(key.replace("_", "-")) == value
            if ok:
                found.append(attributes)
        return found


@pytest.fixture(scope="module")
def run(engine) -> GradeRun:
    texts = [
        ((SEED / "sample-a.txt").read_text(encoding="utf-8"), "sample-a.txt", "intro-v1", "liam"),
        ((SEED / "sample-b.txt").read_text(encoding="utf-8"), "sample-b.txt", "intro-v1", "ava"),
        (HOSTILE, HOSTILE_ID, "<b>intro-v2</b>", "ava"),
    ]
    reports = engine.check([parse_draft(text, path) for text, path, _, _ in texts])
    emails = tuple(
        GradedEmail(report, path, template=template, sender=sender)
        for report, (_, path, template, sender) in zip(reports, texts, strict=True)
    )
    skipped = (Skipped("bad.jsonl", "bad.jsonl: line 2: not JSON <script>document.title='PWNED'</script>"),)
    return GradeRun(emails, skipped)


@pytest.fixture(scope="module")
def html(run: GradeRun) -> str:
    return render_grade_html(run)


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


@pytest.fixture(scope="module")
def dom(html: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The DOM Chromium holds after loading the report from disk and running its script: one
    launch for the whole module. A missing Chromium fails (CI installs it), it does not skip."""
    chromium = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if chromium is None:
        pytest.fail(
            "Chromium is not installed: the HTML report is checked in a real browser. "
            "Install it with `apt-get install -y chromium chromium-driver`."
        )
    folder = tmp_path_factory.mktemp("grade-html")
    report = folder / "report.html"
    report.write_text(html, encoding="utf-8")
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={folder / 'profile'}",
        "--dump-dom",
        report.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and "<body" in done.stdout, (
        f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    )
    return done.stdout


def _expected_marks(run: GradeRun) -> list[tuple[str, str, str, str]]:
    """(section id, finding number, rule, covered text) for every finding, in page order."""
    ordered = sorted(run.emails, key=lambda e: (e.report.score.value, e.email_id))
    expected = []
    for index, email in enumerate(ordered, 1):
        text = email.report.draft.text
        for number, finding in enumerate(sorted(email.findings, key=lambda f: f.sort_key), 1):
            expected.append((f"email-{index}", str(number), finding.rule, text[finding.start : finding.end]))
    return expected


# -- the HTML string -------------------------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere(html: str, page: Page) -> None:
    assert page.count("script") == 1  # the report's own
    assert page.count("img") == 0
    assert "<script>document.title" not in html and "<img src=x" not in html
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;PWNED&#x27;&quot;&gt;" in html
    assert "&lt;b&gt;intro-v2&lt;/b&gt;" in html  # a template name
    assert "evil&quot;&gt;&lt;script&gt;" in html  # an email id, in text and in attributes
    assert page.title == "pitchlint grade report"


def test_page_is_self_contained(html: str, page: Page) -> None:
    assert page.count("link") == 0 and page.count("iframe") == 0
    assert not any("src" in attributes for _, attributes in page.tags)
    assert set(re.findall(r"https?://[^\s\"'<>)]+", html)) <= {"http://www.w3.org/2000/svg"}
    (csp,) = page.find("meta", http_equiv="Content-Security-Policy")
    assert "default-src 'none'" in (csp["content"] or "") and "script-src 'sha256-" in (csp["content"] or "")


def test_every_finding_is_marked_over_its_words(run: GradeRun, page: Page) -> None:
    assert not page.errors
    expected = _expected_marks(run)
    assert len(expected) > 20
    for section, number, rule, covered in expected:
        key = (section, number)
        assert key in page.marks, (section, rule)
        assert page.mark_rules[key] == rule
        assert page.marks[key] == covered, (section, rule)
    rules = {rule for _, _, rule, _ in expected}
    assert {"valueless-follow-up", "hype-superlatives"} <= rules
    hype = [page.marks[(s, n)] for s, n, r, _ in expected if r == "hype-superlatives"]
    assert "best-in-class" in hype


def test_marks_carry_severity_and_title(html: str) -> None:
    assert re.search(r'<mark class="finding sev-error" data-rule="valueless-follow-up" [^>]*title="', html)
    assert 'title="hype-superlatives: ' in html


def test_emails_are_listed_worst_first_with_their_findings(run: GradeRun, page: Page) -> None:
    sections = page.find("section", class_="email")
    scores = [int(s["data-score"] or 0) for s in sections]
    assert len(sections) == 3 and scores == sorted(scores)
    assert not page.find("p", id="listed")  # a short run lists every email
    rows = page.find("tr", class_="finding-row")
    assert len(rows) == sum(len(e.findings) for e in run.emails)


def test_a_long_run_lists_its_lowest_scored_emails_and_counts_them_all(
    run: GradeRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grade_html, "LISTED_EMAILS", 2)
    page = Page(render_grade_html(run))
    sections = page.find("section", class_="email")
    lowest = sorted(run.emails, key=lambda e: (e.report.score.value, e.email_id))[:2]
    assert [s["data-score"] for s in sections] == [str(e.report.score.value) for e in lowest]
    assert len(page.find("tr", class_="email-row")) == 2
    assert page.find("p", id="listed")
    bars = [a for _, a in page.tags if "data-grade" in a and "bar" in (a.get("class") or "").split()]
    assert sum(int(b["data-count"] or 0) for b in bars) == 3  # the charts count every email


def test_histogram_has_a_bar_per_grade(run: GradeRun, page: Page) -> None:
    assert page.find("svg", id="grade-histogram")
    bars = [a for _, a in page.tags if "data-grade" in a and "bar" in (a.get("class") or "").split()]
    counts = {b["data-grade"]: int(b["data-count"] or 0) for b in bars}
    assert counts == run.summary()["grades"]
    assert list(counts) == list(GRADES)


def test_rule_chart_has_the_top_rules(run: GradeRun, page: Page) -> None:
    assert page.find("svg", id="rule-chart")
    bars = [a for _, a in page.tags if "data-rule" in a and "rule-bar" in (a.get("class") or "")]
    summary = run.summary()["rules"]
    assert [(b["data-rule"], int(b["data-count"] or 0)) for b in bars] == [
        (r["rule"], r["emails"]) for r in summary
    ]


def test_breakdowns_and_skipped(page: Page, html: str) -> None:
    assert page.find("table", id="templates-table") and page.find("table", id="senders-table")
    assert ">intro-v1</td>" in html and ">liam</td>" in html and ">ava</td>" in html
    assert page.find("section", id="skipped")
    assert "bad.jsonl: line 2: not JSON &lt;script&gt;" in html


def test_tables_without_data_are_left_out(run: GradeRun) -> None:
    bare = GradeRun(tuple(GradedEmail(e.report, e.email_id) for e in run.emails))
    html = render_grade_html(bare)
    assert 'id="templates"' not in html and 'id="senders"' not in html and 'id="skipped"' not in html
    assert 'id="grade-histogram"' in html


def test_an_empty_run_still_renders() -> None:
    page = Page(render_grade_html(GradeRun(())))
    assert not page.errors
    assert len([a for _, a in page.tags if "data-grade" in a and a.get("data-count") == "0"]) == len(GRADES)
    assert page.find("svg", id="rule-chart")


def _finding(rule: str, start: int, end: int) -> Finding:
    return Finding(rule, Severity.WARNING, start, end, 1, start + 1, "", f"{rule} says <hi>")


def test_highlight_splits_crossing_findings_and_keeps_them_well_formed() -> None:
    text = "abcdefghij<x>"
    findings = [
        _finding("outer", 0, 5),
        _finding("crossing", 3, 8),
        _finding("empty", 3, 3),
        _finding("inner", 2, 4),
        _finding("past-the-end", 9, 99),
    ]
    page = Page(f'<section class="email" id="e">{highlight(text, findings)}</section>')
    assert not page.errors
    covered = {page.mark_rules[key]: value for key, value in page.marks.items()}
    assert covered == {
        "outer": "abcde",
        "crossing": "defgh",
        "empty": "",
        "inner": "cd",
        "past-the-end": "j<x>",
    }
    assert "&lt;x&gt;" in highlight(text, findings) and "&lt;hi&gt;" in highlight(text, findings)
    assert highlight("a<b", []) == "a&lt;b"


# -- in Chromium -----------------------------------------------------------------------------------


def test_browser_keeps_the_hostile_email_as_text(dom: str) -> None:
    page = Page(dom)
    assert page.title == "pitchlint grade report"
    assert page.title != "PWNED"
    assert page.count("img") == 0
    assert page.count("script") == 1  # the report's own script; none from an email
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom


def test_browser_shows_charts_and_marks(run: GradeRun, dom: str) -> None:
    page = Page(dom)
    assert not page.errors
    assert page.find("svg", id="grade-histogram") and page.find("svg", id="rule-chart")
    grade_bars = [a for _, a in page.tags if a.get("data-grade") and "bar" in (a.get("class") or "")]
    assert sorted(b["data-grade"] or "" for b in grade_bars) == sorted(GRADES)
    rule_bars = [a for _, a in page.tags if a.get("data-rule") and "rule-bar" in (a.get("class") or "")]
    assert len(rule_bars) == len(run.summary()["rules"])
    marks = {(page.mark_rules[k], v) for k, v in page.marks.items()}
    assert ("valueless-follow-up", "I have emailed you a few times now") in marks
    assert ("hype-superlatives", "best-in-class") in marks
    assert any("finding" in c.split() and "sev-error" in c.split() for c in page.mark_classes.values())


def test_browser_ran_the_optional_script(dom: str) -> None:
    page = Page(dom)
    (body,) = page.find("body")
    assert body.get("data-ready") == "1"  # the CSP hash matched and the script ran to the end
    (form,) = page.find("form", id="grade-filter")
    assert "hidden" not in form
    assert "showing 3 of 3 emails" in dom
