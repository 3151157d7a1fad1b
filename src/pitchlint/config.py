"""Configuration from `[tool.pitchlint]` in pyproject.toml or `.pitchlint.yaml`, found by
walking up from the checked file. Unknown keys are errors (with a suggestion)."""

from __future__ import annotations

import difflib
import fnmatch
import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from pitchlint.findings import Severity
from pitchlint.inputs.columns import NO_COLUMNS, Columns
from pitchlint.limits import DEFAULT_LIMITS, Limits, finite_number

CONFIG_FILES = (".pitchlint.yaml", ".pitchlint.yml", "pyproject.toml")
DEFAULT_GRADES = {"A": 85.0, "B": 70.0, "C": 60.0, "D": 45.0}


class ConfigError(ValueError):
    pass


@dataclass(frozen=True, eq=False)  # identity hash: load_config caches one object per file
class Config:
    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    weights_file: Path | None = None  # `pitchlint calibrate`'s weights, merged into weights
    # false: the rule files' hand-set weights instead of the ones shipped fitted to outcomes
    bundled_weights: bool = True
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    rule_folders: tuple[Path, ...] = ()
    sender: tuple[str, ...] = ()
    company: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    model: str | None = None
    fail_on: Severity = Severity.ERROR
    fail_under: float | None = None
    grades: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_GRADES))
    # (glob, rule ids or families), globs relative to the config file's folder
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    limits: Limits = DEFAULT_LIMITS  # how much of an input is read and parsed
    columns: Columns = NO_COLUMNS  # a batch's columns the usual names do not find

    def ignored_for(self, draft_path: str) -> frozenset[str]:
        """Rule ids and families `per-file-ignores` switches off for this file."""
        if not self.per_file_ignores or draft_path == "-":
            return frozenset()
        base = self.path.parent if self.path else Path.cwd()
        path = Path(draft_path).resolve()
        try:
            relative = path.relative_to(base.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        return frozenset(
            name
            for pattern, names in self.per_file_ignores
            if fnmatch.fnmatch(relative, pattern) or PurePosixPath(relative).match(pattern)
            for name in names
        )

    @property
    def seller_names(self) -> tuple[str, ...]:
        return (*self.sender, *self.company, *self.products)


_KEYS = {
    "select",
    "ignore",
    "severity",
    "weights",
    "weights_file",
    "bundled_weights",
    "thresholds",
    "params",
    "rule_folders",
    "sender",
    "company",
    "products",
    "model",
    "fail_on",
    "fail_under",
    "grades",
    "per_file_ignores",
    "limits",
    "columns",
}


def find_config(start: Path, *, fresh: bool = False) -> Path | None:
    """The nearest config file at or above `start` (a file or a folder). A run looks each
    folder up once; a long-lived editor session asks `fresh`, as a config may appear."""
    folder = (start if start.is_dir() else start.parent).resolve()
    return _find_in.__wrapped__(folder) if fresh else _find_in(folder)


@functools.lru_cache(maxsize=256)
def _find_in(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "pitchlint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


@functools.lru_cache(maxsize=64)
def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
        if path.name == "pyproject.toml":
            data = tomllib.loads(text).get("tool", {}).get("pitchlint", {})
        else:
            data = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read config: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: config must be a mapping of keys")
    return config_from_mapping(data, path)


def _spelt(key: str) -> str:
    """A key as the README and `pitchlint init` spell it (`rule-folders`; `rule_folders` is
    read too)."""
    return key.replace("_", "-")


def _flag(values: dict[str, Any], key: str, where: str) -> bool:
    value = values.get(key, True)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: `{_spelt(key)}` must be true or false")
    return value


def weights_file_path(value: Any, base: Path, where: str) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: `weights-file` must be a path")
    path = (base / value).resolve()
    if not path.is_file():
        raise ConfigError(f"{where}: weights-file {value!r} not found (looked at {path})")
    return path


def read_calibration(path: Path | None) -> tuple[dict[str, float], dict[str, str]]:
    """`weights-file:` (relative to the config file): weights fitted by `pitchlint calibrate`."""
    if path is None:
        return {}, {}
    from pitchlint.calibration.weights_file import WeightsFileError, read_weights_file

    try:
        return read_weights_file(path)
    except WeightsFileError as exc:
        raise ConfigError(str(exc)) from None


def config_from_mapping(data: dict[str, Any], path: Path | None) -> Config:
    where = str(path) if path else "config"
    values = {str(k).replace("-", "_"): v for k, v in data.items()}
    for key, given in zip(values, data, strict=True):
        if key not in _KEYS:
            hint = difflib.get_close_matches(key, sorted(_KEYS), n=1)
            suggestion = f" (did you mean `{_spelt(hint[0])}`?)" if hint else ""
            raise ConfigError(f"{where}: unknown key `{given}`{suggestion}")
    base = path.parent if path else Path.cwd()

    def names(key: str) -> tuple[str, ...]:
        value = values.get(key, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `{_spelt(key)}` must be a list of names")
        return tuple(value)

    def mapping(key: str) -> dict[str, Any]:
        value = values.get(key, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: `{_spelt(key)}` must be a mapping")
        return value

    calibration = weights_file_path(values.get("weights_file"), base, where)
    file_weights, file_severity = read_calibration(calibration)
    try:
        severity = {
            rule: Severity.parse(str(level))
            for rule, level in {**file_severity, **mapping("severity")}.items()
        }
        fail_on = Severity.parse(str(values.get("fail_on", "error")))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    params: dict[str, dict[str, Any]] = {k: dict(v) for k, v in mapping("params").items()}
    for rule, bounds in mapping("thresholds").items():
        params.setdefault(rule, {})["thresholds"] = bounds
    weights = dict(file_weights)  # the config's own weights win over the calibrated file's
    try:
        for rule, weight in mapping("weights").items():
            weights[rule] = finite_number(weight, f"{where}: weight of `{rule}`", low=0, high=100)
        grades = {
            **DEFAULT_GRADES,
            **{
                str(k).upper(): finite_number(v, f"{where}: grade {k}", low=0, high=100)
                for k, v in mapping("grades").items()
            },
        }
        limits = Limits.from_mapping(values.get("limits", {}), where)
        columns = Columns.from_mapping(values.get("columns", {}), where)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    per_file = tuple(
        (str(pattern), tuple([ids] if isinstance(ids, str) else ids))
        for pattern, ids in mapping("per_file_ignores").items()
    )
    if not all(isinstance(i, str) for _, ids in per_file for i in ids):
        raise ConfigError(f"{where}: `per-file-ignores` maps a glob to a list of rule ids")
    fail_under = values.get("fail_under")
    if fail_under is not None:
        try:
            fail_under = finite_number(fail_under, f"{where}: `fail-under`", low=0, high=100)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    return Config(
        path=path,
        select=names("select"),
        ignore=names("ignore"),
        severity=severity,
        weights=weights,
        weights_file=calibration,
        bundled_weights=_flag(values, "bundled_weights", where),
        params=params,
        rule_folders=tuple((base / p).resolve() for p in names("rule_folders")),
        sender=names("sender"),
        company=names("company"),
        products=names("products"),
        model=values.get("model"),
        fail_on=fail_on,
        fail_under=float(fail_under) if fail_under is not None else None,
        grades=grades,
        per_file_ignores=per_file,
        limits=limits,
        columns=columns,
    )
