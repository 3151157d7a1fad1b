"""The `regex` kind (src/pitchlint/kinds/regex.py) through the real engine: cases in order,
per-case touch and severity, runs merged within a zone, the closing window, quiet patterns and
facts, the zone unit, config overrides checked as the file is, and a user's own regex rule."""

from __future__ import annotations

import dataclasses

import pytest

from pitchlint.config import Config, ConfigError
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.errors import RuleError
from pitchlint.findings import Severity
from pitchlint.rules.loader import load_rules

DISCOUNT_RULE = """\
id: discount-pressure
summary: Flags discount pressure.
severity: error
kind: regex
closing_sentences: 2
closing_skip_patterns: ['^\\W*best\\b']
quiet_patterns: ['\\bas you asked\\b']
cases:
  - patterns: ['\\bdiscount ends\\b']
    detail: ' (a deadline)'
  - when: follow-up
    severity: warning
    merge_runs: true
    patterns: ['\\bspots? left\\b', '\\blimited\\b']
message: 'Pressure: "{match}"{detail}'
why: w
advice: a
fix: {title: Cut it, applicability: safe}
examples:
  bad:
    - text: "Hi Sam,\\n\\nOur tool files returns. The discount ends Friday.\\n"
      match: discount ends
  good:
    - "Hi Sam,\\n\\nThe discount ends Friday, as you asked. We file returns.\\n"
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    root = tmp_path_factory.mktemp("pack")
    (root / "custom").mkdir()
    (root / "custom" / "discount-pressure.yaml").write_text(DISCOUNT_RULE, encoding="utf-8")
    return load_rules([root])


def _findings(rules, text, **params):
    config = dataclasses.replace(Config(), params={"discount-pressure": params} if params else {})
    (report,) = Engine(config, rules=rules).check([parse_draft(text, "d.txt")])
    return [f for f in report.findings if f.rule == "discount-pressure"]


def test_a_users_regex_rule_reports_with_its_case_detail(pack):
    (finding,) = _findings(pack, "Hi Sam,\n\nOur tool files returns. The discount ends Friday.\n")
    assert finding.matched == "discount ends"
    assert finding.message == 'Pressure: "discount ends" (a deadline)'
    assert finding.severity == Severity.ERROR
    assert finding.fix is not None


def test_only_the_closing_counts_and_skipped_lines_do_not_use_it_up(pack):
    early = "Hi Sam,\n\nThe discount ends Friday. We file returns. We file in 46 states.\n\nBest,\nLiam\n"
    assert _findings(pack, early) == []  # three sentences before the sign-off: outside the last two
    late = "Hi Sam,\n\nWe file returns. The discount ends Friday.\n\nBest regards,\nLiam\n"
    assert [f.matched for f in _findings(pack, late)] == ["discount ends"]


def test_a_quiet_pattern_anywhere_keeps_the_rule_quiet(pack):
    assert _findings(pack, "Hi Sam,\n\nAs you asked: the discount ends Friday.\n") == []


def test_a_case_waits_for_its_touch_and_merges_adjacent_sentences(pack):
    text = "---\ntouch: 2\n---\nHi Sam,\n\nOnly 3 spots left. Seating is limited.\n"
    (finding,) = _findings(pack, text)
    assert finding.matched == "spots left. Seating is limited"
    assert finding.severity == Severity.WARNING
    first_touch = "Hi Sam,\n\nOnly 3 spots left. Seating is limited.\n"
    assert _findings(pack, first_touch) == []


def test_the_first_case_with_a_hit_judges_the_sentence(pack):
    text = "---\ntouch: 2\n---\nHi Sam,\n\nThe discount ends Friday, with 3 spots left.\n"
    (finding,) = _findings(pack, text)
    assert (finding.matched, finding.severity) == ("discount ends", Severity.ERROR)


def test_a_config_override_replaces_a_field_and_is_checked(pack, tmp_path):
    text = "Hi Sam,\n\nOur tool files returns. The rebate ends Friday.\n"
    assert _findings(pack, text) == []
    overridden = _findings(pack, text, cases=[{"patterns": [r"\brebate ends\b"]}])
    assert [f.matched for f in overridden] == ["rebate ends"]
    with pytest.raises(ConfigError, match=r"params\.discount-pressure\.cases.*regular expression"):
        _findings(pack, text, cases=[{"patterns": ["(unclosed"]}])
    with pytest.raises(ConfigError, match=r"params\.discount-pressure\.closing_sentence.*did you mean"):
        _findings(pack, text, closing_sentence=3)


def test_a_bad_case_in_a_rule_file_names_file_line_and_field(tmp_path):
    (tmp_path / "custom").mkdir()
    broken = DISCOUNT_RULE.replace("merge_runs: true", "merge_run: true")
    (tmp_path / "custom" / "discount-pressure.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rules([tmp_path])
    message = str(error.value)
    assert "discount-pressure.yaml:" in message and "merge_run" in message


def _subject_findings(engine, text):
    (report,) = engine.check([parse_draft(text, "d.txt")])
    return [f for f in report.findings if f.rule == "fake-reply-subject"]


@pytest.fixture(scope="module")
def subject_engine(rules):
    return Engine(dataclasses.replace(Config(), select=("fake-reply-subject",)), rules=rules)


def test_zone_unit_severity_by_touch_and_no_fix_that_empties_the_subject(subject_engine):
    (stacked,) = _subject_findings(subject_engine, "Subject: (Re: Re: Re: Re;)\n\nHi Dave,\n")
    assert stacked.fix is None  # deleting it would leave "()": advice, not an edit
    (prefixed,) = _subject_findings(subject_engine, "Subject: Re: Re: Quick question\n\nHi Dave,\n")
    assert prefixed.fix is not None and prefixed.message.endswith(" on a first email")
    follow = '---\ntouch: 2\nsubject: "{}"\n---\nHi Sam,\n'
    assert _subject_findings(subject_engine, follow.format("Re: 15 minutes?")) == []
    (forward,) = _subject_findings(subject_engine, follow.format("Fwd: 15 minutes?"))
    assert forward.severity == Severity.WARNING
    (restacked,) = _subject_findings(subject_engine, follow.format("Re: Fwd: 15 minutes?"))
    assert (restacked.severity, restacked.matched) == (Severity.ERROR, "Re: Fwd: ")


def test_every_quiet_fact_the_schema_allows_has_a_reader():
    from typing import get_args

    from pitchlint.kinds.regex import QUIET_FACTS
    from pitchlint.rules.schema import QuietFact

    assert set(get_args(QuietFact)) == set(QUIET_FACTS)
