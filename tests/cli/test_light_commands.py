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
