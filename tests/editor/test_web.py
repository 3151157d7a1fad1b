"""`pitchlint serve` end to end: the server runs as a subprocess on a free loopback port; its
JSON endpoints are called as a script would (httpx) and its page is driven in Debian's
Chromium through Playwright (no browser download)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner
from playwright.sync_api import expect, sync_playwright

from pitchlint.cli import cli
from tests.conftest import REPO

DRAFT = "Subject: Re: Re: rates\n\nHi Sam,\n\nWe are the leaders in tax. What changed in your Ohio plans?\n"
expect.set_options(timeout=60_000)  # a check on a loaded 2-core machine can take seconds
HOSTILE = (
    'Subject: hi\n\nHi Sam,\n\n<script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2">'
    " We are the leaders in tax.\n"
)


PAGE = (
    "<html>\n<head><title>Re: Re: Ohio rates</title></head>\n<body>\n<p>Hi Sam,</p>\n"
    "<p>We are <b>the leaders in</b> tax &amp; payroll. What changed in your Ohio plans?</p>\n"
    "</body>\n</html>\n"
)
DROP = """(html) => {
  const data = new DataTransfer();
  data.items.add(new File([html], "template.html", { type: "text/html" }));
  const drop = new DragEvent("drop", { dataTransfer: data, bubbles: true });
  document.getElementById("draft").dispatchEvent(drop);
}"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pitchlint", "serve", "--port", str(port)],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/", timeout=2)
            break
        except httpx.TransportError:
            assert process.poll() is None, process.stdout.read().decode()
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(timeout=30)


def test_check_endpoint_returns_the_grade_findings_and_fixes(server):
    data = httpx.post(server + "/check", json={"text": DRAFT, "name": "draft.txt"}, timeout=120).json()
    (report,) = data["reports"]
    assert 0 <= report["score"] <= 100 and report["grade"] in "ABCDF"
    fake = next(f for f in report["findings"] if f["rule"] == "fake-reply-subject")
    assert DRAFT[fake["start"] : fake["end"]] == "Re: Re: "
    assert fake["fix"]["applicability"] == "safe"
    assert data["fixed"].startswith("Subject: rates\n")


def test_rewrite_and_explain_endpoints(server):
    rewritten = httpx.post(server + "/rewrite", json={"text": DRAFT}, timeout=120).json()
    (first,) = rewritten["rewrites"]
    assert first["before"] == DRAFT and first["after"] != DRAFT and first["diff"].startswith("---")
    # scored as sent now, each {…} placeholder an error, beside the score once they are filled
    sample_a = (REPO / "tests" / "fixtures" / "seed" / "sample-a.txt").read_text(encoding="utf-8")
    (first,) = httpx.post(server + "/rewrite", json={"text": sample_a}, timeout=120).json()["rewrites"]
    assert first["placeholders"] >= 1 and first["score_as_sent"]["grade"] != "A"
    assert first["score_as_sent"]["score"] < first["score_after"]["score"]
    assert first["score_after_text"] == (
        f"{first['score_as_sent']['score']} {first['score_as_sent']['grade']} as sent now,"
        f" {first['score_after']['score']} {first['score_after']['grade']} once the"
        + (" placeholder is" if first["placeholders"] == 1 else f" {first['placeholders']} placeholders are")
        + " filled"
    )
    explained = httpx.post(server + "/explain", json={"text": DRAFT}, timeout=120).json()
    assert explained["drafts"] and "findings" in explained["drafts"][0]


def test_bad_requests_are_refused_with_a_reason(server):
    assert httpx.post(server + "/check", content=b"not json", timeout=30).status_code == 400
    assert httpx.post(server + "/check", json={"text": 3}, timeout=30).status_code == 400
    big = httpx.post(server + "/check", json={"text": "x" * 2_100_000}, timeout=30)
    assert big.status_code == 413 and "bytes" in big.json()["error"]
    page = httpx.get(server + "/", timeout=30)
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "nothing you paste or drop here leaves it" in page.text


def test_serve_refuses_a_non_loopback_address_unless_told():
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "not loopback" in result.output


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _marked(page, rule: str) -> str:
    """The text of every highlighted piece the rule covers, in order."""
    selector = f'#highlighted mark[data-rules~="{rule}"]'
    return "".join(page.eval_on_selector_all(selector, "marks => marks.map(m => m.textContent)"))


