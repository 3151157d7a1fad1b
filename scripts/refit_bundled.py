"""Refit the weights pitchlint ships (src/pitchlint/bundled-weights.yaml) to the folders of real
emails given (read in place, never copied), the way `pitchlint
calibrate` fits a team's: the same bounded, prior-pulled logistic fit, the seed table as a
constraint, each folder counting as much as the other. The prior is always the rule files'
hand-set weights (config `bundled-weights: false`), so the out-of-fold AUC printed is one the
fit earned on groups it did not see, however often this is run.

A rule whose fitted weight supports less than its severity is lowered to what the data
support, with a line in its `why` saying so (and replaced on the next refit). Its hand-set
weight moves with it (a finding at the new severity costs what it cost before), and the fit
is run again on the lowered rules, until no rule moves, so the weights shipped are fitted to
the severities shipped.

Usage: python scripts/refit_bundled.py FOLDER [FOLDER ...] [--dry-run] [--prior-strength X]
(e.g. ../shared/eval/dev ../shared/eval/real)
"""

from __future__ import annotations

import argparse
import re
import textwrap
from datetime import date
from pathlib import Path

from pitchlint.calibration import render
from pitchlint.calibration.model import severity_for
from pitchlint.calibration.run import Calibration, Options, calibrate
from pitchlint.config import Config
from pitchlint.engine import Engine
from pitchlint.fixer import write_atomic
from pitchlint.rules.schema import DEFAULT_WEIGHTS
from pitchlint.weights import BUNDLED_WEIGHTS

NOTE = "Calibration:"
MAX_ROUNDS = 4  # fit, lower, refit: rules lowered once are rarely lowered again
MIN_HITS = 10  # a rule seen on fewer emails is too rare for the fit to lower it


def demotions(result: Calibration) -> dict[str, tuple[str, float]]:
    """Rules whose fitted weight supports a lower severity than they declare."""
    rates = {r.rule: r for r in result.hit_rates}
    lowered = {}
    for term in result.terms:
        weight = result.fitted.weights[term.id]
        if term.positive or term.min_weight or rates[term.id].hits < MIN_HITS:
            continue  # a signal, a policy floor, or too rare for the data to say
        supported = severity_for(weight, term.severity)
        if supported != term.severity:
            lowered[term.id] = (supported, weight)
    return lowered


def note(rule: str, severity: str, weight: float, result: Calibration) -> str:
    rate = next(r for r in result.hit_rates if r.rule == rule)
    return (
        f"{NOTE} fitted to {len(result.emails)} real emails with known outcomes"
        f" ({date.today().isoformat()}), it fires on {rate.good:.0%} of the good and"
        f" {rate.bad:.0%} of the bad ones and earns a weight of {weight:g}, so it is"
        f" {'advice' if severity == 'info' else 'a warning'}, not more."
    )


def rewrite_rule(path: Path, severity: str, line: str) -> None:
    """Set the rule file's severity (scaling its hand-set weight to it) and put the
    calibration note as the last paragraph of its `why`, keeping every other byte of the
    file."""
    text = path.read_text(encoding="utf-8")
    declared = re.search(r"^severity: (\w+)", text, flags=re.M)
    weight = re.search(r"^weight: ([\d.]+)", text, flags=re.M)
    if declared is None or weight is None:
        raise SystemExit(f"{path}: no `severity:` or `weight:` line to lower")
    scaled = float(weight.group(1)) * DEFAULT_WEIGHTS[severity] / DEFAULT_WEIGHTS[declared.group(1)]
    text = re.sub(r"^weight: [\d.]+", f"weight: {round(scaled, 2):g}", text, count=1, flags=re.M)
    text = re.sub(r"^severity: \w+", f"severity: {severity}", text, count=1, flags=re.M)
    match = re.search(r"^why: >-?\n((?:  .*\n|\n)+?)(?=^\S)", text, flags=re.M)
    if match is None:
        raise SystemExit(f"{path}: no folded `why:` block to annotate")
    body = match.group(1).rstrip("\n").split("\n")
    earlier = next((i for i, ln in enumerate(body) if ln.strip().startswith(NOTE)), None)
    if earlier is not None:  # an earlier refit's note is its own last paragraph: replace it
        body = body[:earlier]
    while body and not body[-1].strip():
        body.pop()
    body.append("")
    wrapped = textwrap.wrap(line, width=96, initial_indent="  ", subsequent_indent="  ")
    text = text[: match.start(1)] + "\n".join([*body, *wrapped]) + "\n" + text[match.end(1) :]
    write_atomic(path, text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+", help="folders of labelled emails, e.g. ../shared/eval/dev")
    parser.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    parser.add_argument("--prior-strength", type=float, default=Options().prior_strength)
    args = parser.parse_args()
    inputs = list(args.folders)
    options = Options(prior_strength=args.prior_strength)
    for _round in range(MAX_ROUNDS):
        engine = Engine(Config(bundled_weights=False))
        result = calibrate(inputs, engine, options)
        lowered = demotions(result)
        for rule, (severity, weight) in sorted(lowered.items()):
            print(f"lower {rule} to {severity} (fitted weight {weight:g})")
        if args.dry_run or not lowered:
            break
        paths = {rule.id: Path(rule.path) for rule in engine.rules}
        for rule, (severity, weight) in lowered.items():
            rewrite_rule(paths[rule], severity, note(rule, severity, weight, result))
    print(render.render_text(result))
    if args.dry_run:
        return
    text = render.weights_file_text(result, inputs, severity=False)
    write_atomic(BUNDLED_WEIGHTS, text)
    print(f"wrote {BUNDLED_WEIGHTS}")


if __name__ == "__main__":
    main()
