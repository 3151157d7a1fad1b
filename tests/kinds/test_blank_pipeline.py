"""With no trained spaCy pipeline, a rule either works on the bare text (its bad examples
still fire) or is skipped and named: none runs on a bare Doc and silently finds nothing."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

import pitchlint.nlp
from pitchlint.checks import check
from pitchlint.cli import cli
from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.rules.loader import bundled_rules_dir, load_rules
from pitchlint.rules.schema import COLLECTION_KINDS
from tests.conftest import REPO

RULES = [r for r in load_rules([bundled_rules_dir()]) if r.kind not in COLLECTION_KINDS]
ROOT = REPO
SKIPPED = "no trained spaCy pipeline installed: skipped"


@pytest.fixture
def no_trained_pipeline(monkeypatch):
    monkeypatch.setattr(pitchlint.nlp, "resolve_model", lambda name: None)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_is_skipped_or_still_works(no_trained_pipeline, rule):
    engine = Engine(dataclasses.replace(Config(), select=(rule.id,)))
    drafts = [
        parse_draft(example.text, f"<{rule.id} bad {i}>") for i, example in enumerate(rule.spec.examples.bad)
    ]
    reports = engine.check(drafts)
    skipped = any(
        n.startswith("no trained spaCy pipeline installed: skipped") and rule.id in n for n in engine.notices
    )
    if rule.requires:
        assert skipped, f"{rule.id} needs {sorted(rule.requires)} but was not skipped"
    else:
        missed = [r.draft.path for r in reports if not any(f.rule == rule.id for f in r.findings)]
        assert not missed, f"{rule.id} declares no parse but misses {missed} without one: declare `requires`"


def test_check_names_every_skipped_rule(no_trained_pipeline):
    """samples/bad/feature-dump.txt graded F with the pipeline; without it, the rules that
    would have judged it are named, not quietly passed."""
    result = CliRunner().invoke(
        cli, ["check", "--no-cache", str(ROOT / "samples" / "bad" / "feature-dump.txt")]
    )
    (notice,) = [line for line in result.stderr.splitlines() if "no trained spaCy pipeline" in line]
    named = set(notice.split("skipped ", 1)[1].split(", "))
    assert {"feature-dumping", "process-over-outcome", "self-focus-ratio"} <= named
    assert named == {r.id for r in RULES if r.requires}


CLAIMS_NO_PARSE = """\
id: claims-no-parse
summary: A test rule whose code reads clauses while its file says it needs no parse.
severity: warning
kind: python
requires: []
message: "x"
why: Tests that reading the parse on a bare Doc is caught.
advice: None.
examples:
  bad: []
  good: []
"""


@check("claims-no-parse")
def _claims_no_parse(ctx, rule):
    for clause in ctx.analysis.clauses:
        yield ctx.finding(rule, clause.verb.idx, clause.verb.idx + len(clause.verb))


def test_reading_the_parse_on_a_bare_doc_is_caught_not_silent(no_trained_pipeline, tmp_path):
    (tmp_path / "pack" / "test").mkdir(parents=True)
    (tmp_path / "pack" / "test" / "claims-no-parse.yaml").write_text(CLAIMS_NO_PARSE, encoding="utf-8")
    rules = load_rules([bundled_rules_dir(), tmp_path / "pack"])
    engine = Engine(dataclasses.replace(Config(), select=("claims-no-parse",)), rules)
    (report,) = engine.check([parse_draft("We built a platform.\n", "<t>")])
    assert not report.findings
    assert engine.notices == [
        "rule claims-no-parse reads the parse but its rule file says `requires: []`: skipped"
    ]
