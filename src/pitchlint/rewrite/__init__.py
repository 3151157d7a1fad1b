"""Rewrite moves: named edits a rule's `fix.move` applies to a finding.

A move turns one finding into edits on the original text, often on the whole sentence around
the match (delete it, reframe it with the reader as subject, turn a loaded question into an
open one). Moves are generic so several rules share one; each module in this package registers
its moves with `@move("name")`. A move returns None when it cannot rewrite this finding safely,
and the finding keeps its advice.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pitchlint.context import RuleContext
    from pitchlint.findings import Edit
    from pitchlint.rules.schema import FixSpec

MoveFunction = Callable[["RuleContext", int, int, "FixSpec"], "Sequence[Edit] | None"]
_MOVES: dict[str, MoveFunction] = {}


def move(name: str) -> Callable[[MoveFunction], MoveFunction]:
    def register(function: MoveFunction) -> MoveFunction:
        if name in _MOVES and _MOVES[name] is not function:
            raise ValueError(f"rewrite move {name!r} is registered twice")
        _MOVES[name] = function
        return function

    return register


def get_move(name: str) -> MoveFunction | None:
    _import_all()
    return _MOVES.get(name)


def move_names() -> list[str]:
    _import_all()
    return sorted(_MOVES)


def _import_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
