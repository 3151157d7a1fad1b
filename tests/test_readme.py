"""The README's rule table is generated from the rule files and must stay in sync."""

from __future__ import annotations

from pitchlint.docs import README_END, README_START, rules_table

from .conftest import REPO


def test_readme_rule_table_is_current(rules):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(README_START) + len(README_START) : readme.index(README_END)]
    assert block.strip() == rules_table(rules).strip(), (
        "README rule table is stale: run `pitchlint rules --markdown` and paste it between the markers"
    )
