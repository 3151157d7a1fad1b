"""`check --fix`, `--diff` and `rewrite`: apply fixes until the draft stops changing, then
write it atomically or show the change as a unified diff.

Fixing repeats check-and-apply because a fix can reveal another finding (or free an edit that
overlapped one applied earlier); it stops when a round changes nothing, so fixing twice gives
the same text as fixing once. `rewrite` applies every applicability, and adds a missing
sentence (an observation, a gift, a question) only once the sentences that are there have been
fixed, one insertion per round, so each insertion is judged against the finished text. A
rewrite adds no `{…}` placeholder to an email that already grades A as it would be sent: a
blank to fill would make a sendable email worse, not better. Nor does it keep a change that
lowers the score (a deleted referral ask that took the reader's project name with it).
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pitchlint.draft import Draft, parse_draft
from pitchlint.engine import Engine
from pitchlint.findings import Applicability, Edit, Finding
from pitchlint.fixes import allowed_applicabilities, apply_fixes, describe_fix, is_insertion
from pitchlint.mergetags import count_placeholders
from pitchlint.report import Report
from pitchlint.score import Score
from pitchlint.source_edits import apply_edits, has_editable_source, in_source, reread

MAX_ROUNDS = 10
REWRITE_ROUNDS = 16


@dataclass(frozen=True)
class Change:
    """One applied fix, in words: which rule, what it did, and the text before and after."""

    rule: str
    title: str
    before: str
    after: str


@dataclass(frozen=True)
class FixOutcome:
    draft: Draft  # the draft as fixed
    report: Report  # the findings that remain in it
    applied: tuple[Finding, ...]
    skipped: tuple[tuple[Finding, str], ...]
    changes: tuple[Change, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.applied)

    @property
    def file_text(self) -> str:
        """What the fixed file holds: the draft's text, or an HTML template's markup."""
        return self.draft.source_text


def fix_draft(engine: Engine, draft: Draft, *, unsafe: bool = False) -> FixOutcome:
    """Apply fixes round by round until nothing changes (at most MAX_ROUNDS rounds). An HTML
    template is fixed in its markup (`source_edits`): `outcome.file_text` is the file to write."""
    return _fix_rounds(engine, draft, allowed_applicabilities(unsafe=unsafe), MAX_ROUNDS, in_file=True)


def rewrite_draft(engine: Engine, draft: Draft, *, judged: bool = True) -> FixOutcome:
    """Every fix and suggestion, sentence moves first and insertions last. Judged (the
    default), no placeholder is added to an email that grades A as sent, and no change is
    kept that lowers the score; a rule's examples, checked under that rule alone, are not
    judged, as one rule's score says nothing about the email."""
    return _fix_rounds(
        engine,
        draft,
        allowed_applicabilities(suggestions=True),
        REWRITE_ROUNDS,
        in_file=has_editable_source(draft),  # an HTML template is rewritten in its markup
        judged=judged,
    )


def as_sent_report(engine: Engine, draft: Draft) -> Report:
    """The draft scored as it would go out now: each writer placeholder a rewrite left is an
    `unfilled-placeholder` finding, so a rewrite with blanks to fill cannot grade A."""
    (report,) = engine.check([dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, as_sent=True))])
    return report


def score_after(as_sent: Score, filled: Score, placeholders: int) -> str:
    """A rewrite's score in words: as sent now beside once filled while placeholders are left
    ("52 D as sent now, 100 A once the 2 placeholders are filled"), else the one score."""
    now = f"{as_sent.value:.0f} {as_sent.grade}"
    if not placeholders or (as_sent.value, as_sent.grade) == (filled.value, filled.grade):
        return now
    blanks = "the placeholder is" if placeholders == 1 else f"the {placeholders} placeholders are"
    return f"{now} as sent now, {filled.value:.0f} {filled.grade} once {blanks} filled"


def _fix_rounds(
    engine: Engine,
    draft: Draft,
    allowed: frozenset[Applicability],
    rounds: int,
    *,
    in_file: bool,
    judged: bool = False,
) -> FixOutcome:
    """`judged` (rewrite): no placeholder goes into an email that grades A as sent, and no
    round is kept that lowers the score; the fixes that lowered it are withheld and the
    round is made again without them."""
    applied: list[Finding] = []
    changes: list[Change] = []
    skipped: tuple[tuple[Finding, str], ...] = ()
    # fixes not to try again: they lowered the score, or cannot be placed in the file's markup
    # (tried every round, such a fix would keep the fixes it overlaps from being made)
    set_aside: dict[_FixKey, tuple[Finding, str]] = {}
    current = draft
    (report,) = engine.check([current])
    # judged once, on the draft as given: the rewrite's own moves must not open the gate
    sendable = judged and as_sent_report(engine, draft).score.grade == "A"
    for _ in range(rounds):
        candidates, withheld = report.findings, ()
        if sendable:
            candidates, withheld = _without_blanks(current, candidates)
        candidates = tuple(f for f in candidates if _key(f) not in set_aside)
        findings = _this_round(candidates, allowed)
        result = apply_fixes(current, findings, allowed=allowed)
        skipped = result.skipped + withheld
        if result.text == current.text:
            break
        unplaced: tuple[tuple[Finding, str], ...] = ()
        if in_file and current.origin is not None:
            following, placed, unplaced = _placed_in_file(engine, current, result.applied)
            set_aside.update((_key(f), (f, why)) for f, why in unplaced)
        else:
            # fixes never edit front matter, so the draft keeps its meta (also from a batch row)
            following, placed = parse_draft(result.text, draft.path, meta=draft.meta), result.applied
        if following is None:
            if placed or not unplaced:  # the file no longer reads as one email: stop here
                break
            continue
        (following_report,) = engine.check([following])
        if judged and following_report.score.value < report.score.value:
            lowering = _lowering(engine, current, report, placed, allowed)
            set_aside.update((key, (f, LOWERS)) for key, f in lowering.items())
            continue
        applied.extend(placed)
        changes.extend(_describe(current.text, placed))
        current, report = following, following_report
    skipped += tuple(set_aside.values())
    return FixOutcome(current, report, tuple(applied), skipped, tuple(changes))


