"""`merge-field-artifacts` (rules/personalization/merge-field-artifacts.yaml): Flags template
residue: unfilled blanks ("_____"), broken or half merge tags, hand-fill placeholders ("COMPANY NAME
HERE", "[blogger]", "XXX"), a name slot that rendered blank or wrong ("Hi ,", "Hello james,", "Hi
Acme Inc,"), CRM-style names ("Dear Charles H.,"), the recipient's name pasted back in mid-body, and
merge tags left in an email marked as finished."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.draft import Draft
from pitchlint.findings import Finding, Severity
from pitchlint.greeting import TITLES, is_role_noun
from pitchlint.mergetags import HALF_TAG_RE, MALFORMED_TAG_RE
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of merge-field-artifacts.yaml, checked: a key not here is an error."""

    nicknames: dict[str, list[str]]


# a blank to fill: 3+ underscores that are not part of a word, a path or a separator line
_BLANK_RE = re.compile(r"(?<![\w/])_{3,}(?![\w/])")
_FIELD = (
    r"(?:(?:first|last|full|your|contact|prospect|recipient|company)[ _-]?)?"
    r"(?:name|company(?:[ _-]?name)?|title|job[ _-]?title|city|industry|website|prospect|recipient)"
)
# "<NAME>", "<Company Name>", "<blogger>", "[blogger]", "[insert editor]": a hand-fill placeholder
# no sending tool will replace (a markdown link "[Pioneer](https://...)" is not one)
_BRACKETED_RE = re.compile(
    rf"<\s*(?:insert[ \t]+)?(?:{_FIELD}|[a-z]+)\s*>|\[[ \t]*(?:insert[ \t]+)?[a-z]+[ \t]*\](?!\()", re.I
)
# shouted hand-fill placeholders: "COMPANY NAME HERE", "INSERT PRODUCT HERE", "[COMPANY NAME]", "XXX"
_FIELD_CAPS = (
    r"(?:NAME|COMPANY|PRODUCT|SERVICE|LINK|URL|TITLE|DATE|CITY|EMAIL|PHONE|NUMBER|LOGO|BRAND|WEBSITE)"
)
_HAND_FILL_RE = re.compile(
    r"\bINSERT(?:[ \t]+[A-Z][A-Z'’-]+){1,3}(?:[ \t]+HERE)?\b"
    rf"|\b(?:[A-Z]+[ \t]+){{0,2}}{_FIELD_CAPS}[ \t]+HERE\b"
    rf"|\[[ \t]*(?:[A-Z]+[ \t]+){{0,3}}{_FIELD_CAPS}(?:[ \t]+[A-Z]+){{0,2}}[ \t]*\](?!\()"
    r"|(?<![\w-])X{3,}(?!\w)"
)
# a name slot that rendered empty: "Thanks , for ...", "Hi ,,"
_EMPTY_SLOT_RE = re.compile(
    r"\b(?:thanks|thank you|cheers|congrats|congratulations|welcome|hi|hello|hey|dear)[ \t]+,+"
    r"|(?<=[A-Za-z])[ \t]*,[ \t]*,(?!,)",
    re.I,
)
_CODE_RE = re.compile(r"```.*?(?:```|\Z)|`[^`\n]+`", re.S)
_TITLES = TITLES | {"dear"}  # "Dear {{first_name}}" lost its name too
# "Charles H." / "Mary-Ann O.": a first name and a bare surname initial, as a CRM export writes it
_TRUNCATED_RE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*[ \t]+[A-Z]\.(?![A-Za-z])")


Residue = tuple[int, int, str, Severity | None]


