"""The founding documents' own grading (catalog section 3) as a test table.

Samples A-C are verbatim from seed 002 (graded F, F, D by its author); the Godin note is the
endorsed positive control from seed 003, sent to existing customers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pitchlint.sources import read_draft

SEED = Path(__file__).parent / "fixtures" / "seed"
ORDER = "ABCDF"


@pytest.fixture(scope="module")
def graded(engine):
    names = ["sample-a", "sample-b", "sample-c", "godin", "ashley"]
    reports = engine.check([read_draft(str(SEED / f"{n}.txt")) for n in names])
    return dict(zip(names, reports, strict=True))


@pytest.mark.parametrize(
    ("name", "grades"),
    [
        ("sample-a", "F"),
        ("sample-b", "F"),
        ("sample-c", "D"),
        ("godin", "AB"),
    ],
)
def test_seed_grade(graded, name, grades):
    report = graded[name]
    assert report.score.grade in grades, (name, report.score)


def test_sample_c_is_fractionally_better_than_a_and_b(graded):
    c = graded["sample-c"].score
    for other in ("sample-a", "sample-b"):
        score = graded[other].score
        assert c.value >= score.value
        assert ORDER.index(c.grade) <= ORDER.index(score.grade)


def test_godin_note_has_no_error(graded):
    assert not [f for f in graded["godin"].findings if str(f.severity) == "error"]


def test_sample_c_traps(graded):
    """Sample C is spam but sells no features; "date me" is the sender's, not researched."""
    fired = {f.rule for f in graded["sample-c"].findings}
    assert not fired & {
        "feature-dumping",
        "hype-superlatives",
        "absolute-claims",
        "first-touch-meeting-ask",
        "creepy-personal-reference",
        "too-long",
    }


@pytest.mark.parametrize(
    ("name", "rules"),
    [
        ("sample-a", {"hype-superlatives", "feature-dumping", "self-focus-ratio", "no-question"}),
        ("sample-b", {"absolute-claims", "self-focus-ratio", "no-question", "reading-level"}),
        (
            "sample-c",
            {"writing-mechanics", "empty-pleasantry-opener", "no-question", "self-focus-ratio"},
        ),
    ],
)
def test_expected_hits(graded, name, rules):
    fired = {f.rule for f in graded[name].findings}
    assert rules <= fired, rules - fired


def test_breakdown_explains_the_score(graded):
    for report in graded.values():
        assert (
            100 - sum(p.points for p in report.score.breakdown) == pytest.approx(report.score.value, abs=1)
            or report.score.value == 0
        )
