"""The judged set (issue 16): 20 drafts written for this project across the smell families
(tests/fixtures/judged), each rewritten by `pitchlint rewrite`. The snapshot holds what the
user sees, the draft on stdout and the change log on stderr, as a person read and judged it;
a change to a move shows here as a diff to read again (refresh with
PITCHLINT_UPDATE_SNAPSHOTS=1). Beside the snapshot, what must hold for every draft: the
rewrite is idempotent, keeps every merge tag, never scores below the draft, and leaves an
email that grades A as sent still A as sent."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pitchlint.cli import cli
from pitchlint.draft import parse_draft
from pitchlint.fixer import as_sent_report, rewrite_draft
from pitchlint.mergetags import find_merge_tags
from tests.cli.test_sample_snapshots import _matches
from tests.conftest import REPO

JUDGED = sorted((REPO / "tests" / "fixtures" / "judged").glob("*.txt"))


def test_the_judged_set_is_twenty_drafts():
    assert len(JUDGED) == 20


@pytest.mark.parametrize("path", JUDGED, ids=[p.stem for p in JUDGED])
def test_judged_rewrite_matches_its_snapshot(path):
    relative = path.relative_to(REPO).as_posix()
    result = CliRunner().invoke(cli, ["rewrite", relative])
    assert result.exit_code == 0, result.output
    _matches(f"judged/{path.stem}.rewrite.txt", f"{result.stdout}\n--- stderr ---\n{result.stderr}")


@pytest.mark.parametrize("path", JUDGED, ids=[p.stem for p in JUDGED])
def test_judged_rewrite_keeps_what_it_must(engine, path):
    text = path.read_text(encoding="utf-8")
    draft = parse_draft(text, str(path))
    (before,) = engine.check([draft])
    outcome = rewrite_draft(engine, draft)
    after = outcome.draft.text
    assert rewrite_draft(engine, outcome.draft).draft.text == after  # idempotent
    assert [text[s:e] for s, e in find_merge_tags(text) if "{{" in text[s:e]] == [
        after[s:e] for s, e in find_merge_tags(after) if "{{" in after[s:e]
    ]
    assert outcome.report.score.value >= before.score.value
    if as_sent_report(engine, draft).score.grade == "A":
        assert as_sent_report(engine, outcome.draft).score.grade == "A"
