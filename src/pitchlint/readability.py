"""Flesch-Kincaid grade through textstat, imported without its pkg_resources import.

textstat 0.7.3 imports pkg_resources at the top of its module only to read the Dale-Chall
and Spache word lists, which pitchlint never asks for; pkg_resources scans every installed
distribution when imported (about 0.2 s, a sixth of a cold `pitchlint check` over spaCy's own
start). While textstat is imported it is given a stand-in that imports the real module the
first time anything of it is used, so its functions behave as they always did."""

from __future__ import annotations

import functools
import importlib
import sys
import types
from typing import Any


class _ImportedOnUse(types.ModuleType):
    """A module that is only imported when one of its attributes is read."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


@functools.cache
def _textstat() -> Any:
    if "pkg_resources" in sys.modules:
        import textstat

        return textstat
    stand_in = _ImportedOnUse("pkg_resources")
    sys.modules["pkg_resources"] = stand_in
    try:
        import textstat
    finally:
        if sys.modules.get("pkg_resources") is stand_in:
            del sys.modules["pkg_resources"]  # anyone else importing it gets the real one
    return textstat


def flesch_kincaid_grade(text: str) -> float:
    return float(_textstat().flesch_kincaid_grade(text))
