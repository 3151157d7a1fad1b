"""The cache entry of the rules across files is written a line at a time as the run takes
each result (so it is never held whole): it is in place only once the last result is taken.
A run stopped part way, or a cache folder that cannot be written, leaves no entry and loses
no result."""

from __future__ import annotations

from pathlib import Path

from pitchlint.cache import ResultsCache
from pitchlint.draft import parse_draft
from pitchlint.score import Score

DRAFTS = [
    parse_draft(f"Hi {name},\n\nWe cut filing time for teams like yours.\n", f"{name}.txt") for name in "abc"
]
RESULTS = [(i, (), Score(90 - i, "A", (), {})) for i in range(3)]


def test_the_entry_comes_back_as_it_was_put(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, "context")
    assert list(cache.putting_across(DRAFTS, iter(RESULTS), "")) == RESULTS
    assert list(cache.get_across(DRAFTS, "") or ()) == RESULTS
    assert cache.get_across(DRAFTS, "another sequence file") is None


def test_a_run_stopped_part_way_leaves_no_entry(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, "context")
    passing = cache.putting_across(DRAFTS, iter(RESULTS), "")
    assert next(passing) == RESULTS[0]
    passing.close()  # the run stopped: an error in a reporter, Ctrl-C
    assert cache.get_across(DRAFTS, "") is None
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_cache_folder_that_cannot_be_made_still_passes_every_result_on(tmp_path: Path) -> None:
    (tmp_path / ".pitchlint_cache").write_text("not a folder", encoding="utf-8")
    cache = ResultsCache(tmp_path, "context")
    assert list(cache.putting_across(DRAFTS, iter(RESULTS), "")) == RESULTS
    assert cache.get_across(DRAFTS, "") is None
