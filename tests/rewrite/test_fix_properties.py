"""Property tests for fixing (Hypothesis): whatever the draft, fixing is idempotent, keeps every
merge tag byte for byte, never loses the quoted reply or the signature, applies edits that do
not overlap, and produces text that encodes as UTF-8. Drafts are built from pieces that carry
fixable findings (fake "Re:" prefixes) next to merge tags, quotes and signatures."""

from __future__ import annotations

import dataclasses
import itertools
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.fixer import fix_draft
from pitchlint.fixes import apply_fixes
from pitchlint.mergetags import find_merge_tags

PREFIXES = st.lists(st.sampled_from(["Re: ", "RE: ", "Fwd: ", "Re; ", "FW: "]), max_size=4).map("".join)
TAGS = st.sampled_from(["{{first_name}}", "{{company}}", "[First Name]", "*|FNAME|*", "{Hi|Hello}"])
WORDS = st.sampled_from(["your Q3 filing", "the Ohio change", "Re: the audit", "returns", "ünïcode ✓"])
SENTENCES = st.builds(lambda w, t: f"How is {w} going at {t}?", WORDS, TAGS) | st.builds(
    lambda w: f"Re: {w} is due Friday.", WORDS
)


@st.composite
def drafts(draw):  # type: ignore[no-untyped-def]
    subject = draw(PREFIXES) + draw(WORDS) + " " + draw(TAGS)
    body = " ".join(draw(st.lists(SENTENCES, min_size=1, max_size=4)))
    signature = "\n\nBest,\nJo " + draw(TAGS) + "\n" if draw(st.booleans()) else ""
    quote = "\nOn Tue, Sam wrote:\n> Re: Re: what about " + draw(TAGS) + "?\n" if draw(st.booleans()) else ""
    return f"Subject: {subject}\n\nHi {draw(TAGS)},\n\n{body}\n{signature}{quote}"


ENGINE = Engine(dataclasses.replace(Config(), select=("fake-reply-subject", "merge-field-artifacts")))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(drafts())
def test_fixing_is_idempotent_and_keeps_tags_quotes_and_signature(text):
    draft = parse_draft(text, "<prop>")
    once = fix_draft(ENGINE, draft, unsafe=True).draft
    twice = fix_draft(ENGINE, once, unsafe=True).draft
    assert twice.text == once.text
    assert [once.text[s:e] for s, e in find_merge_tags(once.text)] == [
        text[s:e] for s, e in find_merge_tags(text)
    ]
    for zone in ("quoted", "signature"):
        assert once.zone_text(zone) == draft.zone_text(zone)
    once.text.encode("utf-8")
    assert not re.match(r"(?:re|fwd?)\s*[:;]", once.subject or "", re.I)  # the fix did apply


@SETTINGS
@given(drafts())
def test_applied_edits_never_overlap_and_skip_protected_text(text):
    draft = parse_draft(text, "<prop>")
    (report,) = ENGINE.check([draft])
    result = apply_fixes(draft, report.findings, unsafe=True)
    spans = sorted((e.start, e.end) for f in result.applied for e in f.fix.edits)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    for start, end in spans:
        assert not draft.in_merge_tag(start, end)
        assert draft.zone_at(start) not in ("quoted", "signature", "front_matter")
