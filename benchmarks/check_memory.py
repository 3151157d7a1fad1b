"""Peak memory of `pitchlint check` over a folder of templates as the folder grows (issue 20:
a pre-commit run over a big template repo must not grow with the number of files), or with
`--grade`, of `pitchlint grade --jobs 1 --format json -o FILE` over a folder of JSONL batches
of `--part` emails each (issue 18: a sent history is many exports, each under the per-file
`limits: bytes`; grade reads them a file at a time and keeps what it graded on disk).
Each size runs in its own process; the slope per email is what to read (the model is most of
the base, and the machine's noise moves the base, not the slope).

The emails are made from EVAL_DIR (read in place, never copied into the repo): each email
again with its own names and figures, one .txt file each (or one JSONL batch) in a temporary
folder.

Usage: python benchmarks/check_memory.py EVAL_DIR [--sizes 300,1200,2400] [--grade [--part 2000]
       [--select RULES]]
(PYTHONPATH=OTHER/src measures another checkout the same way, e.g. the one before a change.)
`--grade --select template-sameness` grades with that rule alone: what is left of a run is then
reading the inputs, the spills and the rule across emails, so 200,000 emails take minutes, not
hours, and whatever still grows with the run shows in the slope.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from grade_speed import grade_subprocess, make_corpus, write_jsonl  # a sibling script

WRAPPER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_of_check(folder: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `pitchlint check -q --no-cache` over the folder."""
    command = [sys.executable, "-m", "pitchlint", "check", "-q", "--no-cache", "--exit-zero", str(folder)]
    start = time.perf_counter()
    wrapped = [sys.executable, "-c", WRAPPER, *command]
    done = subprocess.run(wrapped, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(done.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--sizes", default="300,1200,2400")
    parser.add_argument("--grade", action="store_true", help="grade a folder of JSONL batches instead")
    parser.add_argument("--part", type=int, default=2000, help="emails per JSONL batch (--grade)")
    parser.add_argument("--select", help="grade with only these rules (--grade), e.g. template-sameness")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = make_corpus(args.eval_dir, max(sizes))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            if args.grade:
                batch = Path(tmp) / f"history-{size}"
                batch.mkdir()
                for start in range(0, size, args.part):
                    write_jsonl(rows[start : min(size, start + args.part)], batch, f"part-{start:07d}.jsonl")
                seconds, peak = grade_subprocess(batch, 1, select=args.select)
            else:
                seconds, peak = peak_of_check(_templates(rows[:size], Path(tmp) / f"templates-{size}"))
            results.append((size, peak))
            print(f"{size:>6,} emails: peak RSS {peak:6.0f} MB, {seconds:6.1f} s")
    (first, low), (last, high) = results[0], results[-1]
    print(f"growth: {(high - low) * 1024 / (last - first):.1f} KB per email from {first:,} to {last:,}")


def _templates(rows: list[dict[str, str]], folder: Path) -> Path:
    folder.mkdir()
    for row in rows:
        text = f"Subject: {row['subject']}\n\n{row['body']}\n"
        (folder / f"t{int(row['id']):06d}.txt").write_text(text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    main()