_FixKey = tuple[str, tuple[Edit, ...]]


def _key(finding: Finding) -> _FixKey:
    return finding.rule, finding.fix.edits if finding.fix is not None else ()


def _lowering(
    engine: Engine,
    current: Draft,
    report: Report,
    fixes: tuple[Finding, ...],
    allowed: frozenset[Applicability],
) -> dict[_FixKey, Finding]:
    """Which of a round's fixes lower the score, each made alone; when none does alone, the
    round's fixes only lower it together, and all of them are withheld."""
    found = {}
    for finding in fixes:
        text = apply_fixes(current, (finding,), allowed=allowed).text
        (alone,) = engine.check([parse_draft(text, current.path, meta=current.meta)])
        if alone.score.value < report.score.value:
            found[_key(finding)] = finding
    return found or {_key(f): f for f in fixes}


UNPLACED = "cannot be made in the file without touching its markup"
WITHHELD = "would add a {…} placeholder to an email that grades A as sent"
LOWERS = "would lower the score"


def _without_blanks(
    current: Draft, findings: tuple[Finding, ...]
) -> tuple[tuple[Finding, ...], tuple[tuple[Finding, str], ...]]:
    """The findings whose fix adds no placeholder, and the others, withheld with the reason."""
    blanks = {id(f) for f in findings if f.fix is not None and _adds_placeholder(current.text, f)}
    if not blanks:
        return findings, ()
    kept = tuple(f for f in findings if id(f) not in blanks)
    return kept, tuple((f, WITHHELD) for f in findings if id(f) in blanks)


def _adds_placeholder(text: str, finding: Finding) -> bool:
    assert finding.fix is not None
    added = sum(count_placeholders(edit.content) for edit in finding.fix.edits)
    removed = sum(count_placeholders(text[edit.start : edit.end]) for edit in finding.fix.edits)
    return added > removed


def _placed_in_file(
    engine: Engine, current: Draft, fixed: tuple[Finding, ...]
) -> tuple[Draft | None, tuple[Finding, ...], tuple[tuple[Finding, str], ...]]:
    """The draft read again from its file with this round's fixes placed in it; a fix that
    cannot be placed there is skipped with the reason (None: nothing could be placed)."""
    placed: list[Finding] = []
    edits: list[Edit] = []
    unplaced: list[tuple[Finding, str]] = []
    for finding in fixed:
        assert finding.fix is not None
        where = in_source(current, finding.fix.edits)
        if where is None:
            unplaced.append((finding, UNPLACED))
            continue
        placed.append(finding)
        edits.extend(where)
    if not placed or current.origin is None:
        return None, (), tuple(unplaced)
    source = apply_edits(current.origin.text, edits)
    return reread(current, source, engine.config.limits), tuple(placed), tuple(unplaced)


def _describe(text: str, findings: tuple[Finding, ...]) -> list[Change]:
    out = []
    for finding in findings:
        assert finding.fix is not None
        out.append(Change(finding.rule, finding.fix.title, *describe_fix(text, finding.fix)))
    return out


def _this_round(findings: tuple[Finding, ...], allowed: frozenset[Applicability]) -> tuple[Finding, ...]:
    """Edits to existing sentences go first; then one insertion per round (the earliest in
    the text), because each insertion can settle the findings that asked for the others."""
    fixable = [f for f in findings if f.fix is not None and f.fix.applicability in allowed]
    edits = tuple(f for f in fixable if not is_insertion(f.fix))  # type: ignore[arg-type]
    if edits:
        return edits
    inserts = sorted(fixable, key=lambda f: (f.fix.edits[0].start, f.sort_key))  # type: ignore[union-attr]
    return tuple(inserts[:1])


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path.lstrip('/')}",
            tofile=f"b/{path.lstrip('/')}",
        )
    )


def write_atomic(path: Path, text: str | Iterable[str] | Iterable[bytes]) -> None:
    """Replace the file in one step, keeping its permission bits: a crash leaves either the
    old file or the new one, never half of each. A new file gets the usual 0o666 less umask.
    `text` may come in pieces (a report written as it is made), of text or of bytes."""
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".pitchlint")
    try:
        with os.fdopen(handle, "wb") as out:
            for piece in (text,) if isinstance(text, str) else text:
                out.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
