"""What the checks of the `claims` family share (rules/claims/)."""

from __future__ import annotations

from spacy.tokens import Token

from pitchlint.analysis import Analysis


def _is_seller(token: Token | None, analysis: Analysis) -> bool:
    return token is not None and analysis.agency_of(token) == "seller"


def _union(spans: list[tuple[int, int]]) -> tuple[int, int]:
    return min(s for s, _ in spans), max(e for _, e in spans)
