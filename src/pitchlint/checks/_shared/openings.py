"""What checks of several families share, from the former `checks/openings.py`.

Openings: what the subject line and the first sentences promise or lead with (catalog 2-7).

The reader decides in the first line whether to read on: "Right away, first thing, hand them an
agenda or a set of insights that specifically about them" (seed 000). These checks judge only
the subject and the first body sentences, and anchor on the dependency parse and the shared
agency analysis rather than on words alone, so that a first-person sentence about the reader
("I noticed your team opened a Reno office") counts as an observation, not as the seller
talking about itself. Each rule's word lists and patterns live in its YAML `params`.

Leading pleasantries ("Hope you're well.") are skipped before an opening is judged: they are
empty-pleasantry-opener's finding, and the sentence after them is the real opening.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# params ----------------------------------------------------------------------------------


def _find(patterns: Sequence[re.Pattern[str]], text: str) -> Iterator[tuple[int, int]]:
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield match.span("hit") if "hit" in pattern.groupindex else match.span()


def _search(patterns: Sequence[re.Pattern[str]], text: str) -> tuple[int, int] | None:
    return next(_find(patterns, text), None)
