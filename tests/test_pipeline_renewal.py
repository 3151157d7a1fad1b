"""spaCy adds every new word of a long run (a name, a figure) to the pipeline's vocabulary and
never lets it go. After `RENEW_AFTER` emails the engine lets the pipeline go, with the matchers
built on it, and the next chunk loads it afresh: the reports are the same as with one pipeline
throughout, and the vocabulary starts again from the model's."""

from __future__ import annotations

import itertools

import pytest

import pitchlint.engine
import pitchlint.nlp
import pitchlint.run
from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from tests.conftest import REPO

JUDGED = sorted((REPO / "tests" / "fixtures" / "judged").glob("*.txt"))


@pytest.fixture
def pipelines(monkeypatch: pytest.MonkeyPatch) -> list:
    """The pipeline each parse used, in order."""
    used: list = []
    parse = pitchlint.nlp.parse_drafts

    def noting(nlp, *args, **kwargs):  # type: ignore[no-untyped-def]
        used.append(nlp)
        return parse(nlp, *args, **kwargs)

    monkeypatch.setattr(pitchlint.nlp, "parse_drafts", noting)
    return used


def _reports(monkeypatch: pytest.MonkeyPatch, renew_after: int) -> list[tuple]:
    """What a run over the judged drafts in chunks of 2 reports."""
    monkeypatch.setattr(pitchlint.engine, "RENEW_AFTER", renew_after)
    monkeypatch.setattr(pitchlint.run, "CHUNK", 2)
    drafts = [parse_draft(p.read_text(encoding="utf-8"), p.name) for p in JUDGED]
    return [
        (r.score.value, [(f.rule, f.start, f.end, f.message, f.fix) for f in r.findings])
        for r in pitchlint.run.iter_check_drafts(Engine(Config()), drafts)
    ]


def test_a_renewed_pipeline_checks_every_draft_the_same(monkeypatch: pytest.MonkeyPatch, pipelines) -> None:
    once = _reports(monkeypatch, 10**9)
    assert len({id(nlp) for nlp in pipelines}) == 1
    pipelines.clear()
    renewed = _reports(monkeypatch, 4)
    renewals = sum(a is not b for a, b in itertools.pairwise(pipelines))
    assert renewals == 4  # 20 drafts, a pipeline let go after every 4
    assert renewed == once


def test_the_vocabulary_starts_again_from_the_models(monkeypatch: pytest.MonkeyPatch, pipelines) -> None:
    monkeypatch.setattr(pitchlint.engine, "RENEW_AFTER", 1)
    engine = Engine(Config())
    engine.check([parse_draft("Hi Sam,\n\nQwzxafel met Vlorpinth in Brandlequay.\n", "first.txt")])
    assert "Qwzxafel" in pipelines[-1].vocab.strings
    pitchlint.run.release_parses(engine)
    engine.check([parse_draft("Hi Sam,\n\nHello there.\n", "second.txt")])
    assert "Qwzxafel" not in pipelines[-1].vocab.strings
