"""Which weight a rule's finding costs, in one place: the config's own `weights:`, else its
`weights-file:` (a team's calibration), else the weights pitchlint ships fitted to real
outcomes (`bundled-weights.yaml`, written by `scripts/refit_bundled.py` with `pitchlint
calibrate`'s fit), else the hand-set weight in the rule file, which is also the prior any fit
starts from. Light (PyYAML only): config, docs and cached runs read it without spaCy."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pitchlint.config import Config
    from pitchlint.rules.loader import LoadedRule

BUNDLED_WEIGHTS = Path(__file__).with_name("bundled-weights.yaml")


@functools.cache
def bundled_weights() -> dict[str, float]:
    """The shipped fitted weights (empty if the file is absent)."""
    if not BUNDLED_WEIGHTS.is_file():
        return {}
    from pitchlint.calibration.weights_file import read_weights_file

    weights, _severity = read_weights_file(BUNDLED_WEIGHTS)
    return weights


def weight_for(rule: LoadedRule, config: Config) -> float | None:
    """The weight in use when it is not the rule file's own (None: the rule file's)."""
    configured = config.weights.get(rule.id)
    if configured is not None:
        return configured
    if config.bundled_weights and _is_bundled(rule):
        return bundled_weights().get(rule.id)
    return None


def _is_bundled(rule: LoadedRule) -> bool:
    from pitchlint.rules import bundled_rules_dir

    try:
        Path(rule.path).resolve().relative_to(bundled_rules_dir().resolve())
    except ValueError:
        return False
    return True
