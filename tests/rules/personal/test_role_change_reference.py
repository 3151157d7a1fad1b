"""`role-change-reference` (rules/personal/role-change-reference.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

import pytest

from pitchlint.findings import Severity
from tests.rules.helpers import findings_in


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("Congrats on the new role!", Severity.WARNING),
        ("Saw you were just promoted to VP. Well deserved!", Severity.WARNING),
        (
            "Your receptionist tells me you just moved in to this location last month – do you feel "
            "settled in yet?",
            Severity.INFO,
        ),
    ],
)
def test_a_role_change_is_a_warning_and_a_move_is_info(engine, text, severity):
    (finding,) = findings_in(engine, text, "role-change-reference")
    assert finding.severity == severity
