"""`pitchlint rewrite` on real email: the labelled drafts of EVAL_DIR (e.g. ../shared/eval/dev), read in place
(never copied into the repository).

For every draft it checks what the property tests check on generated drafts (rewriting twice
changes nothing more, no merge tag is lost, no doubled space or stray " ," / " ." is added, no
crash) and prints how the score moves: the mean before and after, and how many got worse.

Usage: python scripts/rewrite_check.py EVAL_DIR   (e.g. ../shared/eval/dev)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.fixer import rewrite_draft
from pitchlint.mergetags import find_merge_tags


def problems_in(text: str, once: str, twice: str) -> list[str]:
    found = []
    if twice != once:
        found.append("not idempotent")
    if any(text[s:e] not in once for s, e in find_merge_tags(text)):
        found.append("lost a merge tag")
    for mark in ("  ", " ,", " ."):
        if once.count(mark) > text.count(mark):
            found.append(f"added {mark!r}")
    return found


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))
    engine = Engine()
    before, after, bad = [], [], 0
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        draft = parse_draft(text, str(path))
        try:
            (report,) = engine.check([draft])
            once = rewrite_draft(engine, draft)
            twice = rewrite_draft(engine, once.draft)
        except Exception as exc:  # a crash is a finding of this script, not its end
            bad += 1
            print(f"{path.name}: crashed: {exc!r}")
            continue
        issues = problems_in(text, once.draft.text, twice.draft.text)
        if issues:
            bad += 1
            print(f"{path.name}: {', '.join(issues)}")
        before.append(report.score.value)
        after.append(once.report.score.value)
    seconds = time.perf_counter() - start
    pairs = list(zip(before, after, strict=True))
    worse = sum(1 for b, a in pairs if a < b)
    same = sum(1 for b, a in pairs if a == b)
    print(
        f"drafts: {len(files)}, with problems: {bad}, {seconds:.0f} s ({len(files) / seconds:.1f} drafts/s)"
    )
    print(
        f"score before: mean {statistics.mean(before):.1f}; after rewrite: mean {statistics.mean(after):.1f}"
    )
    print(f"worse after rewrite: {worse}; unchanged: {same}")


if __name__ == "__main__":
    main()
