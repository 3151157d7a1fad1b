"""Follow-ups as the calibration issue measures them, through the whole engine: a follow-up
that is only a bump grades D or F in every phrasing (a file with `touch: 2`, a greeting line
running straight into it, or steps 2-9 of a sequence), and one that brings a new fact and a
real question is not flagged."""

from __future__ import annotations

import pytest

from pitchlint.draft import parse_draft
from pitchlint.inputs.sequence import read_sequence

BUMPS = [
    "Any update on this?",
    "Not sure if you saw my last email.",
    "Just resurfacing this.",
    "Wanted to float this to the top of your inbox.",
    "Any thoughts?",
    "Just circling back.",
    "Did you get a chance to look at my note?",
    "Following up on my email below.",
    "Bringing this back up.",
    "Hoping to hear back.",
    "Checking whether this landed.",
    "Gentle ping.",
    "Thoughts?",
    "Just wanted to make sure this didn't get buried.",
    "I wanted to follow up on my last email. Let me know if you're interested.",
    "Hope your week is off to a good start! Just checking in on the note I sent.",
]


@pytest.mark.parametrize("bump", BUMPS)
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_follow_up_that_is_only_a_bump_grades_d_or_f(engine, bump, gap):
    head = '---\ntouch: 2\nsubject: "Re: Ohio rate change"\n---\n'
    text = f"{head}Hi {{{{first_name}}}},{gap}{bump}\n\nBest,\nTom\n"
    report = engine.check([parse_draft(text)])[0]
    assert report.score.grade in "DF", (bump, report.score)
    assert "bump-only-follow-up" in {f.rule for f in report.findings}
    assert "fake-reply-subject" not in {f.rule for f in report.findings}  # one Re: on step 2


@pytest.mark.parametrize(
    "body",
    [
        "Following up on the rates note: Ohio changed thresholds on July 1. Is that on your radar?",
        "Just circling back: the IRS moved the 1099-K deadline to March 31. Does that change your plan?",
        "Quick follow-up with the number you asked for: 14 of your 40 SKUs changed rates in March.",
    ],
)
def test_a_follow_up_with_a_new_fact_is_not_a_bump(engine, body):
    text = f'---\ntouch: 2\nsubject: "Re: rates"\n---\nHi Sam,\n\n{body}\n\nLi\n'
    report = engine.check([parse_draft(text)])[0]
    rules = {f.rule for f in report.findings}
    assert not rules & {"valueless-follow-up", "bump-only-follow-up", "fake-reply-subject"}, rules
    assert report.score.grade in "AB", report.score


def test_steps_two_to_nine_of_a_sequence_of_bumps_grade_d_or_f(engine):
    steps = [
        "  - subject: Ohio rate change\n    body: |\n      Hi {{first_name}},\n\n"
        "      Ohio moved its marketplace threshold on July 1. Is your Q3 filing affected?\n"
    ]
    for bump in BUMPS[:8]:
        step = '  - subject: "Re: Ohio rate change"\n    delay: 3\n    body: |\n'
        steps.append(f"{step}      Hi {{{{first_name}}}},\n      {bump}\n")
    emails, _info = read_sequence("nine.yaml", "name: nine\nsteps:\n" + "".join(steps))
    reports = engine.check([e.draft for e in emails])
    assert reports[0].score.grade in "AB"
    assert [r.score.grade in "DF" for r in reports[1:]] == [True] * 8


def test_guilt_about_silence_costs_even_with_a_new_fact(engine):
    text = "---\ntouch: 3\n---\nHi Sam,\n\nI never heard back, but Ohio moved its threshold on July 1.\n"
    report = engine.check([parse_draft(text)])[0]
    rules = {f.rule for f in report.findings}
    assert "silence-guilt" in rules and "bump-only-follow-up" not in rules
