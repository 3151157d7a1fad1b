"""Rewrite moves: named edits a rule's `fix.move` applies to a finding.

A move turns one finding into edits on the original text, often on the whole sentence around
the match (delete it, reframe it with the reader as subject, turn a loaded question into an
open one). Moves are generic so several rules share one; each module in this package registers
its moves with `@move("name")`. A move returns None when it cannot rewrite this finding safely,
and the finding keeps its advice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pitchlint.registry import Registry

if TYPE_CHECKING:
    from pitchlint.analysis import Analysis
    from pitchlint.findings import Edit
    from pitchlint.rules.schema import FixSpec

MoveFunction = Callable[["Analysis", int, int, "FixSpec"], "Sequence[Edit] | None"]
_MOVES: Registry[MoveFunction] = Registry(__name__, "rewrite move", decorator="move")
move = _MOVES.register
get_move = _MOVES.get
move_names = _MOVES.names
declared_moves = _MOVES.declared  # name -> module, from the source: no import
