"""`pitchlint serve`: a page on 127.0.0.1 to paste a draft (or drop an .eml or HTML file) and
see its grade, findings in place with their rule's docs, one-click fixes and the rewrite
beside it, plus the JSON endpoints the page uses (POST /check, /rewrite, /explain; GET
/rules/ID) for scripts.

Nothing leaves the machine. A draft's text is never markup: the page builds every node with
`textContent`, and the Content-Security-Policy allows only the page's own script and style,
so a `<script>` or `<img onerror>` in a draft shows as text and cannot run.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pitchlint import run
from pitchlint.editor.session import Checked, Session
from pitchlint.findings import Finding
from pitchlint.report import Report

MAX_REQUEST_BYTES = 2_000_000  # a pasted draft or a dropped .eml; a config's limits may be lower
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
    " base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_STATIC = {
    "/": ("page.html", "text/html; charset=utf-8"),
    "/page.js": ("page.js", "text/javascript; charset=utf-8"),
    "/page.css": ("page.css", "text/css; charset=utf-8"),
}


class BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def build_app(session: Session) -> Starlette:
    async def static(request: Request) -> Response:
        name, media = _STATIC[request.url.path]
        body = resources.files("pitchlint.editor").joinpath("static", name).read_bytes()
        return Response(body, media_type=media, headers=_headers())

    async def check(request: Request) -> Response:
        return await _answer(request, lambda text, name: _check_json(session, session.check(name, text)))

    async def rewrite(request: Request) -> Response:
        return await _answer(request, lambda text, name: _rewrite_json(session, name, text))

    async def explain(request: Request) -> Response:
        return await _answer(request, lambda text, name: _explain_json(session, name, text))

    async def rule_doc(request: Request) -> Response:
        rule_id = request.path_params["rule_id"]
        doc = session.rule_doc(session.config_for(""), rule_id)
        if doc is None:
            return JSONResponse({"error": f"unknown rule {rule_id!r}"}, status_code=404, headers=_headers())
        return JSONResponse({"id": rule_id, "doc": doc}, headers=_headers())

    routes = [Route(path, static, methods=["GET"]) for path in _STATIC]
    routes += [
        Route("/rules/{rule_id}", rule_doc, methods=["GET"]),
        Route("/check", check, methods=["POST"]),
        Route("/rewrite", rewrite, methods=["POST"]),
        Route("/explain", explain, methods=["POST"]),
    ]
    return Starlette(routes=routes)


def _headers() -> dict[str, str]:
    return {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }


async def _answer(request: Request, work: Any) -> Response:
    try:
        text, name = await _draft_of(request)
        body = work(text, name)
    except BadRequest as exc:
        return JSONResponse({"error": str(exc)}, status_code=exc.status, headers=_headers())
    return JSONResponse(body, headers=_headers())


async def _draft_of(request: Request) -> tuple[str, str]:
    """`{"text": ..., "name": "draft.txt"}` from a JSON body of bounded size; the name's
    suffix picks the reader (.eml, .html, .md, .txt), and only its base name is used."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
        raise BadRequest(413, f"request over {MAX_REQUEST_BYTES:,} bytes")
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_REQUEST_BYTES:
            raise BadRequest(413, f"request over {MAX_REQUEST_BYTES:,} bytes")
    try:
        data = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest(400, 'the body must be JSON: {"text": "...", "name": "draft.txt"}') from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise BadRequest(400, "`text` (a string) is required")
    name = data.get("name", "draft.txt")
    if not isinstance(name, str):
        raise BadRequest(400, "`name` must be a string")
    base = name.replace("\\", "/").rsplit("/", 1)[-1] or "draft.txt"
    return data["text"], base


def _utf16(text: str, offset: int) -> int:
    """A character offset as the page's JavaScript counts (UTF-16 code units)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def _finding_json(report: Report, finding: Finding, checked: Checked) -> dict[str, Any]:
    """A finding located in the draft's text (the highlights), its fix as edits of the file
    the page holds (the same text for a plain draft; an HTML template's markup)."""
    text, source = report.draft.text, report.draft.source_text
    fix = None
    placed = checked.file_edits(finding)
    if finding.fix is not None and placed is not None:
        fix = {
            "title": finding.fix.title,
            "applicability": str(finding.fix.applicability),
            "edits": [
                {"start": _utf16(source, e.start), "end": _utf16(source, e.end), "content": e.content}
                for e in placed
            ],
        }
    return {
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
        "advice": finding.advice,
        "matched": finding.matched,
        "line": finding.line,
        "col": finding.col,
        "start": _utf16(text, finding.start),
        "end": _utf16(text, finding.end),
        "positive": finding.positive,
        "fix": fix,
    }


def _report_json(report: Report, checked: Checked) -> dict[str, Any]:
    score = report.score
    return {
        "id": report.draft.label,
        "text": report.draft.text,  # the text the offsets index: the extracted text of an .eml or HTML
        "score": score.value,
        "grade": score.grade,
        "breakdown": [{"rule": p.rule, "points": p.points, "count": p.count} for p in score.breakdown],
        "findings": [_finding_json(report, f, checked) for f in report.findings],
    }


def _check_json(session: Session, checked: Checked) -> dict[str, Any]:
    return {
        "name": checked.path,
        "editable": checked.fixable,  # fixes edit what the page holds (an HTML file in its markup)
        "plain": checked.plain,  # the file is the draft's text: a rewrite can replace it
        "reports": [_report_json(r, checked) for r in checked.reports],
        "skipped": [s.reason for s in checked.skipped],
        "fixed": session.fix_all(checked),
    }


def _rewrite_json(session: Session, name: str, text: str) -> dict[str, Any]:
    from pitchlint.fixer import as_sent_report, rewrite_draft, score_after, unified_diff
    from pitchlint.mergetags import count_placeholders

    checked = session.check(name, text)
    engine = run.engine_for(checked.config)
    results = []
    for report in checked.reports:
        outcome = rewrite_draft(engine, report.draft)
        as_sent = as_sent_report(engine, outcome.draft).score
        placeholders = count_placeholders(outcome.draft.text)
        results.append(
            {
                "before": report.draft.text,
                "after": outcome.draft.text,
                "score_before": {"score": report.score.value, "grade": report.score.grade},
                "score_after": {"score": outcome.report.score.value, "grade": outcome.report.score.grade},
                "score_as_sent": {"score": as_sent.value, "grade": as_sent.grade},
                "placeholders": placeholders,
                "score_after_text": score_after(as_sent, outcome.report.score, placeholders),
                "changes": [{"rule": c.rule, "title": c.title} for c in outcome.changes],
                "diff": unified_diff(report.draft.label, report.draft.text, outcome.draft.text),
            }
        )
    return {"name": name, "rewrites": results, "skipped": [s.reason for s in checked.skipped]}


def _explain_json(session: Session, name: str, text: str) -> dict[str, Any]:
    from pitchlint.explain import explain_data

    checked = session.check(name, text)
    engine = run.engine_for(checked.config)
    drafts = [r.draft for r in checked.reports]
    return {
        "name": name,
        "drafts": [explain_data(report, analysis) for report, analysis in engine.inspect(drafts)],
        "skipped": [s.reason for s in checked.skipped],
    }


LOOPBACK = ("127.0.0.1", "::1", "localhost")


def serve(session: Session, host: str, port: int, *, open_browser: bool = False) -> None:
    import threading
    import webbrowser

    import uvicorn

    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    print(f"pitchlint: serving {url} (nothing leaves this machine; Ctrl-C stops)", flush=True)
    uvicorn.run(build_app(session), host=host, port=port, log_level="warning")