def test_the_page_highlights_findings_and_applies_a_fix(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.fill("#draft", DRAFT)
    page.click("#check")
    expect(page.locator('#highlighted mark[data-rules~="fake-reply-subject"]')).to_have_count(1)
    assert _marked(page, "fake-reply-subject") == "Re: Re: "
    assert _marked(page, "hype-superlatives") == "the leaders in"
    assert page.locator("#letter").inner_text() in "ABCDF"
    page.click("#rewrite")
    expect(page.locator("#status")).to_have_text("rewritten")
    assert page.locator("#rewrite-before").inner_text().strip() == DRAFT.strip()
    (shown,) = httpx.post(server + "/rewrite", json={"text": DRAFT}, timeout=120).json()["rewrites"]
    before = shown["score_before"]
    expected = f"{before['score']} {before['grade']} -> {shown['score_after_text']}"
    assert page.locator("#rewrite-score").inner_text() == expected
    assert page.locator("#rewrite-diff .diff-del").count() >= 1
    page.click('#findings button.fix[data-rule="fake-reply-subject"]')
    expect(page.locator('#highlighted mark[data-rules~="fake-reply-subject"]')).to_have_count(0)
    assert page.input_value("#draft").startswith("Subject: rates\n")
    page.close()


def test_a_hostile_draft_renders_as_text_and_runs_nothing(server, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/")
    page.fill("#draft", HOSTILE)
    page.click("#check")
    expect(page.locator('#highlighted mark[data-rules~="hype-superlatives"]')).not_to_have_count(0)
    shown = page.locator("#highlighted").inner_text()
    assert "<script>window.pwned = 1</script>" in shown and 'onerror="window.pwned = 2"' in shown
    assert page.evaluate("window.pwned") is None
    assert page.locator("#highlighted script, #highlighted img, #findings script, #findings img").count() == 0
    assert errors == []
    page.close()


def test_a_rule_page_is_served_as_pitchlint_rule_prints_it(server):
    data = httpx.get(server + "/rules/hype-superlatives", timeout=60).json()
    shown = CliRunner().invoke(cli, ["rule", "hype-superlatives"]).output
    assert data["id"] == "hype-superlatives" and data["doc"].strip() == shown.strip()
    missing = httpx.get(server + "/rules/no-such-rule", timeout=60)
    assert missing.status_code == 404 and "no-such-rule" in missing.json()["error"]


def test_an_html_template_gets_fixes_in_its_markup(server):
    data = httpx.post(server + "/check", json={"text": PAGE, "name": "template.html"}, timeout=120).json()
    assert data["editable"] and not data["plain"]
    (report,) = data["reports"]
    by_rule = {f["rule"]: f for f in report["findings"]}
    (edit,) = by_rule["fake-reply-subject"]["fix"]["edits"]
    assert PAGE[edit["start"] : edit["end"]] == "Re: Re: "  # offsets in the markup the page holds
    assert by_rule["hype-superlatives"]["fix"] is None  # it would cut through <b>
    assert data["fixed"] == PAGE.replace("Re: Re: ", "")


def test_the_page_shows_a_rule_and_fixes_a_dropped_html_file(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.evaluate(DROP, PAGE)
    expect(page.locator('#highlighted mark[data-rules~="fake-reply-subject"]')).to_have_count(1)
    page.click('#findings button.about[data-rule="hype-superlatives"]')
    expect(page.locator("#docs-rule")).to_have_text("hype-superlatives")
    assert page.locator("#rule-docs").inner_text().startswith("# hype-superlatives")
    page.click('#findings button.fix[data-rule="fake-reply-subject"]')
    expect(page.locator('#highlighted mark[data-rules~="fake-reply-subject"]')).to_have_count(0)
    assert page.input_value("#draft") == PAGE.replace("Re: Re: ", "")  # the markup, entity and all
    page.click("#rewrite")
    expect(page.locator("#status")).to_have_text("rewritten")
    assert page.locator("#use-rewrite").is_disabled()  # a rewrite is text: it would lose the markup
    page.close()


def test_an_empty_draft_gets_no_reports_and_no_complaint(server):
    data = httpx.post(server + "/check", json={"text": "  \n"}, timeout=60).json()
    assert data["reports"] == [] and data["skipped"] == []