@check("merge-field-artifacts")
def merge_field_artifacts(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    draft = ctx.draft
    scope = set(rule.spec.scope)
    found = [
        *_placeholder_findings(draft, scope),
        *_tag_findings(draft, scope),
        *_greeting_findings(draft, scope),
        *_name_findings(draft, scope, ctx.params_for(rule)),
    ]
    code = [m.span() for m in _CODE_RE.finditer(draft.text)]
    seen: list[tuple[int, int]] = []
    for start, end, detail, severity in sorted(found):
        if any(s < end and start < e for s, e in seen) or any(s <= start < e for s, e in code):
            continue
        if _inside_quotes(draft.text, start, end):
            continue  # "the email literally said <name>": quoting a placeholder is not leaving one
        seen.append((start, end))
        yield ctx.finding(rule, start, end, severity=severity, detail=detail)


def _placeholder_findings(draft: Draft, scope: set[str]) -> Iterator[Residue]:
    """Blanks and hand-fill placeholders in the sender's own zones."""
    text = draft.text
    for zone in draft.zones:
        if zone.name not in scope:
            continue
        for match in _BLANK_RE.finditer(text, zone.start, zone.end):
            deliberate = (
                _separator_line(text, *match.span())
                or _form_field(text, *match.span())
                or _fill_in_question(text, *match.span())
            )
            if not deliberate:
                yield (*match.span(), "an unfilled blank", None)
        for match in _BRACKETED_RE.finditer(text, zone.start, zone.end):
            if _hand_fill(match.group(0)) and not draft.in_merge_tag(*match.span()):
                yield (*match.span(), "an unfilled placeholder", None)
        for match in _HAND_FILL_RE.finditer(text, zone.start, zone.end):
            yield (*match.span(), "an unfilled placeholder", None)
        for match in _EMPTY_SLOT_RE.finditer(text, zone.start, zone.end):
            if not draft.in_merge_tag(*match.span()):
                yield (*match.span(), "a blank where the name should be", None)


def _tag_findings(draft: Draft, scope: set[str]) -> Iterator[Residue]:
    """Broken and half tags in any email; well-formed ones only in an email marked finished."""
    text = draft.text
    for match in MALFORMED_TAG_RE.finditer(text):
        start, end = match.span()
        end = start + len(text[start:end].rstrip())
        if re.match(r"[ \t]*\r?\n[^{}\n]*\}\}", text[end:]):
            continue  # "{{specific\nfunction}}": a tag the sender's editor wrapped, not a broken one
        if end > start and draft.zone_at(start) in scope:
            yield (start, end, "a broken merge tag", None)
    for match in HALF_TAG_RE.finditer(text):
        if draft.zone_at(match.start()) in scope and not draft.in_merge_tag(*match.span()):
            yield (*match.span(), "a broken merge tag", None)
    if draft.meta.template is False:
        for start, end in draft.merge_tags:
            if draft.zone_at(start) in scope:
                yield (start, end, "an unfilled merge tag in a finished email", None)


def _greeting_findings(draft: Draft, scope: set[str]) -> Iterator[Residue]:
    """The greeting's name slot rendered blank or wrong ("Hi ,", "Hello james,")."""
    greeting = draft.greeting
    if greeting.defect is None or "greeting" not in scope:
        return
    start, end = greeting.addressee or (greeting.start, greeting.end)
    yield (start, end, greeting.defect, None)


def _hand_fill(bracketed: str) -> bool:
    """ "<NAME>", "[blogger]", "[insert editor]": a field or a role, not "<b>" or "[sic]"."""
    inner = re.sub(r"^insert\s+", "", bracketed[1:-1].strip(), flags=re.I)
    return bool(re.fullmatch(_FIELD, inner, re.I)) or is_role_noun(inner)


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """Whether the span sits between a pair of double quotes on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start]
    after = text[end : line_end if line_end != -1 else len(text)]
    opened = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
    return opened and ('"' in after or "”" in after)


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


def _name_findings(draft: Draft, scope: set[str], params: dict[str, Any]) -> Iterator[Residue]:
    greeting = draft.greeting
    if greeting.kind not in ("name", "merge-tag") or greeting.addressee is None or greeting.defect:
        return
    start, end = greeting.addressee
    name = draft.text[start:end]
    words = [w.strip(".").lower() for w in name.split()]
    tag = greeting.kind == "merge-tag"
    if not words or (not name[:1].isupper() and not tag):
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
