"""Fixtures the CLI tests share."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.cli.test_cli import make_runner


@pytest.fixture
def runner() -> CliRunner:
    """A Click runner that keeps stderr apart from stdout."""
    return make_runner()
