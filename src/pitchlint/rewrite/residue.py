"""Template residue and typing slips: a CRM name cut to an initial, the name pasted back in
mid-body, an unfilled blank, "I’am", a mid-sentence "You", a winking emoticon."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pitchlint.context import RuleContext
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.text import capitalise
from pitchlint.rules.schema import FixSpec

_INITIAL_NAME_RE = re.compile(r"^([A-Z][a-z’'-]+) [A-Z]\.$")
_BLANK_RE = re.compile(r"^_{3,}$|^\.{4,}$|^X{3,}$|^\?{3,}$")


@move("fix-residue")
def fix_residue(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    text = ctx.draft.text
    matched = text[start:end]
    if _BLANK_RE.match(matched) and spec.replacement:
        return (Edit(start, end, spec.replacement),)
    name = _INITIAL_NAME_RE.match(matched)
    if name is None:
        return None
    zone = ctx.draft.zone_at(start)
    after = text[end : end + 2]
    if zone == "body" and after.startswith(",") and (start == 0 or text[start - 1] in "\n"):
        # "Charles H., if you're willing ..." -> "If you're willing ..."
        rest_start = end + 1
        while rest_start < len(text) and text[rest_start] == " ":
            rest_start += 1
        if rest_start < len(text):
            return (Edit(start, rest_start + 1, capitalise(text[rest_start])),)
        return None
    return (Edit(start, end, name.group(1)),)


_MECHANICS = (
    (re.compile(r"^I([’'])am$"), r"I\1m"),
    (re.compile(r"^You$"), "you"),
    (re.compile(r"^i$"), "I"),
)


@move("fix-mechanics")
def fix_mechanics(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    matched = ctx.draft.text[start:end]
    for pattern, replacement in _MECHANICS:
        if pattern.match(matched):
            return (Edit(start, end, pattern.sub(replacement, matched)),)
    if re.match(r"^[:;]-?[()DPp]$", matched):
        text = ctx.draft.text
        before = start
        while before > 0 and text[before - 1] == " ":
            before -= 1
        after = end
        while after < len(text) and text[after] == " ":
            after += 1
        # "Thanks for the quick reply :-) I'll send ..." : the smiley ended a sentence
        if after < len(text) and text[after].isupper() and before > 0 and text[before - 1].isalnum():
            return (Edit(before, end, "."),)
        return (Edit(before, end, ""),)
    return None
