"""`check --fix` and `--diff`: apply fixes until the draft stops changing, then write it
atomically or show the change as a unified diff.

Fixing repeats check-and-apply because a fix can reveal another finding (or free an edit that
overlapped one applied earlier); it stops when a round changes nothing, so fixing twice gives
the same text as fixing once.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pitchlint.draft import Draft, parse_draft
from pitchlint.engine import Engine, Report
from pitchlint.findings import Finding
from pitchlint.fixes import apply_fixes

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixOutcome:
    draft: Draft  # the draft as fixed
    report: Report  # the findings that remain in it
    applied: tuple[Finding, ...]
    skipped: tuple[tuple[Finding, str], ...]

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_draft(engine: Engine, draft: Draft, *, unsafe: bool = False) -> FixOutcome:
    """Apply fixes round by round until nothing changes (at most MAX_ROUNDS rounds)."""
    applied: list[Finding] = []
    skipped: tuple[tuple[Finding, str], ...] = ()
    current = draft
    (report,) = engine.check([current])
    for _ in range(MAX_ROUNDS):
        result = apply_fixes(current, report.findings, unsafe=unsafe)
        skipped = result.skipped
        if result.text == current.text:
            break
        applied.extend(result.applied)
        # fixes never edit front matter, so the draft keeps its meta (also when it came from a batch row)
        current = parse_draft(result.text, draft.path, meta=draft.meta)
        (report,) = engine.check([current])
    return FixOutcome(current, report, tuple(applied), skipped)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path.lstrip('/')}",
            tofile=f"b/{path.lstrip('/')}",
        )
    )


def write_atomic(path: Path, text: str) -> None:
    """Replace the file in one step, keeping its permission bits: a crash leaves either the
    old file or the new one, never half of each."""
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".pitchlint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
