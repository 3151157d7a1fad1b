"""Time to check one draft as it grows: linear work doubles with the length, so each ratio
against the smallest draft (measured in the same run) should stay near the length ratio. The
drafts are generated here from a few invented sentences, up to the default character limit.

Usage: python benchmarks/long_drafts.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import time

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.limits import DEFAULT_CHARACTERS

SENTENCES = [
    "We file sales tax returns for online stores in every state.",
    "Your Q3 filing added 14 new states.",
    "Our platform offers 40+ integrations, SSO and audit logs.",
    "Would you like to see the Ohio table?",
    "I noticed your team opened a warehouse in Reno.",
    "Just checking in on my last email.",
]
SIZES = (DEFAULT_CHARACTERS // 8, DEFAULT_CHARACTERS // 4, DEFAULT_CHARACTERS // 2, DEFAULT_CHARACTERS)


def draft_text(characters: int, rng: random.Random) -> str:
    body: list[str] = []
    while sum(len(s) + 1 for s in body) < characters:
        body.append(rng.choice(SENTENCES))
    paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
    return "Hi Sam,\n\n" + "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs per size")
    args = parser.parse_args()
    engine = Engine(Config())
    engine.check([parse_draft("Hi Sam,\n\nWhat changed in your Q3 plans?\n")])  # load the pipeline
    rng = random.Random(0)
    drafts = {size: parse_draft(draft_text(size, rng)) for size in SIZES}
    times = {}
    for size, draft in drafts.items():
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            engine.check([draft])
            best = min(best, time.perf_counter() - start)
        times[size] = best
    base = SIZES[0]
    print(f"{'characters':>10} {'seconds':>8} {'length x':>8} {'time x':>7}")
    for size in SIZES:
        print(f"{size:>10,} {times[size]:8.2f} {size / base:8.1f} {times[size] / times[base]:7.1f}")


if __name__ == "__main__":
    main()
