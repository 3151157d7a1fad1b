"""Property tests for `rewrite` (Hypothesis): drafts built from the catalog's smells, merge tags,
quoted replies and signatures. Whatever the mix, rewriting is idempotent, keeps every merge tag
byte for byte, never touches the quoted reply or the signature, never applies overlapping
edits, and produces valid UTF-8."""

from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pitchlint.draft import parse_draft
from pitchlint.fixer import rewrite_draft
from pitchlint.fixes import allowed_applicabilities, apply_fixes
from pitchlint.mergetags import find_merge_tags

TAGS = st.sampled_from(["{{first_name}}", "{{company}}", "[Company]", "*|FNAME|*", "{Hi|Hello}"])
SMELLS = [
    "I hope this email finds you well.",
    "Just checking in on my last email.",
    "We will save you money and make ordering business cards very easy.",
    "We are the leaders in online tax compliance.",
    "Are you 100% confident in your rates?",
    "Can you give us just 15 minutes on the phone this week?",
    "Let me know if you are not the right person.",
    "Congrats on your daughter's wedding last weekend!",
    "Our platform eliminates all of those unproductive hours.",
    "Here is a link with more information: https://example.com/deck.",
    "I’am very ripe person.",
    "Your Q2 filing added 14 states.",
    "How are you handling the July rate changes?",
]
TAGGED = [
    "I noticed {tag} opened a Reno warehouse.",
    "Give us 15 minutes and we can show {tag} how we automate rates.",
    "We help teams like {tag} close faster.",
]


@st.composite
def drafts(draw):  # type: ignore[no-untyped-def]
    pieces = draw(st.lists(st.sampled_from(SMELLS + TAGGED), min_size=1, max_size=5))
    body = " ".join(p.format(tag=draw(TAGS)) for p in pieces)
    if draw(st.booleans()):
        body = body.replace(". ", ".\n\n", 1)
    subject = (
        "Subject: " + draw(st.sampled_from(["Re: Re: ", "Fwd: ", ""])) + "rates at " + draw(TAGS) + "\n\n"
    )
    signature = "\n\nBest,\nJo " + draw(TAGS) + "\n" if draw(st.booleans()) else "\n"
    quote = "\nOn Tue, Sam wrote:\n> Are you 100% sure? " + draw(TAGS) + "\n" if draw(st.booleans()) else ""
    return f"{subject}Hi {draw(TAGS)},\n\n{body}{signature}{quote}"


SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _tags(text: str) -> Counter[str]:
    return Counter(text[s:e] for s, e in find_merge_tags(text))


@SETTINGS
@given(drafts())
def test_rewrite_is_idempotent_and_keeps_tags_quotes_and_signature(engine, text):
    draft = parse_draft(text, "<prop>")
    once = rewrite_draft(engine, draft).draft
    assert rewrite_draft(engine, once).draft.text == once.text
    assert not _tags(text) - _tags(once.text), "a merge tag was lost or altered"
    for zone in ("quoted", "signature"):
        assert once.zone_text(zone) == draft.zone_text(zone)
    once.text.encode("utf-8")


@SETTINGS
@given(drafts())
def test_rewrite_edits_never_overlap_or_touch_protected_text(engine, text):
    draft = parse_draft(text, "<prop>")
    (report,) = engine.check([draft])
    result = apply_fixes(draft, report.findings, allowed=allowed_applicabilities(suggestions=True))
    spans = sorted((e.start, e.end) for f in result.applied for e in f.fix.edits)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    for start, end in spans:
        assert draft.zone_at(start) not in ("quoted", "signature", "front_matter")
        for s, e in draft.merge_tags:
            assert not (s < start < e or s < end < e), "an edit cuts into a merge tag"
