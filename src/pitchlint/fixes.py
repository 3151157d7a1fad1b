"""Fixes as edits on the original text, and applying them without ever touching merge tags,
quoted replies or signatures (ruff's model: non-overlapping edits, safe by default)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pitchlint.draft import Draft
from pitchlint.findings import Applicability, Edit, Finding, Fix
from pitchlint.source_edits import apply_edits

PROTECTED_ZONES = ("quoted", "signature", "front_matter", "header")


_WORD_RE = re.compile(r"\w")


def empties_body(draft: Draft, edits: Iterable[Edit]) -> bool:
    """Whether the edits would delete every word of the body: a greeting with nothing after
    it is no email, so the finding keeps its advice instead of a fix."""
    edits = tuple(edits)
    if any(_WORD_RE.search(edit.content) for edit in edits):
        return False
    had_words = False
    for zone in draft.zones:
        if zone.name != "body":
            continue
        kept, position = [], zone.start
        for edit in sorted(edits, key=lambda e: e.start):
            if edit.end <= position or edit.start >= zone.end:
                continue
            kept.append(draft.text[position : max(position, edit.start)])
            position = max(position, edit.end)
        kept.append(draft.text[position : zone.end])
        had_words = had_words or bool(_WORD_RE.search(draft.text, zone.start, zone.end))
        if any(_WORD_RE.search(piece) for piece in kept):
            return False
    return had_words


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
    # each with the edits made for it: none when another finding's identical edit did the work
    applied: tuple[Finding, ...]
    skipped: tuple[tuple[Finding, str], ...]


def shown_change(before: str, after: str) -> list[tuple[str, str]]:
    """A change as (sign, words) lines: "-" what goes and "+" what comes; a move, whose words
    stay the same, is one "moved:" line (not a "-" and a "+" that read alike)."""
    if before and before == after:
        return [("moved:", before)]
    return [(sign, words) for sign, words in (("-", before), ("+", after)) if words]


def describe_fix(text: str, fix: Fix) -> tuple[str, str]:
    """What a fix removes and what it puts in, as two readable strings ("" when nothing)."""
    before = " … ".join(text[e.start : e.end].strip() for e in fix.edits if e.end > e.start)
    after = " … ".join(e.content.strip() for e in fix.edits if e.content.strip())
    return before, after


def allowed_applicabilities(*, unsafe: bool = False, suggestions: bool = False) -> frozenset[Applicability]:
    """`--fix` applies safe fixes, `--unsafe-fixes` adds unsafe ones, `rewrite` applies all."""
    allowed = {Applicability.SAFE}
    if unsafe or suggestions:
        allowed.add(Applicability.UNSAFE)
    if suggestions:
        allowed.add(Applicability.SUGGESTION)
    return frozenset(allowed)


def is_insertion(fix: Fix) -> bool:
    """A fix that only adds text (a missing observation, gift or question)."""
    return all(edit.start == edit.end for edit in fix.edits)


def apply_fixes(
    draft: Draft,
    findings: Iterable[Finding],
    *,
    unsafe: bool = False,
    allowed: frozenset[Applicability] | None = None,
) -> FixResult:
    """Apply fixes in order of position; an edit that overlaps an earlier one, or touches
    a merge tag or protected zone, is skipped with the reason. Two findings that propose the
    very same edit share it (the edit is made once)."""
    allowed = allowed if allowed is not None else allowed_applicabilities(unsafe=unsafe)
    applied: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    chosen: list[Edit] = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        fix = finding.fix
        if fix is None or fix.applicability not in allowed:
            continue
        if all(edit in chosen for edit in fix.edits):  # another finding makes this very edit
            applied.append(dataclasses.replace(finding, fix=dataclasses.replace(fix, edits=())))
            continue
        fix = _once(draft, fix, chosen)
        if not fix.edits:  # everything it would add is being added already
            applied.append(dataclasses.replace(finding, fix=fix))
            continue
        reason = _refusal(draft, fix, chosen)
        if reason:
            skipped.append((finding, reason))
            continue
        applied.append(finding if fix is finding.fix else dataclasses.replace(finding, fix=fix))
        chosen.extend(fix.edits)
    return FixResult(apply_edits(draft.text, chosen), tuple(applied), tuple(skipped))


def _once(draft: Draft, fix: Fix, chosen: list[Edit]) -> Fix:
    """Two check-ins rewritten to the same new sentence would say it twice: the second
    sentence is deleted instead."""
    from pitchlint.rewrite.text import delete_span  # it reads the parse: spaCy only when a fix is made

    said = {e.content.strip() for e in chosen if len(e.content.strip()) > 20}
    if not said:
        return fix
    edits = tuple(
        delete_span(draft.text, e.start, e.end) if e.end > e.start and e.content.strip() in said else e
        for e in fix.edits
        if not (e.start == e.end and e.content.strip() in said)
    )
    return Fix(edits, fix.applicability, fix.title) if edits != fix.edits else fix


def _refusal(draft: Draft, fix: Fix, taken: list[Edit]) -> str:
    for edit in fix.edits:
        if any(_overlap(edit, other) for other in taken):
            return "overlaps another fix"
        if _loses_merge_tag(draft, edit):
            return "would change a merge tag or comment"
        zone = draft.zone_at(edit.start)
        if zone in PROTECTED_ZONES:
            return f"would change the {zone.replace('_', ' ')}"
    return ""


def _overlap(edit: Edit, other: Edit) -> bool:
    # ranges that share text, or two different insertions at one point (their order is unclear)
    return (edit.start < other.end and other.start < edit.end) or (
        edit.start == edit.end == other.start == other.end
    )


def _loses_merge_tag(draft: Draft, edit: Edit) -> bool:
    """True when the edit cuts into a merge tag, or removes one its new text does not carry
    over byte for byte (a reframed sentence may move "{{company}}", never alter it)."""
    removed: Counter[str] = Counter()
    for start, end in (*draft.merge_tags, *draft.comments):
        if start < edit.end and edit.start < end:
            if start < edit.start or end > edit.end:
                return True
            removed[draft.text[start:end]] += 1
    return any(edit.content.count(tag) < n for tag, n in removed.items())
