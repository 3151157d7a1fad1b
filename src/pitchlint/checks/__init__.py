"""Registry of the Python functions behind `kind: python` rules.

One module per rule, beside its YAML: `rules/<family>/<id>.yaml` is checked by
`checks/<family>/<id_snake>.py`, which registers `@check("<id>")`. A rule file may name another
function with `function:` (default: its own id). What a family's checks share lives in
`checks/<family>/_helpers.py`; facts several families judge live in `pitchlint.analysis`, and
`checks/_shared/reader_facts.py` reads them per draft for the rules that need them.
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


def check_source(name: str) -> str | None:
    """Where the check called `name` is, relative to the installed package (`pitchlint/checks/
    personal/brown_nosing.py`), found without importing it (so without spaCy)."""
    module = _CHECKS.module_of(name)
    if module is None:
        return None
    return module.replace(".", "/") + ".py"
