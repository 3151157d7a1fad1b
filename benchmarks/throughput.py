"""Drafts per second through pitchlint's engine, against a bare `nlp.pipe` over the full
trained pipeline measured in the same run (these machines are noisy: compare the ratio).

Usage: python benchmarks/throughput.py [--copies N]   (corpus: samples/ repeated N times)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from pitchlint.engine import Engine
from pitchlint.inputs.load import load_drafts
from pitchlint.nlp import resolve_model

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=25)
    args = parser.parse_args()
    drafts = load_drafts([str(SAMPLES)])[0] * args.copies
    texts = [d.text for d in drafts]
    engine = Engine()
    engine.check(drafts[:2])  # load the pipeline before timing
    bare = spacy.load(resolve_model(None))
    list(bare.pipe(texts[:2]))

    start = time.perf_counter()
    list(bare.pipe(texts, batch_size=64))
    bare_seconds = time.perf_counter() - start
    start = time.perf_counter()
    engine.check(drafts)
    ours_seconds = time.perf_counter() - start

    print(f"corpus: {len(drafts)} drafts, {sum(len(t) for t in texts):,} characters")
    print(f"bare nlp.pipe (full pipeline): {len(drafts) / bare_seconds:7.1f} drafts/s")
    print(f"pitchlint check (all rules):   {len(drafts) / ours_seconds:7.1f} drafts/s")
    print(f"ratio pitchlint / bare parse:  {bare_seconds / ours_seconds:7.2f}x the speed")


if __name__ == "__main__":
    main()
