"""What the checks of the `personal` family share (rules/personal/)."""

from __future__ import annotations

from spacy.tokens import Token

_READER_POSS = frozenset({"your", "yours", "ur"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _reader_possessed(token: Token) -> bool:
    """ "your wife", "your daughter's" (the possessor itself is possessed by "your")."""
    return any(c.dep_ == "poss" and c.lower_ in _READER_POSS for c in token.children)
