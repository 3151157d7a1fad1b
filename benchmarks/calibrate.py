"""Grade the real emails in ../shared/eval/dev and report how well the score separates the
source's own good and bad verdicts (AUC), per-rule firing rates, and grade bands.

The emails are other people's text: they are read from ../shared at run time, never copied.
It also grades the seed samples (catalog section 3) against their expected bands, so a change
that helps the real emails and breaks the founding documents' own grades shows in one run.

Usage: python benchmarks/calibrate.py [--eval-dir PATH] [--show-rule RULE]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from pitchlint.draft import DraftError, parse_draft
from pitchlint.engine import Engine
from pitchlint.sources import read_draft

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
SEED_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed"
# the seed table (catalog section 3): Samples A, B F; C D; Godin A or B; Ashley F band
SEED_BANDS = {"sample-a": "F", "sample-b": "F", "sample-c": "D", "godin": "AB", "ashley": "F"}


def load(eval_dir: Path):  # type: ignore[no-untyped-def]
    labels = {}
    with (eval_dir / "SOURCES.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            verdict = row["stated_judgment"].split(" ", 1)[0]
            touch = 2 if row["sequence_position"].startswith("follow") else 1
            labels[row["file"]] = (verdict, touch, row["kind"])
    drafts, verdicts, kinds = [], [], []
    for name, (verdict, touch, kind) in sorted(labels.items()):
        if verdict not in ("good", "bad"):
            continue
        text = (eval_dir / name).read_text(encoding="utf-8")
        try:
            draft = parse_draft(text, name)
        except DraftError as exc:
            print(f"skipped {exc}", file=sys.stderr)
            continue
        import dataclasses

        draft = dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, touch=touch))
        drafts.append(draft)
        verdicts.append(verdict)
        kinds.append(kind)
    return drafts, verdicts, kinds


def auc(good: list[float], bad: list[float]) -> float:
    """Probability that a random good email scores above a random bad one (ties count half)."""
    wins = sum((g > b) + 0.5 * (g == b) for g in good for b in bad)
    return wins / (len(good) * len(bad))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--show-rule", default=None, help="print each match of this rule")
    args = parser.parse_args()
    drafts, verdicts, kinds = load(args.eval_dir)
    engine = Engine()
    reports = engine.check(drafts)
    good = [r for r, v in zip(reports, verdicts, strict=True) if v == "good"]
    bad = [r for r, v in zip(reports, verdicts, strict=True) if v == "bad"]
    print(f"emails: {len(good)} good, {len(bad)} bad")
    print(
        "AUC (score separates good from bad): "
        f"{auc([r.score.value for r in good], [r.score.value for r in bad]):.3f}"
    )
    share_ab = sum(r.score.grade in "AB" for r in good) / len(good)
    share_df = sum(r.score.grade in "DF" for r in bad) / len(bad)
    print(f"good graded A/B: {share_ab:.0%}   bad graded D/F: {share_df:.0%}")
    print(f"grades good: {dict(sorted(Counter(r.score.grade for r in good).items()))}")
    print(f"grades bad:  {dict(sorted(Counter(r.score.grade for r in bad).items()))}")
    rows = list(zip(reports, verdicts, kinds, strict=True))
    for kind in sorted(set(kinds)):
        g = [r.score.value for r, v, k in rows if k == kind and v == "good"]
        b = [r.score.value for r, v, k in rows if k == kind and v == "bad"]
        mean = sum(g + b) / len(g + b)
        detail = f"AUC {auc(g, b):.3f}" if g and b else "one verdict only"
        print(f"  source kind {kind:14} {len(g):3} good {len(b):3} bad  mean score {mean:5.1f}  {detail}")
    print(f"\n{'rule':32} {'sev':8} {'good':>6} {'bad':>6}  flag")
    severities = {r.id: r.spec.severity for r in engine.rules}
    for rule in sorted(severities, key=lambda r: (severities[r], r)):
        on_good = sum(any(f.rule == rule for f in r.findings) for r in good) / len(good)
        on_bad = sum(any(f.rule == rule for f in r.findings) for r in bad) / len(bad)
        severe = any(f.rule == rule and str(f.severity) == "error" for r in good for f in r.findings)
        flag = "TOO LOOSE (error on >10% good)" if severe and on_good > 0.10 else ""
        if on_good > on_bad:
            flag = (flag + " fires more on good than bad").strip()
        print(f"{rule:32} {severities[rule]:8} {on_good:6.0%} {on_bad:6.0%}  {flag}")
    print("\nseed table (catalog section 3):")
    names = list(SEED_BANDS)
    seeds = engine.check([read_draft(str(SEED_DIR / f"{n}.txt")) for n in names])
    for name, report in zip(names, seeds, strict=True):
        ok = "ok" if report.score.grade in SEED_BANDS[name] else f"WANT {SEED_BANDS[name]}"
        print(f"  {name:10} {report.score.value:5.1f} {report.score.grade}  {ok}")
    if args.show_rule:
        for report, verdict in zip(reports, verdicts, strict=True):
            for f in report.findings:
                if f.rule == args.show_rule:
                    print(
                        f"{verdict:4} {report.draft.path}:{f.line}:{f.col} {f.severity} {f.matched[:100]!r}"
                    )


if __name__ == "__main__":
    main()
