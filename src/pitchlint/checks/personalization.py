"""Template residue (catalog rule 40): unfilled blanks, broken or unfilled merge tags, CRM-style
truncated names ("Dear Charles H.,") and the recipient's name pasted back in mid-body as a
vocative ("Charles H., if you're willing ...").

Well-formed merge tags are legitimate in a template (`{{first_name}}` is how templates are
written), so they count as unfilled only when the draft says it is a finished email
(front matter `template: false`). Redactions ("[Video Link Deleted]", "(link deleted)") are not
placeholders. Works on the text alone, so it needs no trained pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.draft import Draft
from pitchlint.findings import Finding, Severity
from pitchlint.mergetags import MALFORMED_TAG_RE
from pitchlint.rules.loader import LoadedRule

# a blank to fill: 3+ underscores that are not part of a word, a path or a separator line
_BLANK_RE = re.compile(r"(?<![\w/])_{3,}(?![\w/])")
# "<NAME>", "<Company Name>": a hand-fill placeholder no sending tool will replace
_ANGLE_RE = re.compile(
    r"<\s*(?:(?:first|last|full|your|contact|prospect|recipient|company)[ _-]?)?"
    r"(?:name|company(?:[ _-]?name)?|title|job[ _-]?title|city|industry|website|prospect|recipient)"
    r"\s*>",
    re.I,
)
_SALUTATION_RE = re.compile(
    r"^[ \t]*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b[ \t,]*", re.I
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "dear"})
# "Charles H." / "Mary-Ann O.": a first name and a bare surname initial, as a CRM export writes it
_TRUNCATED_RE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*[ \t]+[A-Z]\.(?![A-Za-z])")
_GENERIC_GREETEES = frozenset(
    {
        "there",
        "team",
        "all",
        "everyone",
        "everybody",
        "folks",
        "friend",
        "friends",
        "sir",
        "madam",
        "owner",
        "colleague",
        "colleagues",
        "partner",
        "partners",
        "hiring",
        "manager",
        "webmaster",
        "admin",
        "support",
        "y'all",
        "guys",
        "both",
    }
)


@check("merge-field-artifacts")
def merge_field_artifacts(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    draft = ctx.draft
    scope = set(rule.spec.scope)
    params = ctx.params_for(rule)
    found: list[tuple[int, int, str, Severity | None]] = []
    for zone in draft.zones:
        if zone.name not in scope:
            continue
        for match in _BLANK_RE.finditer(draft.text, zone.start, zone.end):
            deliberate = (
                _separator_line(draft.text, *match.span())
                or _form_field(draft.text, *match.span())
                or _fill_in_question(draft.text, *match.span())
            )
            if not deliberate:
                found.append((*match.span(), "an unfilled blank", None))
        for match in _ANGLE_RE.finditer(draft.text, zone.start, zone.end):
            found.append((*match.span(), "an unfilled placeholder", None))
    for match in MALFORMED_TAG_RE.finditer(draft.text):
        start, end = match.span()
        end = start + len(draft.text[start:end].rstrip())
        if re.match(r"[ \t]*\r?\n[^{}\n]*\}\}", draft.text[end:]):
            continue  # "{{specific\nfunction}}": a tag the sender's editor wrapped, not a broken one
        if end > start and draft.zone_at(start) in scope:
            found.append((start, end, "a broken merge tag", None))
    if draft.meta.template is False:
        for start, end in draft.merge_tags:
            if draft.zone_at(start) in scope:
                found.append((start, end, "an unfilled merge tag in a finished email", None))
    found.extend(_name_findings(draft, scope, params))
    seen: list[tuple[int, int]] = []
    for start, end, detail, severity in sorted(found):
        if any(s < end and start < e for s, e in seen):
            continue
        seen.append((start, end))
        yield ctx.finding(rule, start, end, severity=severity, detail=detail)


def _separator_line(text: str, start: int, end: int) -> bool:
    """A line of underscores (or "____ Original Message ____") is a rule, not a blank."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return not re.search(r"[A-Za-z0-9]", line.replace("_", "")) or bool(
        re.search(r"original message|forwarded", line, re.I)
    )


