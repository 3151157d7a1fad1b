"""Errors the command line reports as exit code 2. Kept apart from the modules that raise them
so the command line can catch them without importing spaCy or pydantic."""

from __future__ import annotations

from pathlib import Path


class RuleError(Exception):
    """A rule file that cannot be used. Its text is `file:line: field: problem`."""

    def __init__(self, path: Path | str, line: int | None, field: str | None, problem: str):
        self.path, self.line, self.field, self.problem = str(path), line, field, problem
        where = f"{self.path}:{line}" if line else self.path
        what = f"field `{field}`: " if field else ""
        super().__init__(f"{where}: {what}{problem}")


class ModelError(RuntimeError):
    """The configured pipeline cannot be loaded."""


class ParseRequired(RuntimeError):
    """A fact of the dependency parse was read from a Doc parsed without it (no trained
    pipeline): the rule that asked must declare `requires`, so that it is skipped instead of
    finding nothing."""


class ClusterError(RuntimeError):
    """`--dask` cannot be used: the extra is not installed, the scheduler is unreachable, or
    its workers would grade differently from this client."""


class MissingExtra(RuntimeError):
    """An option needs a package from an extra that is not installed (`pitchlint[parquet]`)."""
