"""What `pitchlint calibrate` prints (text or JSON) and the weights file it writes."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

from pitchlint.calibration.model import severity_for
from pitchlint.calibration.run import Calibration
from pitchlint.calibration.seed import SeedCheck
from pitchlint.calibration.weights_file import render_weights_file


def _auc(value: float) -> str:
    return "  n/a" if math.isnan(value) else f"{value:.3f}"


def _interval(pair: tuple[float, float]) -> str:
    low, high = pair
    return "" if math.isnan(low) else f"[{low:.2f}, {high:.2f}]"


def render_text(result: Calibration) -> str:
    good = int(result.good.sum())
    bad = len(result.emails) - good
    cross = result.cross_validated
    out = [
        f"{len(result.emails)} labelled emails ({good} good, {bad} bad) in {len(set(result.groups))} groups"
        + (f"; {result.unknown} without a known label left out" if result.unknown else ""),
        "",
        "AUC: the chance that a good email scores above a bad one (0.5 is a coin toss). The fitted",
        "column is cross-validated: each email is scored by weights fitted without its group.",
        f"{'':34} {'good':>5} {'bad':>5}  {'weights in use':22} {'fitted, out of fold':22}",
        f"{'all':34} {good:5} {bad:5}  {_auc(result.current_auc)} {_interval(result.current_interval):16} "
        f"{_auc(cross.auc)} {_interval(result.fitted_interval)}",
    ]
    if len(result.collections) > 1:
        for item in result.collections:
            out.append(
                f"{item.name[-34:]:34} {item.good:5} {item.bad:5}  "
                f"{_auc(item.current_auc)} {_interval(item.current_interval):16} "
                f"{_auc(item.fitted_auc)} {_interval(item.fitted_interval)}"
            )
    out += ["", "Rules: the share of good and of bad emails each fires on, and the weight fitted to them"]
    out.append(
        f"{'rule':30} {'severity':8} {'good':>5} {'bad':>5} {'bad/good':>8} {'p':>6}  "
        f"{'verdict':24} {'weight':>6} -> fitted"
    )
    terms = {t.id: t for t in result.terms}
    for rate in sorted(result.hit_rates, key=lambda r: (-r.ratio, r.rule)):
        term = terms[rate.rule]
        fitted = result.fitted.weights[rate.rule]
        sign = "+" if term.positive else ""
        out.append(
            f"{rate.rule:30} {term.severity:8} {rate.good:5.0%} {rate.bad:5.0%} {rate.ratio:8.2f} "
            f"{rate.p_value:6.3f}  {rate.verdict(term.positive):24} "
            f"{sign}{term.weight:6g} -> {sign}{fitted:g}"
        )
    out += ["", "Seed table (the founding documents' own grades), weights in use -> fitted:"]
    for now, then in zip(result.seed_current, result.seed_fitted, strict=True):
        out.append(f"  {now.name:10} want {now.wanted:3} {_seed(now)}  ->  {_seed(then)}")
    return "\n".join(out) + "\n"


def _seed(check: SeedCheck) -> str:
    return f"{check.score:3} {check.grade} {'ok' if check.ok else 'MISSED'}"


def render_json(result: Calibration) -> str:
    data: dict[str, Any] = {
        "emails": len(result.emails),
        "good": int(result.good.sum()),
        "bad": int((~result.good).sum()),
        "unknown": result.unknown,
        "groups": len(set(result.groups)),
        "auc": {
            "current": _number(result.current_auc),
            "current_interval": [_number(x) for x in result.current_interval],
            "fitted_cross_validated": _number(result.cross_validated.auc),
            "fitted_interval": [_number(x) for x in result.fitted_interval],
            "repeats": [_number(x) for x in result.cross_validated.aucs],
        },
        "collections": [
            {
                "name": c.name,
                "good": c.good,
                "bad": c.bad,
                "current_auc": _number(c.current_auc),
                "fitted_auc": _number(c.fitted_auc),
                "current_interval": [_number(x) for x in c.current_interval],
                "fitted_interval": [_number(x) for x in c.fitted_interval],
            }
            for c in result.collections
        ],
        "rules": [
            {
                "rule": r.rule,
                "good": round(r.good, 4),
                "bad": round(r.bad, 4),
                "p_value": round(r.p_value, 4),
                "verdict": r.verdict(),
                "weight": t.weight,
                "fitted_weight": result.fitted.weights[r.rule],
                "positive": t.positive,
            }
            for r, t in zip(result.hit_rates, result.terms, strict=True)
        ],
        "seed_table": [
            {
                "name": a.name,
                "want": a.wanted,
                "current": [a.score, a.grade],
                "fitted": [b.score, b.grade],
                "ok": b.ok,
            }
            for a, b in zip(result.seed_current, result.seed_fitted, strict=True)
        ],
    }
    return json.dumps(data, indent=2) + "\n"


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)


def weights_file_text(result: Calibration, inputs: list[str], *, severity: bool = True) -> str:
    """The fitted weights, and (with `severity`) the severity each rule's weight supports where
    that is less than it declares, with a header saying what they were fitted on and how well
    they do."""
    good = int(result.good.sum())
    lowered = {}
    for term in result.terms if severity else ():
        supported = severity_for(result.fitted.weights[term.id], term.severity)
        if not term.positive and supported != term.severity:
            lowered[term.id] = supported
    total, groups = len(result.emails), len(set(result.groups))
    header = [
        f"Fitted by `pitchlint calibrate` on {date.today().isoformat()}: {total} labelled emails",
        f"({good} good, {total - good} bad, {groups} groups) from {', '.join(inputs)}.",
        f"AUC with the weights in use: {_auc(result.current_auc)}; with these, cross-validated by group: "
        f"{_auc(result.cross_validated.auc)} {_interval(result.fitted_interval)}.",
        "Load it from config: weights-file: <this file>. Weights in config itself win over these.",
    ]
    return render_weights_file(result.fitted.weights, lowered, header)
