"""Check that no evaluation email text has been copied into the repo.

The evaluation folders (../shared/eval/dev and real) hold other people's emails, to be read in
place and never copied. This lists every repo file (rules, code, tests, samples, README) that shares a run of
N words (default 8) with any of those emails, so an example written "after" a real email is
caught before it is committed. Stock phrasing the catalog itself names is allowed.

Usage: python scripts/eval_overlap.py --eval-dir PATH [--eval-dir PATH ...] [--words N]
Exit code 1 when a file shares a run that is not on the allow list.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ALLOWED = (
    "let me know if you have any questions",
    "thank you for your time and i look forward to hearing from you",
)
_WORD = re.compile(r"[a-z0-9']+")


def runs(text: str, n: int) -> set[str]:
    words = _WORD.findall(text.lower().replace("’", "'"))
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


FOLDERS = ("rules", "src", "tests", "samples", "benchmarks", "scripts")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--eval-dir", type=Path, action="append", required=True, help="e.g. ../shared/eval/dev"
    )
    parser.add_argument("--words", type=int, default=8)
    args = parser.parse_args()
    evaluation: set[str] = set()
    for path in (p for folder in args.eval_dir for p in folder.glob("*.txt")):
        evaluation |= runs(path.read_text(encoding="utf-8", errors="ignore"), args.words)
    files = [
        REPO / "README.md",
        *(
            p
            for d in ("rules", "src", "tests", "samples", "benchmarks", "scripts")
            for p in (REPO / d).rglob("*")
        ),
    ]
    found = 0
    for path in sorted(p for p in files if p.is_file() and p.suffix in (".yaml", ".py", ".txt", ".md")):
        shared = sorted(
            r
            for r in runs(path.read_text(encoding="utf-8", errors="ignore"), args.words) & evaluation
            if not any(r in allowed or allowed in r for allowed in ALLOWED)
        )
        if shared:
            found += 1
            print(f"{path.relative_to(REPO)}: {shared[:3]}")
    print(f"{found} file(s) share a {args.words}-word run with the evaluation emails")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
