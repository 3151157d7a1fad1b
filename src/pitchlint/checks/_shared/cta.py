"""What checks of several families share, from the former `checks/cta.py`.

Calls to action that hand the reader the work or lean on them (catalog rules 31-35, 37).

* `wrong-person-referral-ask`: "if you're not the right person, who should I contact?";
* `passive-cta`: a closing that leaves the reader to work out the next step ("Any questions?");
* `random-reading-link`: a generic article, listicle or "more information" link;
* `bribe-for-meeting`: a gift card or freebie offered in exchange for a meeting;
* `urgency-pressure`: "act now", expiring offers, "seating will be limited";
* `fake-familiarity`: "as promised", "per our conversation" in a first email.

Each check reads its word lists from the rule's YAML `params` and uses the parse to keep the
same words in legitimate roles quiet: "You're the right person to ask because ..." (no
referral asked), "I'll forward this to our tax lead" (the seller forwards), "we help retailers
sell gift cards" (not a gift to the reader), "I'm now leading the team" (no imperative).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span

from pitchlint.analysis.spans import span_text
from pitchlint.params import regex_list

Hit = tuple[int, int]


# shared helpers -----------------------------------------------------------------------------


def _search(sent: Span, patterns: Iterable[re.Pattern[str]]) -> Iterator[re.Match[str]]:
    text = span_text(sent)
    for pattern in patterns:
        yield from pattern.finditer(text)


def _found(sent: Span, patterns: Iterable[re.Pattern[str]]) -> bool:
    """Whether any pattern matches the sentence (stops at the first match)."""
    text = span_text(sent)
    return any(pattern.search(text) for pattern in patterns)


def _at(sent: Span, match: re.Match[str]) -> Hit:
    """The match, or its `(?P<hit>...)` group when the pattern names one (context kept out)."""
    group = "hit" if "hit" in match.re.groupindex and match.group("hit") is not None else 0
    return sent.start_char + match.start(group), sent.start_char + match.end(group)


def _first(hits: Iterable[Hit]) -> Hit | None:
    """The earliest hit, widened by the hits that overlap it ("Here is a link" + "a link with
    more information")."""
    ordered = sorted(hits)
    if not ordered:
        return None
    start, end = ordered[0]
    for s, e in ordered[1:]:
        if s < end:
            end = max(end, e)
    return start, end


def _regexes(params: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    """Case-insensitive; a space in a pattern also matches a hard line wrap (" ?" any space)."""
    return regex_list(params, key, wrapping=True)
