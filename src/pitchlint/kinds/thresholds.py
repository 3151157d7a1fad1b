"""Which severity a measured value reaches, given info/warning/error bounds."""

from __future__ import annotations

from typing import Any

from pitchlint.findings import Severity
from pitchlint.rules.schema import Thresholds


def crossed(value: float, bounds: Thresholds | dict[str, Any] | None, *, above: bool) -> Severity | None:
    """The highest severity whose bound `value` passes (strictly), or None."""
    if bounds is None:
        return None
    if isinstance(bounds, dict):
        bounds = Thresholds(**bounds)
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        bound = getattr(bounds, str(severity))
        if bound is not None and (value > bound if above else value < bound):
            return severity
    return None
