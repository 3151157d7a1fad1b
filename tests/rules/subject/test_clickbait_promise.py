"""`clickbait-promise` (rules/subject/clickbait-promise.yaml):
behaviour its YAML examples cannot express."""

from __future__ import annotations

from tests.rules.helpers import opening_findings


def test_clickbait_leaves_transform_the_way_to_hype_superlatives():
    text = "Hello Dave, In less than 3 minutes (link deleted), transform the way you think about sales."
    found = opening_findings(text)
    assert ("clickbait-promise", "In less than 3 minutes") in found
    assert ("hype-superlatives", "transform the way") in found
    spans = [matched for _, matched in found]
    assert len(spans) == len(set(spans)), "the same words reported by two rules"


def test_clickbait_judges_transform_the_way_in_the_subject():
    found = opening_findings("Subject: Transform the way you close\n\nHi Sam,\n\nOur tool closes books.\n")
    assert ("clickbait-promise", "Transform the way") in found
