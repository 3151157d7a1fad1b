"""Merge-tag syntax of the common sending tools, found once and kept opaque everywhere else.

A merge tag is never split by the tokenizer, never changed by a fix and never counted as a
word of prose. Redactions such as "[Video Link Deleted]" are not merge tags.

Spintax ("{Hi|Hey} there", "{a tool that {HOOK}|something that {HOOK}}") is one merge tag for
the draft (a fix never edits inside it), but the parser reads it as its first variant: each
recipient reads one variant, and an opaque group in the middle of a sentence wrecks its parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIELD_WORDS = (
    r"(?:(?:first|last|full|contact|prospect|recipient|your|company|account)[ _-]?)?"
    r"(?:name|company(?:[ _-]name)?|title|job[ _-]title|role|city|state|industry|website|"
    r"email|phone|first|last)"
)

# what `pitchlint rewrite` leaves where only the writer knows the fact (and what the catalog's
# own rewrites use): words in single braces, no pipes (that would be spintax), and not template
# logic: `{% if %}`, `{# note #}` and Handlebars' `{{! ... }}` open with a sign, never a word,
# and the inside of a spaced tool tag (`{{ contact.first_name }}`) is not one either
PLACEHOLDER = r"(?<!\{)\{(?=[^{}|\n]*\s)[^{}|\n\d%#!][^{}|\n]{1,200}\}(?!\})"
PLACEHOLDER_RE = re.compile(PLACEHOLDER)

MERGE_TAG_RE = re.compile(
    "|".join(
        (
            r"\{\{[^{}\n]*\}\}",  # {{first_name}}, {{ contact.first_name }}
            r"\{%[^\n]*?%\}",  # Liquid / Jinja statements
            r"\{#[^\n]*?#\}",  # Jinja comments
            r"\*\|[A-Za-z0-9_:]+\|\*",  # Mailchimp *|FNAME|*
            r"%%?[A-Za-z][A-Za-z0-9_]*%%?",  # %FIRSTNAME%, %%first_name%%
            r"\[\[[^\[\]\n]+\]\]",  # [[first_name]]
            rf"\[{_FIELD_WORDS}\]",  # [First Name], [Company]
            r"\{[A-Za-z_][A-Za-z0-9_.]*\}",  # {first_name}
            PLACEHOLDER,  # {the result a customer like you got}: a fact the writer supplies
        )
    ),
    re.IGNORECASE,
)

# Half-open or mismatched tags: "{{first_name}", "{first_name}}", "{{ }}".
MALFORMED_TAG_RE = re.compile(
    r"\{\{[^{}\n]*\}(?!\})|(?<!\{)\{[A-Za-z_][A-Za-z0-9_.]*\}\}|\{\{\s*\}\}|\{\{[^{}\n]*$",
    re.MULTILINE,
)


# Half a tag: the other half never came, so the sending tool leaves it in the email as typed.
# "{first_name," (a single brace, then punctuation or the line end), "%COMPANY" (one percent
# sign), "*|FNAME" or "FNAME|*" (half a Mailchimp tag). Never inside a well-formed tag or group.
HALF_TAG_RE = re.compile(
    r"(?<![{\w])\{[A-Za-z_][A-Za-z0-9_.]*(?=[ \t]*(?:[,.!?;:]|\r?$))"
    r"|(?<![%\w])%[A-Z][A-Z0-9_]{2,}(?![A-Za-z0-9_%])"
    r"|\*\|[A-Za-z0-9_]+(?![A-Za-z0-9_]|\|\*)"
    r"|(?<![|\w*])[A-Z][A-Z0-9_]*\|\*",
    re.MULTILINE,
)


def find_merge_tags(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of well-formed merge tags and whole spintax groups, in order and never overlapping."""
    groups = [(g.start, g.end) for g in find_spintax(text)]
    tags = [
        m.span()
        for m in MERGE_TAG_RE.finditer(text)
        if not _is_percent_false_hit(m) and not any(s < m.end() and m.start() < e for s, e in groups)
    ]
    return tuple(sorted(groups + tags))


