"""Named functions contributed by the modules of a package: the Python checks behind `kind:
python` rules and the rewrite moves named by `fix.move`. Every module of the package is
imported on the first lookup, so registering is only a decorator."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Generic, TypeVar

F = TypeVar("F", bound=Callable[..., object])


class Registry(Generic[F]):
    def __init__(self, package: str, what: str) -> None:
        self._package = package
        self._what = what  # "python check", "rewrite move": for error messages
        self._functions: dict[str, F] = {}
        self._imported = False

    def register(self, name: str) -> Callable[[F], F]:
        def add(function: F) -> F:
            if name in self._functions and self._functions[name] is not function:
                raise ValueError(f"{self._what} {name!r} is registered twice")
            self._functions[name] = function
            return function

        return add

    def get(self, name: str) -> F | None:
        self._import_all()
        return self._functions.get(name)

    def names(self) -> list[str]:
        self._import_all()
        return sorted(self._functions)

    def _import_all(self) -> None:
        if self._imported:
            return
        package = importlib.import_module(self._package)
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{self._package}.{module.name}")
        self._imported = True
