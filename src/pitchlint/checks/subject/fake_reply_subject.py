"""`fake-reply-subject` (rules/subject/fake-reply-subject.yaml): Flags "Re:" / "Fwd:" subject
prefixes on email that is not a reply, and stacked "Re: Re:" prefixes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of fake-reply-subject.yaml, checked: a key not here is an error."""


# Re:/Fwd: (and the seed's "Re;") at the very start, each followed by space, ")" or the end,
# so "re:Invent" and "RE/MAX" are left alone.
_PREFIXES_RE = re.compile(r"[ \t(]*((?:(?:re|fwd?|aw|tr)[ \t]*[:;](?=[ \t)]|$)[ \t]*)+)", re.I)
_ONE_PREFIX_RE = re.compile(r"(?:re|fwd?|aw|tr)[ \t]*[:;]", re.I)


_REPLY_PREFIX_RE = re.compile(r"(?:re|aw)[ \t]*[:;]", re.I)


@check("fake-reply-subject")
def fake_reply_subject(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A prefix on a first touch, or stacked prefixes, is an error. A single "Re:" on a
    follow-up is how a sequencer threads step 2 under step 1 (the sender's own thread): fine.
    A single "Fwd:" on a follow-up forwards nothing the reader asked for: a warning. A real
    reply (in_reply_to) is fine."""
    draft = ctx.draft
    zone = draft.zone("subject")
    meta = draft.meta
    if zone is None or meta.is_reply:
        return
    match = _PREFIXES_RE.match(draft.text, zone.start, zone.end)
    if not match:
        return
    start, end = match.span(1)
    count = len(_ONE_PREFIX_RE.findall(match.group(1)))
    if not meta.is_follow_up:
        severity, detail = Severity.ERROR, " on a first email"
    elif count >= 2:
        severity, detail = Severity.ERROR, f" ({count} stacked prefixes)"
    elif _REPLY_PREFIX_RE.match(match.group(1)):
        return  # step 2 in the sender's own thread
    else:
        severity, detail = Severity.WARNING, " on a follow-up: it forwards nothing the reader asked for"
    rest = draft.text[end : zone.end].strip(" \t()")
    finding = ctx.finding(rule, start, end, severity=severity, detail=detail)
    if not rest or draft.text[start - 1 : start] == "(":
        finding = _without_fix(finding)  # nothing would be left to read: advise, don't edit
    yield finding


def _without_fix(finding: Finding) -> Finding:
    import dataclasses

    return dataclasses.replace(finding, fix=None)
