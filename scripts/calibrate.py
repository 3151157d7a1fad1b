"""Grade folders of real emails with verdicts (read in place, never copied) and
report, per folder, how well the score separates the sources' own good and bad verdicts (AUC),
the grade bands, and each rule's firing rate on good and on bad email. Follow-ups are graded
as follow-ups (SOURCES.tsv's sequence_position). It also grades the seed table.

This measures the weights in use. `pitchlint calibrate` measures fitted weights out of fold;
`scripts/refit_bundled.py` refits the bundled ones.

Usage: python scripts/calibrate.py FOLDER [FOLDER ...] [--show-rule RULE]
(e.g. ../shared/eval/dev ../shared/eval/real)
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from pitchlint.calibration import model
from pitchlint.calibration.run import Options, load_labelled
from pitchlint.calibration.seed import SEED_GRADES, check_seed_table, seed_paths
from pitchlint.engine import Engine
from pitchlint.sources import read_draft


def report_folder(engine: Engine, folder: str, show_rule: str | None) -> None:
    emails, unknown, _skipped = load_labelled([folder], Options())
    reports = engine.check([e.email.draft for e in emails])
    good = np.array([e.good for e in emails], dtype=bool)
    scores = [r.score.value for r in reports]
    print(f"\n== {folder}: {int(good.sum())} good, {int((~good).sum())} bad ({unknown} unknown left out)")
    low, high = model.bootstrap_interval(scores, good, [e.group for e in emails])
    print(f"AUC {model.auc(scores, good):.3f}  95% interval by group bootstrap [{low:.2f}, {high:.2f}]")
    grades = [r.score.grade for r in reports]
    print(
        f"good graded A/B: {np.mean([g in 'AB' for g, ok in zip(grades, good, strict=True) if ok]):.0%}   "
        f"bad graded D/F: {np.mean([g in 'DF' for g, ok in zip(grades, good, strict=True) if not ok]):.0%}"
    )
    print(
        f"grades good: {dict(sorted(Counter(g for g, ok in zip(grades, good, strict=True) if ok).items()))}"
    )
    bad_grades = Counter(g for g, ok in zip(grades, good, strict=True) if not ok)
    print(f"grades bad:  {dict(sorted(bad_grades.items()))}")
    severities = {r.id: r.spec.severity for r in engine.per_email_rules}
    positive = {r.id for r in engine.per_email_rules if r.spec.positive}
    print(f"{'rule':32} {'sev':8} {'good':>6} {'bad':>6}  verdict")
    for rate in sorted(model.hit_rates(reports, good, sorted(severities)), key=lambda r: (-r.ratio, r.rule)):
        verdict = rate.verdict(rate.rule in positive)
        print(f"{rate.rule:32} {severities[rate.rule]:8} {rate.good:6.0%} {rate.bad:6.0%}  {verdict}")
    if show_rule:
        for email, report in zip(emails, reports, strict=True):
            for f in report.findings:
                if f.rule == show_rule:
                    verdict = "good" if email.good else "bad "
                    where = f"{Path(report.draft.path).name}:{f.line}:{f.col}"
                    print(f"{verdict} {where} {f.severity} {f.matched[:100]!r}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+", help="folders of labelled emails, e.g. ../shared/eval/dev")
    parser.add_argument("--show-rule", default=None, help="print each match of this rule")
    args = parser.parse_args()
    engine = Engine()
    for folder in args.folders:
        report_folder(engine, folder, args.show_rule)
    print("\nseed table (catalog section 3):")
    seeds = dict(
        zip(seed_paths(), engine.check([read_draft(str(p)) for p in seed_paths().values()]), strict=True)
    )
    for check in check_seed_table({n: r.score for n, r in seeds.items()}):
        verdict = "ok" if check.ok else f"WANT {SEED_GRADES[check.name]}"
        print(f"  {check.name:10} {check.score:5} {check.grade}  {verdict}")


if __name__ == "__main__":
    main()
