"""Opening rules (catalog 2-7) working together: which rule owns a sentence, severities by
position, and params a user can turn. The YAML examples judge each rule alone."""

from __future__ import annotations

import dataclasses

import pytest

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.findings import Severity
from pitchlint.rules.loader import bundled_rules_dir, load_rules

RULES = load_rules([bundled_rules_dir()])
OPENINGS = (
    "clickbait-promise",
    "insulting-generic-opener",
    "company-first-opening",
    "slow-to-the-point",
    "logic-first-opening",
    "empty-pleasantry-opener",
    "hype-superlatives",
)


def findings(text: str, select: tuple[str, ...] = OPENINGS, **params: dict) -> list[tuple[str, str]]:
    config = dataclasses.replace(Config(), select=select, params=params)
    (report,) = Engine(config, rules=RULES).check([parse_draft(text, "<draft>")])
    return [(f.rule, f.matched) for f in report.findings]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("My name is Priya and I work with companies in your space.", "company-first-opening"),
        ("Hi Sam,\n\nHope this email finds you well.\n", "empty-pleasantry-opener"),
    ],
)
def test_one_rule_owns_the_opening_sentence(text, owner):
    """slow-to-the-point stays quiet where another opening rule is the better diagnosis."""
    fired = [rule for rule, _ in findings(text)]
    assert fired == [owner]


def test_slow_defers_to_company_first_even_when_company_first_is_not_selected():
    text = "My name is Priya and I work with companies in your space."
    assert findings(text, select=("slow-to-the-point",)) == []


def test_clickbait_leaves_transform_the_way_to_hype_superlatives():
    text = "Hello Dave, In less than 3 minutes (link deleted), transform the way you think about sales."
    found = findings(text)
    assert ("clickbait-promise", "In less than 3 minutes") in found
    assert ("hype-superlatives", "transform the way") in found
    spans = [matched for _, matched in found]
    assert len(spans) == len(set(spans)), "the same words reported by two rules"


def test_clickbait_judges_transform_the_way_in_the_subject():
    found = findings("Subject: Transform the way you close\n\nHi Sam,\n\nOur tool closes books.\n")
    assert ("clickbait-promise", "Transform the way") in found


@pytest.mark.parametrize(("index", "severity"), [(0, Severity.ERROR), (1, Severity.WARNING)])
def test_insulting_opener_is_an_error_in_sentence_one_and_a_warning_in_sentence_two(index, severity):
    sentences = ["We help fintech startups.", "Teams like yours usually waste hours on manual KYC checks."]
    if index == 0:
        sentences.reverse()
    text = "Hi Sam,\n\n" + " ".join(sentences) + "\n"
    config = dataclasses.replace(Config(), select=("insulting-generic-opener",))
    (report,) = Engine(config, rules=RULES).check([parse_draft(text, "<draft>")])
    (finding,) = report.findings
    assert finding.severity == severity


def test_generic_statements_can_be_left_alone():
    text = "Hi Sam,\n\nCybersecurity is one of the most important parts of running a company.\n"
    assert findings(text, select=("slow-to-the-point",))
    off = {"flag_generic_statements": False}
    assert findings(text, select=("slow-to-the-point",), **{"slow-to-the-point": off}) == []


def test_company_first_reads_the_configured_seller_name():
    text = "---\ncompany: Ledgerline\n---\nHi Sam,\n\nLedgerline has served retailers for over 20 years.\n"
    fired = [rule for rule, _ in findings(text, select=("company-first-opening",))]
    assert fired == ["company-first-opening"]
    text = "Hi Sam,\n\nOhio has taxed marketplace sales for over 20 years.\n"
    assert findings(text, select=("company-first-opening",)) == []


def test_opening_rules_skip_a_salutation_the_draft_parser_missed():
    text = "To whom it may concern,\n\nWe’re called XYZ. We sell tax software.\n"
    assert [r for r, _ in findings(text, select=("company-first-opening",))] == ["company-first-opening"]
