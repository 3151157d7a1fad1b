"""Template residue and typing slips: a CRM name cut to an initial, the name pasted back in
mid-body, an unfilled blank, a half-closed merge tag, "I’am", a mid-sentence "You", a winking
emoticon."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pitchlint.analysis import Analysis
from pitchlint.findings import Edit
from pitchlint.greeting import TITLES
from pitchlint.rewrite import move
from pitchlint.rewrite.text import capitalise
from pitchlint.rules.schema import FixSpec

_FIRST_NAME = r"[A-Z][a-z’'-]+"
_INITIAL_NAME_RE = re.compile(rf"^({_FIRST_NAME}) [A-Z]\.$")
_FIRST_NAME_RE = re.compile(rf"^{_FIRST_NAME}$")
_BLANK_RE = re.compile(r"^_{3,}$|^\.{4,}$|^X{3,}$|^\?{3,}$")
# "{{first_name}" / "{first_name}}" / "{{first_name, I noticed": a tag with a plain field name
# and one brace short; anything odder ("{{ }}", "{{first name}") has no one right repair
_HALF_CLOSED_RE = re.compile(r"^\{\{[A-Za-z_][A-Za-z0-9_.]*\}$")
_HALF_OPENED_RE = re.compile(r"^\{[A-Za-z_][A-Za-z0-9_.]*\}\}$")
_UNCLOSED_RE = re.compile(r"^\{\{[A-Za-z_][A-Za-z0-9_.]*(?=[^\w.}]|$)")


@move("fix-residue")
def fix_residue(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """Only the repairs with one right answer: a blank becomes a placeholder to fill, a CRM name
    the first name, a pasted-in vocative goes, a tag gets its missing brace. Unfilled tags and
    hand-fill placeholders ("<NAME>") need a fact only the writer has: None."""
    text = analysis.draft.text
    matched = text[start:end]
    zone = analysis.draft.zone_at(start)
    if _BLANK_RE.match(matched):
        return (Edit(start, end, spec.replacement),) if spec.replacement else None
    if matched.startswith("{"):
        return _close_tag(analysis, start, end)
    if zone in ("body", "ps"):
        return _drop_vocative(text, start, end)
    if zone != "greeting":
        return None
    name = _INITIAL_NAME_RE.match(matched)
    if name:  # "Dear Charles H.," -> "Dear Charles,"
        return (Edit(start, end, name.group(1)),)
    first = _recipient_first_name(analysis.draft.meta.recipient.name)
    if _FIRST_NAME_RE.match(matched) and first and first != matched:  # greets someone else
        return (Edit(start, end, first),)
    return None


def _close_tag(analysis: Analysis, start: int, end: int) -> Sequence[Edit] | None:
    """The missing brace goes in as an insertion, so the tag's text itself is never rewritten."""
    matched = analysis.draft.text[start:end]
    if _HALF_CLOSED_RE.match(matched):
        return (Edit(end, end, "}"),)
    if _HALF_OPENED_RE.match(matched):
        # "{name}}" is a whole tag in single-brace syntax too: only a draft that writes its
        # other tags in double braces says which one was meant
        doubled = any(analysis.draft.text.startswith("{{", s) for s, _ in analysis.draft.merge_tags)
        return (Edit(start, start, "{"),) if doubled else None
    unclosed = _UNCLOSED_RE.match(matched)
    if unclosed:
        return (Edit(start + unclosed.end(), start + unclosed.end(), "}}"),)
    return None


def _drop_vocative(text: str, start: int, end: int) -> Sequence[Edit] | None:
    """ "Charles H., if you're willing ..." -> "If you're willing ...": the name only opened a
    sentence, so the sentence opens with its own next word."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    if before.strip() and not re.search(r"[.!?][\"'”’)]*[ \t]+$", before):
        return None
    comma = end
    while comma < len(text) and text[comma] in " \t":
        comma += 1
    if text[comma : comma + 1] != ",":
        return None
    rest = comma + 1
    while rest < len(text) and text[rest] in " \t":
        rest += 1
    if not re.match(r"[A-Za-z{]", text[rest : rest + 1]):
        return None
    return (Edit(start, rest + 1, capitalise(text[rest])),)


def _recipient_first_name(name: str | None) -> str | None:
    """ "Marcus Lee" -> "Marcus"; None unless the metadata's first word is plainly a first name."""
    words = [w for w in (name or "").split() if w.strip(".").lower() not in TITLES]
    if len(words) < 2 or not _FIRST_NAME_RE.match(words[0]):
        return None
    return words[0]


_MECHANICS = (
    (re.compile(r"^I([’'])am$"), r"I\1m"),
    (re.compile(r"^You$"), "you"),
    (re.compile(r"^i$"), "I"),
)
# a sentence whose opening clause an emoticon closed: "If you want to chat ;) reply here."
_INTRO_CLAUSE_RE = re.compile(
    r"(?:^|[.!?][\"'”’)]*\s+)(?:if|when|whenever|once|since|because|although|though|while|before|after"
    r"|unless|as soon as)\b[^,.!?;:\n]*$",
    re.I,
)


@move("fix-mechanics")
def fix_mechanics(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    """A safe fix, so only corrections with no second reading; a "You" that may be a name, a
    quotation or a capital after a colon stays."""
    text = analysis.draft.text
    matched = text[start:end]
    if matched == "You" and not _ordinary_you(text, start, end):
        return None
    if matched == "i" and text[end : end + 1] in (")", "."):  # "i) keep the old rate table"
        return None
    for pattern, replacement in _MECHANICS:
        if pattern.match(matched):
            return (Edit(start, end, pattern.sub(replacement, matched)),)
    if re.match(r"^[:;]-?[()DPp]$", matched):
        return _drop_emoticon(text, start, end)
    return None


def _ordinary_you(text: str, start: int, end: int) -> bool:
    """Whether this "You" is the pronoun mid-sentence, where only its capital is wrong."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    if not re.search(r"\w", line):  # a bullet or a line of its own: "- You now collect ..."
        return False
    if re.search(r"[:\"“‘(\[]\s*$", line) or re.match(r"\s+(?!I\b)[A-Z]", text[end:]):
        return False  # '"You ...', ': You ...', "Thank You Cakes"
    opened = line.count("“") - line.count("”") + line.count('"') % 2
    return opened <= 0  # inside a quotation: the capital may be the source's


def _drop_emoticon(text: str, start: int, end: int) -> Sequence[Edit]:
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    word_before = before > 0 and text[before - 1].isalnum()
    following = text[after : after + 1]
    if word_before and following.isupper():
        # "Thanks for the quick reply :-) I'll send ...": the smiley ended a sentence
        return (Edit(before, end, "."),)
    line = text[text.rfind("\n", 0, before) + 1 : before]
    if word_before and following.islower() and _INTRO_CLAUSE_RE.search(line):
        return (Edit(before, end, ","),)  # "If you want to chat ;) reply here."
    # "... wanted to reach out :)" at the end of its line ends a sentence; "Cheers :)" alone on
    # its line is a sign-off, which takes no full stop
    sentences = re.split(r"[.!?][\"'”’)]*\s", line)
    if word_before and following in ("", "\r", "\n") and (len(sentences) > 1 or len(line.split()) >= 4):
        return (Edit(before, end, "."),)
    return (Edit(before, end, ""),)
