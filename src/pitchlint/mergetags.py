"""Merge-tag syntax of the common sending tools, found once and kept opaque everywhere else.

A merge tag is never split by the tokenizer, never changed by a fix and never counted as a
word of prose. Redactions such as "[Video Link Deleted]" are not merge tags.
"""

from __future__ import annotations

import re

_FIELD_WORDS = (
    r"(?:(?:first|last|full|contact|prospect|recipient|your|company|account)[ _-]?)?"
    r"(?:name|company(?:[ _-]name)?|title|job[ _-]title|role|city|state|industry|website|"
    r"email|phone|first|last)"
)

# what `pitchlint rewrite` leaves where only the writer knows the fact (and what the catalog's
# own rewrites use): words in single braces, no pipes (that would be spintax)
PLACEHOLDER = r"\{(?=[^{}|\n]*\s)[^{}|\n\d][^{}|\n]{1,200}\}"
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
            r"\{[^{}|\n]+(?:\|[^{}|\n]*)+\}",  # spintax {Hi|Hello}
        )
    ),
    re.IGNORECASE,
)

# Half-open or mismatched tags: "{{first_name}", "{first_name}}", "{{ }}".
MALFORMED_TAG_RE = re.compile(
    r"\{\{[^{}\n]*\}(?!\})|(?<!\{)\{[A-Za-z_][A-Za-z0-9_.]*\}\}|\{\{\s*\}\}|\{\{[^{}\n]*$",
    re.MULTILINE,
)


def find_merge_tags(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of well-formed merge tags, in order and never overlapping."""
    return tuple(m.span() for m in MERGE_TAG_RE.finditer(text) if not _is_percent_false_hit(m))


def _is_percent_false_hit(match: re.Match[str]) -> bool:
    """'%FIRSTNAME%' is a tag; '50% of teams%' style prose is not (it starts with a digit)."""
    value = match.group(0)
    return value.startswith("%") and not value.strip("%").isupper() and "_" not in value


def count_placeholders(text: str) -> int:
    """Writer placeholders ("{the result a customer like you got}") left in a text."""
    return sum(1 for _ in PLACEHOLDER_RE.finditer(text))
