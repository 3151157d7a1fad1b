"""What the fact finders below the `Analysis` facade read of a draft (exchange's asks and
gives, followups' bumps, meeting_asks): the clause type and a protocol that `Analysis`
provides. They annotate with this instead of importing the facade that is built on them, so
the analysis package has no import cycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from spacy.tokens import Span, Token

from pitchlint.draft import Draft

AgencyClass = Literal["seller", "reader", "other"]
QuestionClass = Literal["genuine", "loaded", "ask", "pleasantry", "other"]


@dataclass(frozen=True)
class Clause:
    verb: Token
    subject: Token | None
    agency: AgencyClass
    imperative: bool
    service: bool
    main: bool
    sentence: Span


class SentenceFacts(Protocol):
    """The part of `Analysis` the fact finders use."""

    draft: Draft

    @property
    def body_sentences(self) -> tuple[Span, ...]: ...

    @property
    def clauses(self) -> tuple[Clause, ...]: ...

    @property
    def meeting_asks(self) -> tuple[tuple[Span, int, int], ...]: ...

    def clauses_in(self, sent: Span) -> tuple[Clause, ...]: ...

    def question_kind(self, sent: Span) -> QuestionClass: ...