@dataclass(frozen=True)
class Spintax:
    """A spintax group "{a|b|c}": its span, braces included, and the span of each variant."""

    start: int
    end: int
    variants: tuple[tuple[int, int], ...]


# what a spintax variant may hold whole: a tag whose own characters include braces or pipes
_ATOM_RE = re.compile(r"\{\{[^{}\n]*\}\}|\*\|[A-Za-z0-9_:]+\|\*|\{[%#][^\n]*?[%#]\}")
_SPINTAX_MAX = 600  # a stray "{" in prose must not swallow the rest of the email


def find_spintax(text: str) -> tuple[Spintax, ...]:
    """The outermost spintax groups. A group may nest groups and tags ("{a tool that {HOOK}|
    something that {HOOK}}") and run over a wrapped line, but not over a blank line."""
    found: list[Spintax] = []
    pos = 0
    while True:
        start = text.find("{", pos)
        if start == -1:
            return tuple(found)
        atom = _ATOM_RE.match(text, start)
        if atom:
            pos = atom.end()
            continue
        group = _read_group(text, start)
        if group is not None and len(group.variants) > 1:
            found.append(group)
            pos = group.end
        else:
            pos = start + 1


def _read_group(text: str, start: int) -> Spintax | None:
    """The brace group opening at `start`, with its top-level variants; None when it is not
    closed within reach."""
    limit = min(len(text), start + _SPINTAX_MAX)
    variants: list[tuple[int, int]] = []
    variant_start = i = start + 1
    while i < limit:
        char = text[i]
        atom = _ATOM_RE.match(text, i) if char in "{*" else None
        if atom:
            i = atom.end()
        elif char == "{":
            inner = _read_group(text, i)
            if inner is None:
                return None
            i = inner.end
        elif char == "|":
            variants.append((variant_start, i))
            variant_start = i = i + 1
        elif char == "}":
            variants.append((variant_start, i))
            return Spintax(start, i + 1, tuple(variants))
        elif char == "\n" and text[i + 1 : limit].lstrip(" \t\r").startswith("\n"):
            return None  # a blank line ends any group
        else:
            i += 1
    return None


def first_variant_view(text: str) -> str:
    """The text as the parser should read it: every spintax group replaced, in place, by its
    first variant (braces and the other variants blanked to spaces, a wrapped line's newline
    among them), so offsets stay those of the text."""
    return variant_view(text, 0)


def variant_view(text: str, index: int) -> str:
    """As `first_variant_view`, with each group read as its variant `index` (its last, when
    it has fewer): `check --spintax every` reads variant 1, 2, ... of every group so."""
    groups = find_spintax(text)
    if not groups:
        return text
    chars = list(text)
    for group in groups:
        _keep_variant(text, chars, group, index)
    return "".join(chars)


def variant_count(text: str) -> int:
    """How many variants the most varied spintax group has (1: no spintax)."""
    return max((_group_variants(text, g) for g in find_spintax(text)), default=1)


def _group_variants(text: str, group: Spintax) -> int:
    inner = [
        _group_variants(text, _shifted(g, s)) for s, e in group.variants for g in find_spintax(text[s:e])
    ]
    return max([len(group.variants), *inner])


def _keep_variant(text: str, chars: list[str], group: Spintax, index: int) -> None:
    kept_start, kept_end = group.variants[min(index, len(group.variants) - 1)]
    for i in (*range(group.start, kept_start), *range(kept_end, group.end)):
        chars[i] = " "
    for inner in find_spintax(text[kept_start:kept_end]):
        _keep_variant(text, chars, _shifted(inner, kept_start), index)


def _shifted(group: Spintax, by: int) -> Spintax:
    return Spintax(group.start + by, group.end + by, tuple((s + by, e + by) for s, e in group.variants))


def _is_percent_false_hit(match: re.Match[str]) -> bool:
    """'%FIRSTNAME%' is a tag; '50% of teams%' style prose is not (it starts with a digit)."""
    value = match.group(0)
    return value.startswith("%") and not value.strip("%").isupper() and "_" not in value


def count_placeholders(text: str) -> int:
    """Writer placeholders ("{the result a customer like you got}") left in a text."""
    return sum(1 for _ in PLACEHOLDER_RE.finditer(text))
