"""Importing spaCy without its command line, which pitchlint never runs.

spaCy's `__init__` imports `spacy.cli.info` only to offer `spacy.info`, and that imports the
whole of spaCy's CLI (typer, weasel, requests, httpx and every command): about a third of
`import spacy`, and most of what a cold `pitchlint check` spent over the cost of spaCy and its
pipeline. Once `install()` has run (the `pitchlint` command does it first), the first import of
spaCy sees a stand-in `spacy.cli.info` whose `info` imports the real one when it is called.
The stand-ins are gone as soon as spaCy's `__init__` has run, so a later `import spacy.cli`
is the real CLI, and a process that imported spaCy before is left as it was.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Sequence
from typing import Any

_CLI = "spacy.cli"
_INFO = "spacy.cli.info"


def install() -> None:
    """Import spaCy without its CLI from now on (nothing to do once spaCy is imported)."""
    if "spacy" not in sys.modules and not any(isinstance(f, _SpacyFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SpacyFinder())


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, from spaCy's real CLI, imported now."""
    return importlib.import_module(_INFO).info(*args, **kwargs)


class _SpacyFinder(importlib.abc.MetaPathFinder):
    """Finds the `spacy` package as the path finder would, to run its `__init__` with the
    stand-ins in place. Used for that one import, then inert."""

    def __init__(self) -> None:
        self.used = False

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "spacy" or self.used:
            return None
        self.used = True
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and isinstance(spec.loader, importlib.abc.Loader):
            spec.loader = _WithoutCli(spec.loader, self)
        return spec


class _WithoutCli(importlib.abc.Loader):
    """spaCy's own loader, with `spacy.cli` and `spacy.cli.info` stood in for while it runs."""

    def __init__(self, loader: importlib.abc.Loader, finder: _SpacyFinder) -> None:
        self._loader = loader
        self._finder = finder

    def __getattr__(self, name: str) -> Any:  # get_code, get_resource_reader, ...
        return getattr(self._loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        package = types.ModuleType(_CLI)
        package.__path__ = []  # a package with nothing in it: only the stand-in below
        info = types.ModuleType(_INFO)
        info.info = _info  # type: ignore[attr-defined]
        stand_ins = {_CLI: package, _INFO: info}
        for name, stand_in in stand_ins.items():
            sys.modules.setdefault(name, stand_in)
        try:
            self._loader.exec_module(module)
        finally:
            for name, stand_in in stand_ins.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
            if self._finder in sys.meta_path:
                sys.meta_path.remove(self._finder)
