"""`pitchlint rules`, `pitchlint rule ID`, `--version` and a check answered from the cache
never import spaCy: they are what a hook or an editor runs most, and spaCy's import alone is
most of a second. Each runs in a fresh interpreter that reports what it imported."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from pitchlint.cli import cli
try:
    cli(args=sys.argv[1:], standalone_mode=True)
except SystemExit:
    pass
loaded = any(m == "spacy" or m.startswith("spacy.") for m in sys.modules)
print("SPACY" if loaded else "LIGHT", file=sys.stderr)
"""


def _imports_spacy(*args: str, cwd=None) -> bool:  # type: ignore[no-untyped-def]
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd)
    verdict = done.stderr.strip().splitlines()[-1]
    assert verdict in ("SPACY", "LIGHT"), done.stderr
    return verdict == "SPACY"


@pytest.mark.parametrize("args", [("rules",), ("rule", "hype-superlatives"), ("--version",)])
def test_listing_and_documenting_rules_never_import_spacy(args):
    assert not _imports_spacy(*args)


def test_a_check_answered_from_the_cache_never_imports_spacy(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Subject: rates\n\nHi Sam,\n\nWhat changed in your Ohio plans?\n", encoding="utf-8")
    assert _imports_spacy("check", "--exit-zero", str(draft), cwd=tmp_path)  # the first check parses
    assert not _imports_spacy("check", "--exit-zero", str(draft), cwd=tmp_path)  # the second is cached


CLI_PROBE = """
import atexit, sys
def report():
    heavy = sorted(m for m in ("spacy.cli", "typer", "weasel", "httpx", "requests") if m in sys.modules)
    print("HEAVY " + " ".join(heavy) if heavy else "NO-CLI", "spacy" in sys.modules, file=sys.stderr)
atexit.register(report)
from pitchlint.cli import main
sys.argv = ["pitchlint", *sys.argv[1:]]
main()
"""


def test_a_check_that_parses_never_imports_spacys_own_command_line(tmp_path):
    """spaCy's __init__ imports its CLI (typer, weasel, requests: a third of `import
    spacy`) only for `spacy.info`; the `pitchlint` command parses without it."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Subject: rates\n\nHi Sam,\n\nWhat changed in your Ohio plans?\n", encoding="utf-8")
    args = ["check", "--no-cache", "--exit-zero", str(draft)]
    done = subprocess.run([sys.executable, "-c", CLI_PROBE, *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "NO-CLI True"
    assert "Ohio" in done.stdout or "draft.txt" in done.stdout


def test_spacy_imported_without_its_cli_still_has_a_working_cli_and_info():
    probe = """
import sys
from pitchlint import spacy_import
spacy_import.install()
import spacy
assert "spacy.cli" not in sys.modules and "spacy.cli.info" not in sys.modules
assert not any(type(f).__name__ == "_SpacyFinder" for f in sys.meta_path)  # one import, then gone
markdown = spacy.info(markdown=True, silent=True)  # the real `spacy info`, imported on use
assert "spaCy version" in markdown, markdown
import spacy.cli
assert callable(spacy.cli.setup_cli) and spacy.cli.info.__module__ == "spacy.cli.info"
print("OK")
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "OK", done.stderr


def test_installing_after_spacy_was_imported_changes_nothing():
    probe = """
import sys, spacy
from pitchlint import spacy_import
spacy_import.install()
assert not any(type(f).__name__ == "_SpacyFinder" for f in sys.meta_path)
assert "spacy.cli" in sys.modules
print("OK")
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "OK", done.stderr
