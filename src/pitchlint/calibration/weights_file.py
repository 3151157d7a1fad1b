"""The weights file `pitchlint calibrate -o` writes and config loads (`weights-file:`): a team's
calibration as one reviewed file in its repository.

    weights:               # points one finding of the rule costs (a positive signal: gives)
      feature-dumping: 12.4
    severity:              # what the data support, where it is less than the rule declares
      reading-level: info

Kept light (PyYAML only): config reads it on every run."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import yaml

SEVERITIES = ("info", "warning", "error")


class WeightsFileError(ValueError):
    pass


def read_weights_file(path: Path) -> tuple[dict[str, float], dict[str, str]]:
    """Weights and severities by rule id, or a WeightsFileError naming file, line and field."""
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise WeightsFileError(f"{path}: cannot read weights file ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise WeightsFileError(f"{where}: weights file is not valid YAML") from None
    if root is None:
        return {}, {}
    if not isinstance(root, yaml.MappingNode):
        raise WeightsFileError(f"{path}:{root.start_mark.line + 1}: a weights file is a mapping")
    weights: dict[str, float] = {}
    severity: dict[str, str] = {}
    for key_node, value_node in root.value:
        key = key_node.value
        if key not in ("weights", "severity"):
            raise WeightsFileError(
                f"{path}:{key_node.start_mark.line + 1}: unknown key `{key}` (weights, severity)"
            )
        if not isinstance(value_node, yaml.MappingNode):
            raise WeightsFileError(
                f"{path}:{value_node.start_mark.line + 1}: `{key}` maps rule ids to values"
            )
        for rule_node, item in value_node.value:
            line = f"{path}:{item.start_mark.line + 1}"
            rule = rule_node.value
            value = yaml.safe_load(yaml.serialize(item)) if isinstance(item, yaml.ScalarNode) else None
            if key == "weights":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                    raise WeightsFileError(f"{line}: weights.{rule} must be a number, got {item.value!r}")
                if not 0 <= value <= 100:
                    raise WeightsFileError(f"{line}: weights.{rule} must be from 0 to 100, got {value}")
                weights[rule] = float(value)
            else:
                if value not in SEVERITIES:
                    raise WeightsFileError(f"{line}: severity.{rule} must be one of {', '.join(SEVERITIES)}")
                severity[rule] = value
    return weights, severity


def render_weights_file(weights: Mapping[str, float], severity: Mapping[str, str], header: list[str]) -> str:
    """The file's text: a comment header saying how it was fitted, then the two mappings."""
    lines = [f"# {line}" if line else "#" for line in header]
    lines.append("weights:")
    lines += [f"  {rule}: {_number(weight)}" for rule, weight in sorted(weights.items())]
    if severity:
        lines.append("severity:")
        lines += [f"  {rule}: {level}" for rule, level in sorted(severity.items())]
    return "\n".join(lines) + "\n"


def _number(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)
