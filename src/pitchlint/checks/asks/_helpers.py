"""What the checks of the `asks` family share (rules/asks/)."""

from __future__ import annotations

from spacy.tokens import Token


def _end(token: Token) -> int:
    return token.idx + len(token.text)
