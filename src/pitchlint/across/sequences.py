"""`sequence-overload` (catalog rule 38): too many touches to one unresponsive reader, steps
too close together, or a follow-up that only repeats an earlier step. Each finding sits on the
step where the problem starts, located in the sequence file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pitchlint.across import across_check
from pitchlint.across.sameness import mask
from pitchlint.draft import Draft
from pitchlint.finding_builder import build_finding
from pitchlint.findings import Finding, Severity
from pitchlint.inputs import EmailInput

# follow-ups that fail these carry no new value (catalog: "the share of steps that fail the
# new-value check")
_NO_NEW_VALUE = frozenset({"valueless-follow-up", "bump-only-follow-up", "ask-without-give"})


@across_check("sequence-overload")
def sequence_overload(rule, params, emails, reports, sequences) -> list[tuple[int, Finding]]:  # type: ignore[no-untyped-def]
    warn_at = int(params.get("warning_steps", 5))
    error_at = int(params.get("error_steps", 8))
    min_delay = float(params.get("min_delay_days", 2))
    repeat = float(params.get("repeat_similarity", 0.6))
    steps: dict[str, list[int]] = defaultdict(list)
    for index, email in enumerate(emails):
        if email.sequence is not None:
            steps[email.sequence].append(index)
    found: list[tuple[int, Finding]] = []
    for info in sequences:
        members = sorted(steps.get(info.path, []), key=lambda i: emails[i].step or 0)
        if not members or info.relationship == "customer":  # onboarding a customer is no overload
            continue
        valueless = any(f.rule in _NO_NEW_VALUE for i in members[1:] for f in reports[i].findings)
        count = len(members)
        if count >= warn_at and (valueless or not info.stop_on_reply):
            at = members[min(count, error_at if count >= error_at else warn_at) - 1]
            severity = Severity.ERROR if count >= error_at else Severity.WARNING
            why = "with no stop on reply" if not info.stop_on_reply else "and follow-ups with nothing new"
            detail = f"{count} touches to one reader, {why}"
            found.append(_on_step(rule, at, emails[at].draft, severity, detail))
        for position, index in enumerate(members[1:], 1):
            delay = info.delays[position] if position < len(info.delays) else None
            if delay is not None and delay < min_delay:
                days = f"{delay:g} day{'s' if delay != 1 else ''}"
                detail = f"step {position + 1} follows {days} after the one before"
                found.append(_on_step(rule, index, emails[index].draft, Severity.WARNING, detail))
            earlier = _repeats(emails, members[:position], index, repeat)
            if earlier is not None:
                step = emails[earlier].step
                detail = f"step {position + 1} repeats step {step} with nothing new"
                found.append(_on_step(rule, index, emails[index].draft, Severity.WARNING, detail))
    return sorted(found, key=lambda pair: pair[0])  # in index order, as a check across emails yields


def _on_step(rule, index: int, draft: Draft, severity: Severity, detail: str) -> tuple[int, Finding]:  # type: ignore[no-untyped-def]
    """A finding on the step's subject line, or on its first line of body."""
    zone = draft.zone("subject") or next(
        (z for z in draft.zones if z.name in ("greeting", "body") and draft.text[z.start : z.end].strip()),
        None,
    )
    start, end = (zone.start, zone.end) if zone else (0, len(draft.text))
    text = draft.text[start:end]
    start += len(text) - len(text.lstrip())
    line_end = draft.text.find("\n", start, end)
    end = line_end if line_end != -1 else end
    return index, build_finding(rule, draft, start, max(start, end), severity=severity, detail=detail)


def _repeats(emails: Sequence[EmailInput], earlier: list[int], index: int, similarity: float) -> int | None:
    """The earlier step this one mostly repeats (3-word shingles of the masked body)."""
    mine = _shingles(emails[index].draft)
    if len(mine) < 3:
        return None
    for other in earlier:
        theirs = _shingles(emails[other].draft)
        if theirs and len(mine & theirs) / len(mine) >= similarity:
            return other
    return None


def _shingles(draft: Draft) -> set[str]:
    words = mask(" ".join(draft.text[z.start : z.end] for z in draft.zones if z.name == "body")).split()
    return {" ".join(words[i : i + 3]) for i in range(max(0, len(words) - 2))}
