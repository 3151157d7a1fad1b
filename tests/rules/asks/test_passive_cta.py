"""`passive-cta` (rules/asks/passive-cta.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations


def test_passive_closing_is_quiet_next_to_a_genuine_question_unless_configured(run):
    text = (
        "Hi Sam,\n\nYour Reno site ships 40% of your returns. How are you routing them today? "
        "Let me know if you have any questions.\n"
    )
    assert run(text, "passive-cta") == []
    (finding,) = run(text, "passive-cta", quiet_when=[])
    assert finding.matched == "Let me know if you have any questions"


def test_passive_phrase_early_in_the_email_is_not_the_closing(run):
    text = (
        "Hi Sam,\n\nFor more information on the Ohio rule, the DOR bulletin is the source. "
        "Our team files in 12 states. Most clients start with Ohio. Texas comes next. "
        "Then we add the rest.\n"
    )
    assert run(text, "passive-cta") == []


def test_sample_a_link_is_both_passive_and_random_reading(run):
    text = "Hi Charles,\n\nHere is a link with more information and a demo – _____.\n"
    assert [f.matched for f in run(text, "passive-cta")] == ["Here is a link with more information"]
    assert [f.matched for f in run(text, "random-reading-link")] == ["Here is a link with more information"]
