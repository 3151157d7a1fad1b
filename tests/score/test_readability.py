"""textstat is imported without importing pkg_resources (a fifth of a second of every cold
check), and still works whole: a function that reads its word lists gets the real module."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from pitchlint.readability import _textstat, flesch_kincaid_grade
grade = flesch_kincaid_grade("Your Q3 filing added fourteen states. What changed in your plans?")
print(grade, "pkg_resources" in sys.modules)
print(_textstat().dale_chall_readability_score("The cat sat on the mat.") > 0, "pkg_resources" in sys.modules)
"""


def test_textstat_is_imported_without_pkg_resources_and_still_reads_its_word_lists():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    first, second = done.stdout.split("\n")[:2]
    grade, imported = first.split()
    assert float(grade) > 0 and imported == "False"
    assert second == "True True"  # the word lists came through the real pkg_resources
