"""The README's rule table is generated from the rule files and must stay in sync."""

from __future__ import annotations

from pitchlint.docs import README_END, README_START, rules_table
from tests.conftest import REPO


def test_readme_rule_table_is_current(rules):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(README_START) + len(README_START) : readme.index(README_END)]
    assert block.strip() == rules_table(rules).strip(), (
        "README rule table is stale: run `pitchlint rules --markdown` and paste it between the markers"
    )


def _console_block(readme: str, command: str) -> list[str]:
    start = readme.index(f"$ {command}\n") + len(command) + 3
    return [line for line in readme[start : readme.index("```", start)].splitlines() if line != "..."]


def test_readme_console_examples_are_real_output():
    """The tour, the explain excerpt and the rewrites are pasted output; they must still be
    what the tool prints."""
    import subprocess

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in (
        "pitchlint check samples/bad/feature-dump.txt",
        "pitchlint explain samples/bad/feature-dump.txt",
        "pitchlint rewrite tests/fixtures/seed/sample-a.txt",
        "pitchlint rewrite tests/fixtures/seed/sample-b.txt",
        "pitchlint grade samples/batch --worst 5",
    ):
        real = subprocess.run(command.split(), capture_output=True, text=True, cwd=REPO).stdout.splitlines()
        shown = _console_block(readme, command)
        assert shown and all(line in real for line in shown), f"README output of `{command}` is stale"


def test_readme_rewrite_summary_is_real_stderr():
    """The change list shown for Sample A is what `rewrite` prints on stderr."""
    import subprocess

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("and what stderr says:\n\n```text\n") + len("and what stderr says:\n\n```text\n")
    shown = readme[start : readme.index("```", start)].splitlines()
    command = ["pitchlint", "rewrite", "tests/fixtures/seed/sample-a.txt"]
    real = subprocess.run(command, capture_output=True, text=True, cwd=REPO).stderr.splitlines()
    assert shown == real, "README's rewrite change list is stale"
