"""Named functions contributed by the modules of a package: the Python checks behind `kind:
python` rules and the rewrite moves named by `fix.move`. A name is looked up first in the
module named after it (`brown-nosing` in `…/brown_nosing.py`, one rule per module), so a run
imports only the checks of its rules; a name found there is not looked for anywhere else, and
other names make every module of the package (subpackages too) import once."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

F = TypeVar("F", bound=Callable[..., object])


class Registry(Generic[F]):
    def __init__(self, package: str, what: str, decorator: str | None = None) -> None:
        self._package = package
        self._what = what  # "python check", "rewrite move": for error messages
        self._functions: dict[str, F] = {}
        self._imported = False
        self._module_names: list[str] | None = None
        # `@move("name")`: names found in the modules' source, without importing them
        self._declared_re = re.compile(rf'^@{decorator}\("([^"]+)"\)', re.M) if decorator else None
        self._declared: dict[str, str] | None = None

    def register(self, name: str) -> Callable[[F], F]:
        def add(function: F) -> F:
            if name in self._functions and self._functions[name] is not function:
                raise ValueError(f"{self._what} {name!r} is registered twice")
            self._functions[name] = function
            return function

        return add

    def get(self, name: str) -> F | None:
        if name not in self._functions:
            self._import_named(name)
        if name not in self._functions:
            self._import_all()
        return self._functions.get(name)

    def names(self) -> list[str]:
        self._import_all()
        return sorted(self._functions)

    def declared(self) -> dict[str, str]:
        """Name -> module, read from the package's source (`@move("name")` at the start of a
        line): a rule file's `fix.move` is checked without importing every module (and spaCy
        with them), so `pitchlint rules` and `rule ID` stay light."""
        if self._declared_re is None:
            raise TypeError(f"{self._what} names are not declared in the source")
        if self._declared is None:
            self._declared = {}
            for module in self._modules():
                spec = importlib.util.find_spec(module)
                if spec is None or spec.origin is None:
                    continue
                source = Path(spec.origin).read_text(encoding="utf-8")
                for name in self._declared_re.findall(source):
                    self._declared[name] = module
        return self._declared

    def module_of(self, name: str) -> str | None:
        """The dotted name of the module named after `name`, if the package has one."""
        stem = name.replace("-", "_")
        return next((m for m in self._modules() if m.rpartition(".")[2] == stem), None)

    def _import_named(self, name: str) -> None:
        module = self.module_of(name)
        if module is None and self._declared_re is not None:
            module = self.declared().get(name)
        if module is not None:
            importlib.import_module(module)

    def _modules(self) -> list[str]:
        if self._module_names is None:
            package = importlib.import_module(self._package)
            walked = pkgutil.walk_packages(package.__path__, f"{self._package}.")
            self._module_names = [m.name for m in walked if not m.ispkg]
        return self._module_names

    def _import_all(self) -> None:
        if self._imported:
            return
        for module in self._modules():
            importlib.import_module(module)
        self._imported = True
