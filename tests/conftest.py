"""Shared fixtures: one engine over the bundled rules, reused by every test (loading the
pipeline is the expensive part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitchlint.engine import Engine
from pitchlint.rules.loader import bundled_rules_dir, load_rules

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def rules():
    return load_rules([bundled_rules_dir()])
