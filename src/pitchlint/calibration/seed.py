"""The seed table: the founding documents' own grades (catalog section 3), which any weights
must keep. Samples A and B grade F, Sample C grades D and not below them ("fractionally
better"), Seth Godin's note grades A or B, and the "Ashley" vendor email grades F."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pitchlint.score import Score

SEED_GRADES = {"sample-a": "F", "sample-b": "F", "sample-c": "D", "godin": "AB", "ashley": "F"}
_ORDER = "ABCDF"


@functools.cache
def seed_dir() -> Path:
    """The seed emails shipped in the wheel, or tests/fixtures/seed in a source checkout."""
    packaged = Path(__file__).resolve().parents[1] / "_seed"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "seed"


def band_points(letters: str, grades: Mapping[str, float]) -> tuple[float, float]:
    """The points a grade band spans, a point inside each edge ("D": 46 to 59 by default)."""
    order = "ABCDF"
    worst, best = max(letters, key=order.index), min(letters, key=order.index)
    low = 0.0 if worst == "F" else grades[worst] + 1
    high = 100.0 if best == "A" else grades[order[order.index(best) - 1]] - 1
    return low, high


def seed_paths() -> dict[str, Path]:
    return {name: seed_dir() / f"{name}.txt" for name in SEED_GRADES}


@dataclass(frozen=True)
class SeedCheck:
    name: str
    score: int
    grade: str
    wanted: str
    ok: bool


def check_seed_table(scores: Mapping[str, Score]) -> list[SeedCheck]:
    """Each seed email against its band; Sample C also against Samples A and B."""
    checks = []
    c = scores["sample-c"]
    for name, wanted in SEED_GRADES.items():
        score = scores[name]
        ok = score.grade in wanted
        if name == "sample-c":
            for other in ("sample-a", "sample-b"):
                ok &= c.value >= scores[other].value
                ok &= _ORDER.index(c.grade) <= _ORDER.index(scores[other].grade)
        checks.append(SeedCheck(name, score.value, score.grade, wanted, ok))
    return checks
