"""`pitchlint grade --format html`: one self-contained page a team can mail around or open from a
CI artifact, offline.

Everything is inline (CSS, a few lines of optional JS, charts as SVG drawn here in Python), so
the page needs no network and works with scripts off. The emails are untrusted text written by
anyone, so every piece of text from a run goes through `html.escape`; on top of that a
Content-Security-Policy allows only this module's own script (by hash) and no network at all,
so even a slip in escaping could not run an email's `<script>` or fetch anything."""

from __future__ import annotations

import base64
import hashlib
import heapq
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape
from typing import Any

from pitchlint.findings import Finding
from pitchlint.grading import GRADES, GradeAggregate, GradedEmail, GradeRun
from pitchlint.sources import Skipped

# emails listed on the page at most, lowest scores first: the charts and breakdowns count every
# email, and a page of a million emails would not open (`--format csv` has them all)
LISTED_EMAILS = 2000

GRADE_COLOURS = {"A": "#2e7d32", "B": "#7cb342", "C": "#f9a825", "D": "#ef6c00", "F": "#c62828"}

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  max-width: 980px; margin: 2rem auto; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
.lede { color: #57606a; margin-top: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
svg { max-width: 100%; height: auto; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #1f2328; }
svg .axis { stroke: #8c959f; stroke-width: 1; }
svg .rule-bar { fill: #5a64c8; }
svg .bar[data-grade] { cursor: default; }
body[data-ready="1"] svg .bar[data-grade] { cursor: pointer; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #d8dee4; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.where { white-space: nowrap; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; min-width: 1.6em; padding: 0 .3em; border-radius: 4px; color: #fff;
  font-weight: 700; text-align: center; }
.badge-A { background: #2e7d32; } .badge-B { background: #7cb342; } .badge-C { background: #f9a825; }
.badge-D { background: #ef6c00; } .badge-F { background: #c62828; }
.sev { font-weight: 600; }
.sev-label-error { color: #b42318; } .sev-label-warning { color: #9a6700; }
.sev-label-info { color: #0969da; }
section.email { border: 1px solid #d0d7de; border-left: 6px solid #8c959f; border-radius: 6px;
  padding: .8rem 1rem; margin: 1rem 0; }
section.email[data-grade="A"] { border-left-color: #2e7d32; }
section.email[data-grade="B"] { border-left-color: #7cb342; }
section.email[data-grade="C"] { border-left-color: #f9a825; }
section.email[data-grade="D"] { border-left-color: #ef6c00; }
section.email[data-grade="F"] { border-left-color: #c62828; }
.meta, .points { color: #57606a; font-size: .9rem; margin: .2rem 0; overflow-wrap: anywhere; }
pre.draft { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; font-size: .95rem;
  background: #f6f8fa; border-radius: 4px; padding: .7rem .9rem; margin: .6rem 0; }
mark.finding { color: inherit; padding: 0; border-bottom: 2px solid transparent; }
mark.sev-error { background: rgba(198, 40, 40, .13); border-bottom-color: #c62828; }
mark.sev-warning { background: rgba(249, 168, 37, .2); border-bottom-color: #d4a017; }
mark.sev-info { background: rgba(9, 105, 218, .1); border-bottom-color: #0969da; }
mark.finding:empty::after { content: "\\25B2"; font-size: .7em; vertical-align: sub; }
ul.skipped li { overflow-wrap: anywhere; }
#grade-filter { border: 1px solid #d0d7de; border-radius: 6px; padding: .4rem .8rem; margin: 1rem 0; }
#grade-filter label { margin-right: .9rem; }
#filter-status { color: #57606a; margin-left: .5rem; }
@media print { #grade-filter { display: none; } section.email { break-inside: avoid; } }
"""

# Optional: filter the emails by grade (checkboxes, or a click on a histogram bar). The controls
# ship `hidden` and only this script shows them, so without JS the page is simply complete.
_SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("grade-filter");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("section.email, tr.email-row"));
  var status = document.getElementById("filter-status");
  var total = document.querySelectorAll("section.email").length;
  function apply() {
    var on = {};
    boxes.forEach(function (box) { on[box.value] = box.checked; });
    var shown = 0;
    items.forEach(function (item) {
      var visible = !!on[item.getAttribute("data-grade")];
      item.hidden = !visible;
      if (visible && item.tagName === "SECTION") { shown += 1; }
    });
    status.textContent = "showing " + shown + " of " + total + " emails";
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  var bars = document.querySelectorAll("#grade-histogram .bar[data-grade]");
  Array.prototype.forEach.call(bars, function (bar) {
    bar.addEventListener("click", function () {
      var grade = bar.getAttribute("data-grade");
      var only = boxes.every(function (box) { return box.checked === (box.value === grade); });
      boxes.forEach(function (box) { box.checked = only || box.value === grade; });
      apply();
    });
  });
  form.hidden = false;
  apply();
  document.body.setAttribute("data-ready", "1");
})();
"""


def _csp() -> str:
    """No network, no plugins, and no script but ours: the hash pins `_SCRIPT` byte for byte."""
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def _e(value: object) -> str:
    """Escape for text and quoted attributes alike (quote=True covers both quote characters)."""
    return escape(str(value), quote=True)


def render_grade_html(run: GradeRun) -> str:
    return "".join(stream_grade_html(run))


def stream_grade_html(run: GradeRun) -> Iterator[str]:
    """The whole page: summary, charts, breakdowns, skipped inputs, then the emails worst
    first (every one, up to `LISTED_EMAILS`) with their findings highlighted in their text.
    One pass over the emails gathers the summary and keeps the lowest-scored keys in a
    bounded heap; the index and the sections then read those emails back, one at a time."""
    aggregate = GradeAggregate()

    def keys() -> Iterator[tuple[Any, str, int]]:
        for index, email in enumerate(run.emails):
            aggregate.add(email)
            yield (email.report.score.value, email.email_id, index)

    order = [index for *_key, index in heapq.nsmallest(LISTED_EMAILS, keys())]
    summary = aggregate.summary(len(run.skipped))

    def ranked() -> Iterator[GradedEmail]:
        return (run.emails[i] for i in order)

    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp())}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="pitchlint">',
        "<title>pitchlint grade report</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>pitchlint grade report</h1>",
        f'<p class="lede" id="overview">{_overview(summary)}</p>',
        "</header>",
        '<section id="charts" aria-label="Charts">',
        '<div class="charts">',
        f"<figure><figcaption>Grades</figcaption>{grade_histogram_svg(summary['grades'])}</figure>",
        "<figure><figcaption>Most common smells (emails with the rule)</figcaption>"
        f"{rule_chart_svg(summary['rules'], summary['emails'])}</figure>",
        "</div>",
        "</section>",
        _breakdown_table("Templates", "templates", summary["templates"]),
        _breakdown_table("Senders", "senders", summary["senders"]),
        _skipped_section(run.skipped),
    ]
    yield "\n".join(p for p in head if p) + "\n"
    if order:
        yield from _email_index(ranked(), _listed_note(len(order), summary["emails"]))
    yield '<section id="emails">\n<h2>Emails, worst first</h2>\n' + _filter_form() + "\n"
    for number, email in enumerate(ranked(), 1):
        yield _email_section(number, email, _findings_of(email)) + "\n"
    yield "\n".join(["</section>", f"<script>{_SCRIPT}</script>", "</body>", "</html>"]) + "\n"


def _overview(summary: Mapping[str, Any]) -> str:
    total = summary["emails"]
    text = f"Graded {total} email{'s' if total != 1 else ''}"
    if summary["mean_score"] is not None:
        text += f", mean score {summary['mean_score']}"
    skipped = summary["skipped"]
    if skipped:
        text += f"; {skipped} input{'s' if skipped != 1 else ''} skipped"
    return _e(text + ".")


def grade_histogram_svg(grades: Mapping[str, int]) -> str:
    """One vertical bar per grade A-F, always all five (a zero bar says "none" rather than
    dropping the letter), heights relative to the largest count."""
    width, height, top, bottom, left = 340, 190, 22, 28, 16
    slot = (width - 2 * left) / len(GRADES)
    bar_width = slot * 0.62
    area = height - top - bottom
    peak = max([*grades.values(), 1])
    total = sum(grades.values())
    out = [
        f'<svg id="grade-histogram" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
        'aria-labelledby="grade-histogram-title">',
        f'<title id="grade-histogram-title">Emails per grade ({total} in all)</title>',
    ]
    for index, grade in enumerate(GRADES):
        count = int(grades.get(grade, 0))
        bar_height = area * count / peak
        x = left + index * slot + (slot - bar_width) / 2
        y = top + area - bar_height
        centre = x + bar_width / 2
        out.append(
            f'<rect class="bar grade-{_e(grade)}" data-grade="{_e(grade)}" data-count="{count}" '
            f'x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{bar_height:.1f}" '
            f'fill="{GRADE_COLOURS[grade]}" rx="2"><title>{_e(grade)}: {count} '
            f"email{'s' if count != 1 else ''}</title></rect>"
        )
        out.append(f'<text x="{centre:.1f}" y="{y - 5:.1f}" text-anchor="middle">{count}</text>')
        out.append(
            f'<text x="{centre:.1f}" y="{height - bottom + 18:.1f}" text-anchor="middle" '
            f'font-weight="700">{_e(grade)}</text>'
        )
    base = top + area
    out.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - left}" y2="{base}"/>')
    out.append("</svg>")
    return "".join(out)


def rule_chart_svg(rules: Sequence[Mapping[str, Any]], total: int) -> str:
    """Horizontal bars, one per rule, longest first (the order `summary()` gives), labelled with
    the number of emails and their share of the run."""
    row, top, gap = 22, 6, 8
    label_width = min(max([len(str(r["rule"])) for r in rules] + [8]) * 7 + 12, 280)
    bar_area = 220
    width = label_width + bar_area + 90
    height = top * 2 + max(len(rules), 1) * row
    out = [
        f'<svg id="rule-chart" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
        'aria-labelledby="rule-chart-title">',
        '<title id="rule-chart-title">Rules by number of emails they fired on</title>',
    ]
    if not rules:
        out.append(f'<text x="{gap}" y="{top + row * 0.7:.1f}">No findings.</text>')
    peak = max([int(r["emails"]) for r in rules] + [1])
    for index, item in enumerate(rules):
        rule, count = str(item["rule"]), int(item["emails"])
        y = top + index * row
        bar = max(bar_area * count / peak, 1.0)
        share = f"{100 * count / total:.0f}%" if total else ""
        out.append(
            f'<text x="{label_width - gap}" y="{y + row * 0.68:.1f}" text-anchor="end">{_e(rule)}</text>'
        )
        out.append(
            f'<rect class="bar rule-bar" data-rule="{_e(rule)}" data-count="{count}" '
            f'x="{label_width}" y="{y + 3}" width="{bar:.1f}" height="{row - 6}" rx="2">'
            f"<title>{_e(rule)}: {count} email{'s' if count != 1 else ''}</title></rect>"
        )
        out.append(
            f'<text x="{label_width + bar + 6:.1f}" y="{y + row * 0.68:.1f}">{count}'
            f"{f' ({share})' if share else ''}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def _breakdown_table(title: str, key: str, rows: Sequence[Mapping[str, Any]]) -> str:
    """Mean score and grade counts per template or sender; nothing at all when the run has no
    such data (an empty table only says the inputs had no column for it)."""
    if not rows:
        return ""
    head = "".join(f'<th class="num">{g}</th>' for g in GRADES)
    body = []
    for item in rows:
        grades = "".join(f'<td class="num">{int(item["grades"].get(g, 0))}</td>' for g in GRADES)
        body.append(
            f'<tr><td>{_e(item["name"])}</td><td class="num">{int(item["emails"])}</td>'
            f'<td class="num">{_e(item["mean_score"])}</td>{grades}</tr>'
        )
    return (
        f'<section id="{key}"><h2>{_e(title)}</h2>'
        f'<table class="breakdown" id="{key}-table"><thead><tr><th>{_e(title[:-1].lower())}</th>'
        f'<th class="num">emails</th><th class="num">mean score</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></section>"
    )


def _skipped_section(skipped: Sequence[Skipped]) -> str:
    if not skipped:
        return ""
    items = "".join(
        f'<li><code class="path">{_e(s.path)}</code>: <span class="reason">{_e(s.reason)}</span></li>'
        for s in skipped
    )
    return (
        f'<section id="skipped"><h2>Skipped inputs ({len(skipped)})</h2>'
        f'<ul class="skipped">{items}</ul></section>'
    )


def _listed_note(listed: int, total: int) -> str:
    if listed == total:
        return ""
    return (
        f'<p class="lede" id="listed">The {listed:,} lowest-scored of the {total:,} emails are listed; '
        "the charts and tables above count them all, and <code>--format csv</code> or "
        "<code>jsonl</code> has a row for every one.</p>"
    )


def _email_index(emails: Iterable[GradedEmail], note: str = "") -> Iterator[str]:
    """A table of contents: with hundreds of emails, the worst ones are one click away."""
    title = "All emails" if not note else "Lowest-scored emails"
    yield (
        f'<section id="index"><h2>{title}</h2>{note}<table id="email-index"><thead><tr><th>email</th>'
        '<th class="num">score</th><th>grade</th><th>top rules</th></tr></thead><tbody>'
    )
    for n, e in enumerate(emails, 1):
        yield (
            f'<tr class="email-row" data-grade="{_e(e.report.score.grade)}">'
            f'<td><a href="#email-{n}">{_e(e.email_id)}</a></td>'
            f'<td class="num">{e.report.score.value}</td>'
            f'<td><span class="badge badge-{_e(e.report.score.grade)}">{_e(e.report.score.grade)}</span></td>'
            f"<td>{_e(', '.join(e.top_rules()))}</td></tr>"
        )
    yield "</tbody></table></section>\n"


def _filter_form() -> str:
    boxes = "".join(
        f'<label><input type="checkbox" name="grade" value="{g}" checked> '
        f'<span class="badge badge-{g}">{g}</span></label>'
        for g in GRADES
    )
    return (
        f'<form id="grade-filter" hidden><span>Show grades:</span> {boxes}'
        '<span id="filter-status" aria-live="polite"></span></form>'
    )


def _findings_of(email: GradedEmail) -> tuple[Finding, ...]:
    """The email's findings in text order (batch-rule findings are already among them)."""
    return tuple(sorted(email.findings, key=lambda f: f.sort_key))


def _email_section(number: int, email: GradedEmail, findings: Sequence[Finding]) -> str:
    report = email.report
    score = report.score
    grade = _e(score.grade)
    meta = []
    if email.source and email.source != email.email_id:
        meta.append(f"source <code>{_e(email.source)}</code>")
    if email.template:
        meta.append(f"template <b>{_e(email.template)}</b>")
    if email.sender:
        meta.append(f"sender <b>{_e(email.sender)}</b>")
    counts = email.severity_counts()
    meta.append(", ".join(f"{n} {_e(sev)}{'s' if n != 1 else ''}" for sev, n in counts.items()))
    points = ", ".join(
        f"{_e(p.rule)} {'+' if p.bonus else '&minus;'}{abs(p.points):g}" for p in score.breakdown
    )
    out = [
        f'<section class="email" id="email-{number}" data-grade="{grade}" data-score="{score.value}">',
        f'<h3><span class="badge badge-{grade}">{grade}</span> <span class="score">{score.value}/100</span> '
        f'<code class="email-id">{_e(email.email_id)}</code></h3>',
        f'<p class="meta">{" &middot; ".join(meta)}</p>',
    ]
    if points:
        out.append(f'<p class="points">Points: {points}</p>')
    out.append(f'<pre class="draft">{highlight(report.draft.text, findings)}</pre>')
    if findings:
        out.append(_findings_table(findings))
    else:
        out.append('<p class="clean">No findings.</p>')
    out.append("</section>")
    return "\n".join(out)


def _findings_table(findings: Sequence[Finding]) -> str:
    rows = "".join(
        f'<tr class="finding-row sev-row-{_e(f.severity)}" data-rule="{_e(f.rule)}">'
        f'<td class="where">{f.line}:{f.col}</td>'
        f'<td class="sev sev-label-{_e(f.severity)}">{_e(f.severity)}</td>'
        f'<td><code class="rule">{_e(f.rule)}</code></td>'
        f'<td class="message">{_e(f.message)}</td><td class="advice">{_e(f.advice)}</td></tr>'
        for f in findings
    )
    return (
        '<table class="findings"><thead><tr><th>where</th><th>severity</th><th>rule</th>'
        f"<th>message</th><th>advice</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _open_tag(finding: Finding, number: int) -> str:
    return (
        f'<mark class="finding sev-{_e(finding.severity)}" data-rule="{_e(finding.rule)}" '
        f'data-finding="{number}" title="{_e(f"{finding.rule}: {finding.message}")}">'
    )


def highlight(text: str, findings: Iterable[Finding]) -> str:
    """`text`, escaped, with each finding wrapped in `<mark class="finding ...">`.

    Findings nest (a phrase inside a flagged sentence) and sometimes cross (two sentence-level
    rules ending at different words). Nested ones become nested marks; a crossing one is split
    into fragments, closed and reopened around the other's end, so the markup stays
    well-formed and every character a finding covers is still inside one of its marks (each
    fragment carries the same rule, title and `data-finding` number). Offsets are clipped to
    the text; an empty finding becomes an empty mark (CSS draws a caret there)."""
    size = len(text)
    spans: list[tuple[int, int, int, Finding]] = []
    for number, finding in enumerate(findings, 1):
        start = max(0, min(size, finding.start))
        end = max(start, min(size, finding.end))
        spans.append((start, end, number, finding))
    if not spans:
        return _e(text)
    points = sorted({0, size, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starting: dict[int, list[tuple[int, int, int, Finding]]] = {}
    for span in spans:
        starting.setdefault(span[0], []).append(span)
    out: list[str] = []
    stack: list[tuple[int, int, int, Finding]] = []  # open marks, outermost first
    position = 0
    for point in points:
        out.append(_e(text[position:point]))
        position = point
        # close every mark that ends here, and whatever was opened inside it (to reopen below)
        reopen: list[tuple[int, int, int, Finding]] = []
        first_ending = next((i for i, span in enumerate(stack) if span[1] == point), None)
        if first_ending is not None:
            closing = stack[first_ending:]
            del stack[first_ending:]
            out.append("</mark>" * len(closing))
            reopen = [span for span in closing if span[1] > point]
        new = starting.get(point, [])
        for span in (s for s in new if s[0] == s[1]):  # empty findings: a caret, nothing inside
            out.append(_open_tag(span[3], span[2]) + "</mark>")
        # longest first, so the outer mark is the one that stays open longest
        for span in sorted([*reopen, *(s for s in new if s[1] > s[0])], key=lambda s: (-s[1], s[2])):
            out.append(_open_tag(span[3], span[2]))
            stack.append(span)
    out.append(_e(text[position:]))
    out.append("</mark>" * len(stack))  # nothing is left open (every end is a point); belt and braces
    return "".join(out)
