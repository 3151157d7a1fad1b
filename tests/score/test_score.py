"""Score properties: in range, never raised by a finding, per-rule caps, grade bands."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pitchlint.config import DEFAULT_GRADES
from pitchlint.findings import Finding, Severity
from pitchlint.score import grade_for, score_findings

RULE_IDS = ["a-rule", "b-rule", "c-rule"]
findings_strategy = st.lists(
    st.builds(
        lambda rule, weight, start: Finding(
            rule, Severity.ERROR, start, start + 1, 1, start + 1, "x", "m", weight=weight
        ),
        st.sampled_from(RULE_IDS),
        st.floats(min_value=0, max_value=40, allow_nan=False),
        st.integers(min_value=0, max_value=500),
    ),
    max_size=30,
)
CAPS = {"a-rule": 10.0, "b-rule": 30.0, "c-rule": 50.0}


@given(findings_strategy)
def test_score_in_range_and_grade_consistent(findings):
    score = score_findings(findings, CAPS, DEFAULT_GRADES)
    assert 0 <= score.value <= 100
    assert score.grade == grade_for(score.value, DEFAULT_GRADES)


@given(findings_strategy, findings_strategy)
def test_adding_findings_never_raises_the_score(first, more):
    before = score_findings(first, CAPS, DEFAULT_GRADES).value
    after = score_findings(first + more, CAPS, DEFAULT_GRADES).value
    assert after <= before


def test_repeated_findings_are_capped_per_rule():
    many = [Finding("a-rule", Severity.ERROR, i, i + 1, 1, i + 1, "x", "m", weight=8) for i in range(9)]
    score = score_findings(many, CAPS, DEFAULT_GRADES)
    assert score.value == 90
    assert score.breakdown[0].count == 9
    # 9 x 8 points capped at 10: 1.25 findings' worth, 100 * 0.92 ** 1.25
    assert score.breakdown[0].points == 9.9


def test_grade_bands():
    assert [grade_for(v, DEFAULT_GRADES) for v in (100, 85, 84, 70, 69, 60, 59, 45, 44, 0)] == [
        "A",
        "A",
        "B",
        "B",
        "C",
        "C",
        "D",
        "D",
        "F",
        "F",
    ]


def _finding(rule: str, weight: float, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(rule, severity, 0, 1, 1, 1, "x", "m", weight=weight)


def test_penalties_compound_heaviest_first():
    score = score_findings([_finding("b-rule", 10), _finding("c-rule", 15)], CAPS, DEFAULT_GRADES)
    # 100 - 15% = 85; 85 - 10% of 85 = 76.5
    assert [(p.rule, p.points) for p in score.breakdown] == [("c-rule", 15.0), ("b-rule", 8.5)]
    assert score.value == 76


@given(findings_strategy)
def test_breakdown_adds_up_to_the_points_lost(findings):
    score = score_findings(findings, CAPS, DEFAULT_GRADES)
    assert abs(100 - sum(p.points for p in score.breakdown) - score.value) <= 0.5 + 0.05 * len(
        score.breakdown
    )


@given(findings_strategy)
def test_compounding_keeps_bad_drafts_apart_from_zero(findings):
    """Three rules capped at 10, 30 and 50 points can take at most 1 - 0.9 * 0.7 * 0.5 of the score."""
    assert score_findings(findings, CAPS, DEFAULT_GRADES).value >= 31


def _signal(rule: str, weight: float) -> Finding:
    return Finding(rule, Severity.INFO, 0, 1, 1, 1, "x", "m", weight=weight, positive=True)


def test_positive_signal_gives_back_a_share_of_what_is_left():
    score = score_findings(
        [_finding("c-rule", 20, Severity.WARNING), _signal("research", 10)],
        {**CAPS, "research": 15},
        DEFAULT_GRADES,
    )
    # 100 - 20% = 80; 80 + 10% of 80 = 88
    assert [(p.rule, p.points) for p in score.breakdown] == [("c-rule", 20.0), ("research", -8.0)]
    assert score.breakdown[1].signed() == "+8 research"
    assert score.value == 88


def test_positive_signal_never_lifts_the_score_above_100():
    score = score_findings([_signal("research", 10)], {"research": 15}, DEFAULT_GRADES)
    assert score.value == 100
    assert score.breakdown == ()


@given(findings_strategy, st.floats(min_value=0, max_value=30, allow_nan=False))
def test_breakdown_with_signals_still_adds_up(findings, bonus):
    score = score_findings([*findings, _signal("research", bonus)], {**CAPS, "research": 30}, DEFAULT_GRADES)
    assert 0 <= score.value <= 100
    assert abs(100 - sum(p.points for p in score.breakdown) - score.value) <= 0.5 + 0.05 * len(
        score.breakdown
    )


def test_a_signal_never_gives_back_what_an_error_took():
    """ "Hi ," with a researched question: the research does not mend the broken merge."""
    caps = {**CAPS, "research": 30}
    alone = score_findings([_finding("c-rule", 20)], caps, DEFAULT_GRADES)
    signalled = score_findings([_finding("c-rule", 20), _signal("research", 30)], caps, DEFAULT_GRADES)
    assert signalled.value == alone.value == 80
    mixed = score_findings(
        [_finding("c-rule", 20), _finding("b-rule", 10, Severity.WARNING), _signal("research", 30)],
        caps,
        DEFAULT_GRADES,
    )
    assert mixed.value == 80  # the warning's points come back, up to what the error left


@given(findings_strategy, st.floats(min_value=0, max_value=30, allow_nan=False))
def test_signals_never_lift_a_score_above_its_errors_alone(findings, bonus):
    errors_only = score_findings(findings, CAPS, DEFAULT_GRADES)  # the strategy's findings are errors
    signalled = score_findings(
        [*findings, _signal("research", bonus)], {**CAPS, "research": 30}, DEFAULT_GRADES
    )
    assert signalled.value <= errors_only.value
