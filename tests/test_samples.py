"""Every sample draft grades in the band samples/README.md gives it (good A/B, bad D/F)."""

from __future__ import annotations

import re

import pytest

from pitchlint.sources import read_draft

from .conftest import REPO

SAMPLES = REPO / "samples"
TABLE = re.findall(r"^\| `([^`]+)` \| ([A-F/]+) \|", (SAMPLES / "README.md").read_text("utf-8"), re.M)


def test_table_lists_every_sample():
    listed = {name for name, _ in TABLE}
    on_disk = {str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*") if p.is_file() and p.stem != "README"}
    assert listed == on_disk
    assert len(listed) >= 12


@pytest.mark.parametrize(("name", "band"), TABLE)
def test_sample_grade_band(engine, name, band):
    report = engine.check([read_draft(str(SAMPLES / name))])[0]
    assert report.score.grade in band.replace("/", ""), (name, report.score)
