"""Fixes as edits on the original text, and applying them without ever touching merge tags,
quoted replies or signatures (ruff's model: non-overlapping edits, safe by default)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pitchlint.draft import Draft
from pitchlint.findings import Applicability, Edit, Finding, Fix
from pitchlint.rules.schema import FixSpec

PROTECTED_ZONES = ("quoted", "signature", "front_matter", "header")


def fix_from_spec(spec: FixSpec, draft: Draft, start: int, end: int) -> Fix:
    """The declared fix on a match: delete it (with the space it leaves) or replace it."""
    if spec.action == "replace":
        edit = Edit(start, end, spec.replacement)
    else:
        edit = deletion(draft.text, start, end)
    return Fix((edit,), Applicability(spec.applicability), spec.title)


def deletion(text: str, start: int, end: int) -> Edit:
    """Delete `text[start:end]` plus one neighbouring space, so no double space is left."""
    if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] in " \n"):
        return Edit(start, end + 1, "")
    if start > 0 and text[start - 1] == " " and (end == len(text) or text[end] in " \n.,;:!?"):
        return Edit(start - 1, end, "")
    return Edit(start, end, "")


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Finding, ...]
    skipped: tuple[tuple[Finding, str], ...]


def apply_fixes(draft: Draft, findings: Iterable[Finding], *, unsafe: bool = False) -> FixResult:
    """Apply fixes in order of position; an edit that overlaps an earlier one, or touches
    a merge tag or protected zone, is skipped with the reason."""
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    applied: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    taken: list[tuple[int, int]] = []
    chosen: list[Edit] = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        fix = finding.fix
        if fix is None or fix.applicability not in allowed:
            continue
        reason = _refusal(draft, fix, taken)
        if reason:
            skipped.append((finding, reason))
            continue
        applied.append(finding)
        for edit in fix.edits:
            taken.append((edit.start, edit.end))
            chosen.append(edit)
    text = draft.text
    for edit in sorted(chosen, reverse=True):
        text = text[: edit.start] + edit.content + text[edit.end :]
    return FixResult(text, tuple(applied), tuple(skipped))


def _refusal(draft: Draft, fix: Fix, taken: list[tuple[int, int]]) -> str:
    for edit in fix.edits:
        if any((edit.start < e and s < edit.end) or edit.start == s == edit.end == e for s, e in taken):
            return "overlaps another fix"
        if draft.in_merge_tag(edit.start, edit.end):
            return "would change a merge tag"
        zone = draft.zone_at(edit.start)
        if zone in PROTECTED_ZONES:
            return f"would change the {zone.replace('_', ' ')}"
    return ""
