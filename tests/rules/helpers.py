"""What the rule tests share: the bundled rules loaded once, and findings of a few rules on one
draft judged together (the YAML examples judge each rule alone)."""

from __future__ import annotations

import dataclasses

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.rules.loader import bundled_rules_dir, load_rules

BUNDLED = load_rules([bundled_rules_dir()])
# the rules that judge a draft's first sentences, and so compete for them
OPENINGS = (
    "clickbait-promise",
    "insulting-generic-opener",
    "company-first-opening",
    "slow-to-the-point",
    "logic-first-opening",
    "empty-pleasantry-opener",
    "hype-superlatives",
)


def findings_in(engine: Engine, text: str, *rules: str):  # type: ignore[no-untyped-def]
    """The findings of `rules` (all, when none named) when `engine` checks `text`."""
    (report,) = engine.check([parse_draft(text, "<test>")])
    return [f for f in report.findings if not rules or f.rule in rules]


def opening_findings(text: str, select: tuple[str, ...] = OPENINGS, **params: dict) -> list[tuple[str, str]]:
    """(rule, matched) of the selected rules run together, with params per rule id."""
    config = dataclasses.replace(Config(), select=select, params=params)
    (report,) = Engine(config, rules=BUNDLED).check([parse_draft(text, "<draft>")])
    return [(f.rule, f.matched) for f in report.findings]
