"""`pitchlint explain`: how pitchlint read a draft, so a surprising finding can be debugged.

Vale's users cannot see why a part-of-speech rule fired. Here every judgement the rules build
on is shown: zones, sentences, each clause's subject and agency, each question's class, asks
and gives, hedges, merge tags, metrics, and which rules fired where.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from pitchlint.analysis import Analysis
from pitchlint.analysis.core import is_question
from pitchlint.analysis.hedges import has_evidence
from pitchlint.analysis.spans import trim
from pitchlint.draft import Draft
from pitchlint.report import Report
from pitchlint.wording import clip

_WIDTH = 72


def explain_data(report: Report, analysis: Analysis) -> dict[str, Any]:
    """Everything the rules saw in one draft, as plain data (the JSON form of `explain`)."""
    draft = report.draft
    meta = draft.meta
    asks = {a.sentence.start: a for a in analysis.asks}
    gives = {g.sentence.start: g for g in analysis.gives}
    return {
        "path": draft.path,
        "meta": {
            "touch": meta.touch,
            "relationship": meta.relationship,
            "reply": meta.is_reply,
            "sender": meta.sender,
            "company": meta.company,
            "products": list(meta.products),
        },
        "zones": [
            {
                "zone": z.name,
                **_where(draft, _first_char(draft, z.start, z.end)),
                "text": clip(draft.text[z.start : z.end], _WIDTH),
            }
            for z in draft.zones
            if draft.text[z.start : z.end].strip()
        ],
        "sentences": [
            _sentence(draft, analysis, s, i, asks.get(s.start), gives.get(s.start))
            for i, s in enumerate(analysis.body_sentences, 1)
        ],
        "asks": [
            {"kind": a.kind, **_where(draft, a.start), "text": draft.text[a.start : a.end]}
            for a in asks.values()
        ],
        "gives": [{"kind": g.kind, **_where(draft, trim(g.sentence).start_char)} for g in gives.values()],
        "merge_tags": [{"tag": draft.text[s:e], **_where(draft, s)} for s, e in draft.merge_tags],
        "metrics": report.score.metrics,
        "findings": [
            {"rule": f.rule, "severity": str(f.severity), "line": f.line, "col": f.col, "matched": f.matched}
            for f in report.findings
        ],
        "score": {"value": report.score.value, "grade": report.score.grade},
    }


def _sentence(
    draft: Draft, analysis: Analysis, sent: Span, index: int, ask: Any, give: Any
) -> dict[str, Any]:
    span = trim(sent)
    main = {c.verb.i: c for c in analysis.clauses}  # main clauses carry "it" back to its referent
    return {
        "index": index,
        **_where(draft, span.start_char),
        "zone": draft.zone_at(span.start_char),
        "text": clip(span.text, _WIDTH),
        "clauses": [
            {
                "verb": c.verb.text,
                "subject": c.subject.text if c.subject is not None else ("(you)" if c.imperative else None),
                "agency": c.agency,
                "main": c.main,
                **({"service": True} if c.service else {}),
            }
            for c in (main.get(c.verb.i, c) for c in analysis.all_clauses)
            if c.sentence == sent
        ],
        "question": _question(analysis, sent),
        "hedges": [t.text for t in analysis.hedges.get(sent.start, ())],
        "evidence": has_evidence(sent),
        "ask": ask.kind if ask is not None else None,
        "give": give.kind if give is not None else None,
    }


def _question(analysis: Analysis, sent: Span) -> str | None:
    kind = analysis.question_kind(sent)
    return kind if kind != "other" or is_question(sent) else None


def render_text(data: dict[str, Any]) -> str:
    """The human form: one block per part of the reading, in the order the engine works."""
    out = [f"{data['path']}  (touch {data['meta']['touch']}, {data['meta']['relationship']})", "", "zones:"]
    out += [f"  {z['zone']:<12} {z['line']}:{z['col']:<6} {z['text']}" for z in data["zones"]]
    out += ["", "sentences (body and P.S.; agency of each clause's subject):"]
    for s in data["sentences"]:
        out.append(f"  [{s['index']}] {s['line']}:{s['col']}  {s['text']}")
        for c in s["clauses"]:
            role = "main" if c["main"] else "sub"
            extra = ", offers help" if c.get("service") else ""
            out.append(f"        {c['verb']!r} <- {c['subject']!r}: {c['agency']} ({role}{extra})")
        tags = [
            f"question: {s['question']}" if s["question"] else "",
            f"ask: {s['ask']}" if s["ask"] else "",
            f"give: {s['give']}" if s["give"] else "",
            f"hedges: {', '.join(s['hedges'])}" if s["hedges"] else "",
            "evidence" if s["evidence"] else "",
        ]
        if any(tags):
            out.append("        " + "; ".join(t for t in tags if t))
    out += ["", "asks:" + ("" if data["asks"] else " none")]
    out += [f"  {a['kind']:<9} {a['line']}:{a['col']:<6} {a['text']}" for a in data["asks"]]
    out += ["gives:" + ("" if data["gives"] else " none")]
    out += [f"  {g['kind']:<12} {g['line']}:{g['col']}" for g in data["gives"]]
    out += ["merge tags:" + ("" if data["merge_tags"] else " none")]
    out += [f"  {m['tag']}  {m['line']}:{m['col']}" for m in data["merge_tags"]]
    out += ["", "metrics: " + ", ".join(f"{k} {v:g}" for k, v in data["metrics"].items())]
    out += ["", "findings:" + ("" if data["findings"] else " none")]
    out += [
        f"  {f['line']}:{f['col']:<6} {f['severity']:<8} {f['rule']}  {clip(f['matched'], _WIDTH)}"
        for f in data["findings"]
    ]
    out += ["", f"score: {data['score']['value']}/100, grade {data['score']['grade']}"]
    return "\n".join(out) + "\n"


def _first_char(draft: Draft, start: int, end: int) -> int:
    text = draft.text[start:end]
    return start + len(text) - len(text.lstrip())


def _where(draft: Draft, offset: int) -> dict[str, int]:
    line, col = draft.line_col(offset)
    return {"line": line, "col": col}
