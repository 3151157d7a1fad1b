"""The README's Emacs snippet, tried in a real editor: Emacs in batch mode with eglot (Debian's
emacs-nox and elpa-eglot, which .ci/run installs) starts `pitchlint server` from the snippet
and shows its diagnostics through flymake, at the right places."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

DRAFT = "Subject: Re: Re: rates\n\nHi Sam,\n\nWe are the leaders in tax. What changed in your Ohio plans?\n"
DRIVER = """
(package-initialize)
(require 'eglot)
{snippet}
(find-file {draft})
(text-mode)
(apply #'eglot (eglot--guess-contact))
(let ((deadline (+ (float-time) 150)))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (accept-process-output nil 0.5)))
(dolist (d (flymake-diagnostics))
  (princ (format "%s|%s|%s\\n" (flymake-diagnostic-beg d) (flymake-diagnostic-end d)
                 (car (split-string (flymake-diagnostic-text d) "\\n")))))
(kill-emacs 0)
"""


def _readme_snippet() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.search(r"Emacs \(eglot\):\n\n```elisp\n(.*?)```", readme, re.S).group(1)


def test_the_readme_emacs_snippet_gets_diagnostics_in_eglot(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    driver = tmp_path / "driver.el"
    driver.write_text(DRIVER.format(snippet=_readme_snippet(), draft=f'"{draft}"'), encoding="utf-8")
    # the snippet runs `pitchlint`: the one installed beside this Python
    path = f"{Path(sys.executable).parent}:/usr/bin:/bin"
    shown = subprocess.run(
        ["emacs", "--batch", "-l", str(driver)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
        env={"PATH": path, "HOME": str(tmp_path)},
    ).stdout
    found = {}
    for line in shown.splitlines():
        begin, end, text = line.split("|", 2)
        found[re.search(r"\[([a-z-]+)\]", text).group(1)] = DRAFT[int(begin) - 1 : int(end) - 1]
    assert found["fake-reply-subject"] == "Re: Re: "  # flymake positions are 1-based characters
    assert found["hype-superlatives"] == "the leaders in"
