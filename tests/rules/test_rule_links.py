"""Rules that defer to or read another rule do it through the engine, by declaration:
`yields_to` (an overlap is reported once, by the rule named) and `reads` (another rule's
findings on the same draft, judged with its own params)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pitchlint.checks import check
from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.errors import RuleError
from pitchlint.rules.loader import bundled_rules_dir, load_rules

FLATTERY = "Hi Ana,\n\nI'm a huge fan of your podcast too.\n"


def _rules(engine: Engine, text: str) -> list[str]:
    (report,) = engine.check([parse_draft(text, "<test>")])
    return [f.rule for f in report.findings]


def _select(*rules: str, ignore: tuple[str, ...] = ()) -> Engine:
    return Engine(dataclasses.replace(Config(), select=rules, ignore=ignore))


def test_an_overlap_is_reported_once_by_the_rule_yielded_to():
    assert _rules(_select("brown-nosing", "hollow-common-ground"), FLATTERY) == ["brown-nosing"]


def test_a_rule_yielded_to_that_is_off_leaves_the_finding_to_the_other():
    assert _rules(_select("hollow-common-ground"), FLATTERY) == ["hollow-common-ground"]


def test_a_finding_elsewhere_in_the_draft_is_not_yielded():
    text = "Hi Ana,\n\nLoved your keynote at SaaStr. Fellow Slideshare enthusiast here!\n"
    found = _rules(_select("brown-nosing", "hollow-common-ground"), text)
    assert sorted(set(found)) == ["brown-nosing", "hollow-common-ground"]


SIMPLE = """\
id: {id}
summary: A test rule.
severity: warning
kind: python
message: "x"
why: Tests rule links.
advice: None.
{extra}
examples:
  bad: []
  good: []
"""


def _pack(tmp_path: Path, **rules: str) -> list[Path]:
    folder = tmp_path / "pack" / "test"
    folder.mkdir(parents=True)
    for rule_id, extra in rules.items():
        (folder / f"{rule_id}.yaml").write_text(SIMPLE.format(id=rule_id, extra=extra), encoding="utf-8")
    return [bundled_rules_dir(), tmp_path / "pack"]


@check("reads-creepy-undeclared")
def _reads_undeclared(ctx, rule):
    ctx.findings_of("creepy-personal-reference")
    return iter(())


@check("reads-creepy-declared")
def _reads_declared(ctx, rule):
    for finding in ctx.findings_of("creepy-personal-reference"):
        yield ctx.finding(rule, finding.start, finding.end)


def test_reading_another_rule_needs_a_declaration(tmp_path):
    folders = _pack(tmp_path, **{"reads-creepy-undeclared": ""})
    engine = Engine(dataclasses.replace(Config(), select=("reads-creepy-undeclared",)), load_rules(folders))
    with pytest.raises(LookupError, match=r"no `reads: \[creepy-personal-reference\]`"):
        engine.check([parse_draft("Hi Ana,\n\nCongrats on the new baby!\n", "<t>")])


def test_a_declared_read_gets_the_other_rules_findings_even_when_it_is_not_selected(tmp_path):
    folders = _pack(tmp_path, **{"reads-creepy-declared": "reads: [creepy-personal-reference]"})
    engine = Engine(dataclasses.replace(Config(), select=("reads-creepy-declared",)), load_rules(folders))
    assert _rules(engine, "Hi Tom,\n\nI noticed your wife is passionate about stained glass.\n") == [
        "reads-creepy-declared"
    ]
    assert _rules(engine, "Hi Tom,\n\nI noticed your team is hiring two controllers.\n") == []


@pytest.mark.parametrize(
    ("extra", "field", "problem"),
    [
        ("yields_to: [no-such-rule]", "yields_to", "no rule 'no-such-rule' in the rule set"),
        ("yields_to: [link-a]", "yields_to", "a rule cannot name itself"),
        ("reads: [brown-nosing, no-such-rule]", "reads", "no rule 'no-such-rule' in the rule set"),
    ],
)
def test_a_link_to_a_rule_that_is_not_there_names_the_file_line_and_field(tmp_path, extra, field, problem):
    folders = _pack(tmp_path, **{"link-a": extra})
    with pytest.raises(RuleError) as error:
        Engine(Config(), load_rules(folders))
    assert error.value.path.endswith("link-a.yaml")
    assert error.value.line == 8 and error.value.field == field
    assert problem in error.value.problem


def test_reads_that_form_a_loop_are_refused(tmp_path):
    folders = _pack(tmp_path, **{"link-a": "reads: [link-b]", "link-b": "reads: [link-a]"})
    with pytest.raises(RuleError, match="reads form a loop"):
        Engine(Config(), load_rules(folders))
