"""`insulting-generic-opener` (rules/opening/insulting-generic-opener.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

import dataclasses

import pytest

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.findings import Severity
from tests.rules.helpers import BUNDLED


@pytest.mark.parametrize(("index", "severity"), [(0, Severity.ERROR), (1, Severity.WARNING)])
def test_insulting_opener_is_an_error_in_sentence_one_and_a_warning_in_sentence_two(index, severity):
    sentences = ["We help fintech startups.", "Teams like yours usually waste hours on manual KYC checks."]
    if index == 0:
        sentences.reverse()
    text = "Hi Sam,\n\n" + " ".join(sentences) + "\n"
    config = dataclasses.replace(Config(), select=("insulting-generic-opener",))
    (report,) = Engine(config, rules=BUNDLED).check([parse_draft(text, "<draft>")])
    (finding,) = report.findings
    assert finding.severity == severity
