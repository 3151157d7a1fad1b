"""A rule's `params`, checked against the model its code declares (ruff's typed options):
a key the code does not read, in the rule file or in a config override, is an error with the
file, line and field, not a setting silently ignored."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from pitchlint.config import Config, ConfigError
from pitchlint.errors import RuleError
from pitchlint.rules.loader import LoadedRule, field_line

# the params that kinds other than `python` read from a config override
KIND_PARAMS: dict[str, frozenset[str]] = {
    "metric": frozenset({"thresholds"}),
    "ratio": frozenset({"thresholds"}),
    "subject": frozenset({"max_chars"}),
    # a regex rule's own fields, validated as its file is
    "regex": frozenset(
        {"cases", "closing_sentences", "closing_skip_patterns", "quiet_patterns", "quiet_when"}
    ),
}


class RuleParams(BaseModel):
    """Base of each python rule's `Params`: every key declared, typed, and nothing else."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


def check_python_params(rule: LoadedRule, model: type[RuleParams], config: Config) -> None:
    """The rule file's params, then with the config's overrides laid over them."""
    _validate(model, rule.spec.params, lambda key: _rule_error(rule, key))
    overrides = config.params.get(rule.id, {})
    if overrides:
        merged = {**rule.spec.params, **overrides}
        _validate(model, merged, lambda key: _config_error(config, rule.id, key))


def check_config_params(rule: LoadedRule, config: Config) -> None:
    """Config overrides of a rule without a params model: only the keys its file or kind has."""
    known = set(rule.spec.params) | KIND_PARAMS.get(rule.kind, frozenset())
    overrides = config.params.get(rule.id, {})
    for key in overrides:
        if key not in known:
            raise _config_error(config, rule.id, key)(_unknown(key, known))
    if rule.kind == "regex":
        _validate_fields(rule, overrides, config)


def _validate_fields(rule: LoadedRule, overrides: dict[str, Any], config: Config) -> None:
    """Overrides of a rule's own fields (a regex rule's cases), judged by its file's schema."""
    try:
        type(rule.spec).model_validate({**rule.spec.model_dump(), **overrides})
    except ValidationError as exc:
        first = exc.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        where = "".join(f"[{p}]" for p in first["loc"][1:])
        problem = f"{where + ': ' if where else ''}{first['msg']}"
        raise _config_error(config, rule.id, key)(problem) from None


def _validate(model: type[RuleParams], values: dict[str, Any], error_for: Any) -> None:
    try:
        model.model_validate(values)
    except ValidationError as exc:
        # a misspelt key shows as an unknown key and a missing one: name the one written
        first = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        key = str(first["loc"][0]) if first["loc"] else ""
        if first["type"] == "extra_forbidden":
            problem = _unknown(key, set(model.model_fields))
        elif first["type"] == "missing":
            problem = "missing: the rule's code reads it"
        else:
            where = "".join(f"[{p}]" for p in first["loc"][1:])
            problem = f"{where + ': ' if where else ''}{first['msg']}"
        raise error_for(key)(problem) from None


def _unknown(key: str, known: set[str] | frozenset[str]) -> str:
    hint = difflib.get_close_matches(key, sorted(known), n=1)
    if hint:
        return f"unknown param (did you mean `{hint[0]}`?)"
    return f"unknown param; this rule reads: {', '.join(sorted(known)) or 'none'}"


def _rule_error(rule: LoadedRule, key: str) -> Any:
    def build(problem: str) -> RuleError:
        return RuleError(rule.path, field_line(rule.path, ["params", key]), f"params.{key}", problem)

    return build


def _config_error(config: Config, rule_id: str, key: str) -> Any:
    def build(problem: str) -> ConfigError:
        where = str(config.path) if config.path else "config"
        line = _config_line(config.path, key) if config.path else None
        at = f"{where}:{line}" if line else where
        return ConfigError(f"{at}: field `params.{rule_id}.{key}`: {problem}")

    return build


def _config_line(path: Path, key: str) -> int | None:
    """The line that sets `key` in a YAML or TOML config (a text search: TOML keeps no
    positions, and a misspelt key is rare enough to be found where it is written)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"(?:^|[\s{{,])[\"']?{re.escape(key)}[\"']?\s*[:=]")
    return next((i for i, line in enumerate(lines, 1) if pattern.search(line)), None)
