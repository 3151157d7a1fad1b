"""Registry of the Python functions behind `kind: python` rules.

Each module in this package registers its functions with `@check("rule-id")`; a rule file
names its function with `function:` (default: its own id).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pitchlint.registry import Registry

if TYPE_CHECKING:
    from pitchlint.context import RuleContext
    from pitchlint.findings import Finding
    from pitchlint.rules.loader import LoadedRule

CheckFunction = Callable[["RuleContext", "LoadedRule"], Iterable["Finding"]]
_CHECKS: Registry[CheckFunction] = Registry(__name__, "python check")
check = _CHECKS.register


def get_check(name: str, rule_path: Path) -> CheckFunction:
    function = _CHECKS.get(name)
    if function is None:
        from pitchlint.rules.loader import RuleError

        raise RuleError(
            rule_path,
            None,
            "function",
            f"no python check named {name!r}; known: {', '.join(_CHECKS.names())}",
        )
    return function
