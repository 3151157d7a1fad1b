"""Every sample draft grades in the band samples/README.md gives it (good A/B, bad D/F)."""

from __future__ import annotations

import re

import pytest

from pitchlint.sources import read_draft
from tests.conftest import REPO

SAMPLES = REPO / "samples"
README = (SAMPLES / "README.md").read_text("utf-8")
TABLE = re.findall(r"^\| `([^`]+)` \| ([A-F/]+) \|", README, re.M)
BATCHES = [(name, int(count)) for name, count in re.findall(r"^\| `([^`]+)` \| (\d+) \|", README, re.M)]


def test_table_lists_every_sample():
    listed = {name for name, _ in TABLE} | {name for name, _ in BATCHES}
    on_disk = {str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*") if p.is_file() and p.stem != "README"}
    assert listed == on_disk
    assert len(listed) >= 12


@pytest.mark.parametrize(("name", "band"), TABLE)
def test_sample_grade_band(engine, name, band):
    report = engine.check([read_draft(str(SAMPLES / name))])[0]
    assert report.score.grade in band.replace("/", ""), (name, report.score)


def test_batch_samples_read_as_many_emails_as_listed():
    from pitchlint.inputs.load import load_inputs

    for name, count in BATCHES:
        loaded = load_inputs([str(SAMPLES / name)])
        assert (len(loaded.emails), loaded.skipped) == (count, []), name
