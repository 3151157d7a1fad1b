"""Registry of the Python functions behind `kind: python` rules.

Each module in this package registers its functions with `@check("rule-id")`; a rule file
names its function with `function:` (default: its own id).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pitchlint.context import RuleContext
    from pitchlint.findings import Finding
    from pitchlint.rules.loader import LoadedRule

CheckFunction = Callable[["RuleContext", "LoadedRule"], Iterable["Finding"]]
_REGISTRY: dict[str, CheckFunction] = {}


def check(name: str) -> Callable[[CheckFunction], CheckFunction]:
    def register(function: CheckFunction) -> CheckFunction:
        if name in _REGISTRY and _REGISTRY[name] is not function:
            raise ValueError(f"python check {name!r} is registered twice")
        _REGISTRY[name] = function
        return function

    return register


def get_check(name: str, rule_path: Path) -> CheckFunction:
    _import_all()
    if name not in _REGISTRY:
        from pitchlint.rules.loader import RuleError

        raise RuleError(
            rule_path,
            None,
            "function",
            f"no python check named {name!r}; known: {', '.join(sorted(_REGISTRY))}",
        )
    return _REGISTRY[name]


def _import_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
