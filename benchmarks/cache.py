"""How much the results cache saves a pre-commit run over a repository of 200 templates.

Prints, in one run (each command a fresh process, as pre-commit runs it; warm timings are the
median of 3):
  - a cold check of one file (no cache: loading the pipeline dominates);
  - a cold check of all 200 (fills the cache; the baseline for the ratios);
  - a warm run with nothing changed (target: under 0.5 s);
  - a run with one template changed.

Usage: python benchmarks/cache.py [--templates 200]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def make_templates(folder: Path, count: int) -> list[Path]:
    sources = sorted((REPO / "samples").rglob("*.txt"))
    paths = []
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        path = folder / f"template-{i:03d}.txt"
        path.write_text(text.rstrip("\n") + f"\n\nRef {i}\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pitchlint", *args], cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--templates", type=int, default=200)
    count = parser.parse_args().templates
    folder = Path(tempfile.mkdtemp(prefix="pitchlint-cache-"))
    try:
        paths = make_templates(folder, count)
        one = timed(["check", "--no-cache", paths[0].name], folder)
        cold = timed(["check", "."], folder)
        warm = statistics.median(timed(["check", "."], folder) for _ in range(3))
        changed = []
        for n in range(3):
            paths[n].write_text(paths[n].read_text(encoding="utf-8") + "Thanks.\n", encoding="utf-8")
            changed.append(timed(["check", "."], folder))
        one_changed = statistics.median(changed)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"templates: {count}")
    print(f"cold check, 1 file (no cache):        {one:6.2f} s")
    print(f"cold check, {count} files (fills cache):  {cold:6.2f} s   (baseline)")
    print(
        f"warm check, nothing changed:          {warm:6.2f} s   {cold / warm:5.1f}x faster (target < 0.5 s)"
    )
    print(f"check with 1 file changed:            {one_changed:6.2f} s   {cold / one_changed:5.1f}x faster")


if __name__ == "__main__":
    main()