def _form_field(text: str, start: int, end: int) -> bool:
    """ "Name ________" or "$__________": a field of a form the reader is asked to fill in."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end != -1 else len(text)]
    return text[start - 1 : start] == "$" or not rest.strip(" \t\r*")


def _fill_in_question(text: str, start: int, end: int) -> bool:
    """ "Our close takes ___ days. How about yours?": a blank inside a phrase, put to the reader
    as a fill-in question, is deliberate."""
    inline = bool(re.search(r"[A-Za-z0-9][ \t]+$", text[max(0, start - 20) : start])) and bool(
        re.match(r"[ \t]+[A-Za-z0-9]", text[end : end + 20])
    )
    if not inline:
        return False
    rest = text[end : end + 160]
    question = re.match(r"[^?\n]*?(?:[.!][ \t]+[^.!?\n]*)?\?", rest)
    return bool(question and re.search(r"\byou(?:rs?)?\b", question.group(0), re.I))


def _greeting_name(draft: Draft) -> tuple[int, int] | None:
    """Span of the name in the greeting ("Charles H." in "Dear Charles H.,"), if any."""
    zone = draft.zone("greeting")
    if zone is None:
        return None
    text = draft.text[zone.start : zone.end]
    lead = _SALUTATION_RE.match(text)
    if not lead:
        return None
    start = zone.start + lead.end()
    end = zone.end
    while end > start and draft.text[end - 1] in " \t\r\n,!:;—–-":
        end -= 1
    if end <= start:
        return None
    return start, end


def _name_findings(
    draft: Draft, scope: set[str], params: dict[str, Any]
) -> Iterator[tuple[int, int, str, Severity | None]]:
    span = _greeting_name(draft)
    if span is None:
        return
    start, end = span
    name = draft.text[start:end]
    words = [w.strip(".").lower() for w in name.split()]
    tag = draft.in_merge_tag(start, end)
    if not words or words[0] in _GENERIC_GREETEES or (not name[:1].isupper() and not tag):
        return
    titled = words[0] in _TITLES
    truncated = None if titled else _TRUNCATED_RE.fullmatch(name)
    if truncated and "greeting" in scope:
        yield (start, end, "a CRM-style name cut to an initial", None)
    elif "greeting" in scope and not tag:
        mismatch = _mismatch(words, draft.meta.recipient.name, params)
        if mismatch:
            yield (start, end, f"greets {name} but the recipient is {draft.meta.recipient.name}", None)
    # the same name pasted back in as a vocative at the start of a body sentence, in the
    # greeting's form or a CRM form of it ("Hi Charles," ... "Charles H., if you're willing")
    if tag or titled:
        pattern = re.escape(name)
    else:
        pattern = re.escape(name.split()[0]) + r"(?:[ \t]+[A-Z][A-Za-z'’-]*\.?)?"
    vocative = re.compile(r"(?:^|(?<=[.!?] )|(?<=[.!?]  ))[ \t]*(" + pattern + r")[ \t]*,", re.M)
    for zone in draft.zones:
        if zone.name not in ("body", "ps") or zone.name not in scope:
            continue
        for match in vocative.finditer(draft.text, zone.start, zone.end):
            said = match.group(1)
            full = not tag and not titled and len(said.split()) >= 2
            detail = "the recipient's name pasted in mid-body"
            yield (*match.span(1), detail, None if full else Severity.WARNING)


def _mismatch(words: list[str], recipient: str | None, params: dict[str, Any]) -> bool:
    """The greeting names someone other than the recipient in the metadata. Nicknames that share
    the first three letters ("Chris" for Christopher) and listed ones ("Bob" for Robert) pass."""
    if not recipient:
        return False
    names = [w.strip(".").lower() for w in recipient.split() if len(w.strip(".")) > 1]
    greeted = [w for w in words if w not in _TITLES and len(w) > 1]
    if not names or not greeted:
        return False
    listed = params.get("nicknames", {})
    nicknames = {str(k).lower(): {str(v).lower() for v in vs} for k, vs in listed.items()}
    for word in greeted:
        for real in names:
            if word[:3] == real[:3] or word in nicknames.get(real, ()) or real in nicknames.get(word, ()):
                return False
    return True
