"""Draft parsing: zones, front matter, merge tags as single tokens, offsets; with Hypothesis
properties (zones partition the text, the Doc keeps the text's offsets, line/col round trip)."""

from __future__ import annotations

import functools
import itertools

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pitchlint.draft import ALL_ZONES, PROSE_ZONES, Draft, DraftError, parse_draft
from pitchlint.mergetags import MALFORMED_TAG_RE, find_merge_tags, find_spintax
from pitchlint.nlp import components_for, load_pipeline, make_doc, resolve_model

PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline(resolve_model(None), components_for(["pos", "dep", "lemma"]))


def zones(draft: Draft) -> list[tuple[str, str]]:
    return [(z.name, draft.text[z.start : z.end]) for z in draft.zones]


# --- zones -------------------------------------------------------------------------------


def test_subject_line():
    draft = parse_draft("Subject: Your Reno warehouse\n\nHi Sam,\n\nHow is it going?\n")
    assert draft.subject == "Your Reno warehouse"
    assert draft.zone_text("header") == "Subject: "
    assert draft.zone_text("greeting") == "Hi Sam,"
    assert [t for name, t in zones(draft) if name == "body"] == ["\n\n", "\n\nHow is it going?\n"]
    assert draft.zone_at(draft.text.index("Reno")) == "subject"
    assert draft.zone_at(draft.text.index("How")) == "body"


def test_subject_line_after_blank_lines_and_any_case():
    draft = parse_draft("\n\nSUBJECT:   spaced out   \nHi Sam,\n")
    assert draft.subject == "spaced out"


def test_no_subject():
    draft = parse_draft("Hi Sam,\n\nSubject: this is not a header\n")
    assert draft.subject is None
    assert draft.zone("header") is None


def test_front_matter_subject_and_meta():
    text = (
        "---\n"
        'subject: "Lisbon office and payroll"\n'
        "touch: 2\n"
        "relationship: customer\n"
        "sender: Priya Natarajan\n"
        "company: Ledgerline\n"
        "products: Ledgerline Sync\n"
        "recipient: {name: Tomas Brandt, company: Kestrel, role: Head of People}\n"
        "template: false\n"
        "---\n"
        "Hi Tomas,\n\nWho files for you?\n"
    )
    draft = parse_draft(text, "intro.md")
    assert draft.subject == "Lisbon office and payroll"
    subject = draft.zone("subject")
    assert subject is not None and text[subject.start - 1] == '"'
    assert draft.zone_at(text.index("touch")) == "front_matter"
    assert draft.zone_text("greeting") == "Hi Tomas,"
    meta = draft.meta
    assert meta.touch == 2 and meta.is_follow_up
    assert meta.relationship == "customer"
    assert meta.sender == "Priya Natarajan"
    assert meta.company == "Ledgerline"
    assert meta.products == ("Ledgerline Sync",)
    assert (meta.recipient.name, meta.recipient.company, meta.recipient.role) == (
        "Tomas Brandt",
        "Kestrel",
        "Head of People",
    )
    assert meta.template is False
    assert not meta.is_reply


def test_front_matter_unquoted_subject_and_recipient_as_text():
    draft = parse_draft(
        "---\nsubject: Ohio dates moved\nrecipient: Sam Lee\nin_reply_to: <a@b>\n---\nHi Sam,\n"
    )
    assert draft.subject == "Ohio dates moved"
    assert draft.meta.recipient.name == "Sam Lee"
    assert draft.meta.is_reply
    assert draft.meta.touch == 1 and not draft.meta.is_follow_up


def test_front_matter_errors_name_the_path():
    with pytest.raises(DraftError, match=r"^x\.md:.*line 3.*not valid YAML"):
        parse_draft("---\nsubject: a\ntouch: [2\n---\nHi\n", "x.md")
    with pytest.raises(DraftError, match="touch"):
        parse_draft("---\ntouch: -1\n---\nHi\n", "x.md")


def test_greeting_on_its_own_line():
    draft = parse_draft("Hi Sam,\n\nBody.\n")
    assert zones(draft)[0] == ("greeting", "Hi Sam,")


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("Hello Dave, In less than a week your filing is due.\n", "Hello Dave,"),
        ("Hey there! Quick one.\n", "Hey there!"),
        ("Good morning Sam!\nBody.\n", "Good morning Sam!"),
        ("Hi Sam\nBody.\n", "Hi Sam"),
        ("\n\n  Dear Priya,\nBody.\n", "Dear Priya,"),
        ("Hi {{first_name}},\n\nBody.\n", "Hi {{first_name}},"),
        ("To whom it may concern,\n\nBody.\n", "To whom it may concern,"),
        ("Wayne --\n\nBody.\n", "Wayne --"),
        ("{{First_Name}},\n\nBody.\n", "{{First_Name}},"),
    ],
)
def test_greetings(text, greeting):
    draft = parse_draft(text)
    assert draft.zone_text("greeting") == greeting


def test_inline_greeting_leaves_the_rest_to_the_body():
    draft = parse_draft("Hello Dave, In less than a week your filing is due.\n")
    assert zones(draft) == [
        ("greeting", "Hello Dave,"),
        ("body", " In less than a week your filing is due.\n"),
    ]


def test_no_greeting():
    draft = parse_draft("Your Q3 filing added 14 states.\n")
    assert draft.zone("greeting") is None
    assert draft.zone_text("body") == draft.text


def test_signature_after_sign_off():
    text = "Hi Sam,\n\nHow is the move going?\n\nBest,\nJonah Park\nTidewater Outdoor\n(555) 010-2030\n"
    draft = parse_draft(text)
    assert draft.zone_text("signature") == "Best,\nJonah Park\nTidewater Outdoor\n(555) 010-2030\n"
    assert draft.zone_text("body") == "\n\nHow is the move going?\n\n"


@pytest.mark.parametrize(
    ("text", "body", "signature"),
    [
        # a sentence that starts with a sign-off word is still body
        (
            "Hi Sam,\n\nThanks for your question about SOC 2.\n\nBest, Jo\n",
            "\n\nThanks for your question about SOC 2.\n\n",
            "Best, Jo\n",
        ),
        (
            "Hi,\n\nMost teams like yours fix their outbound.\n",
            "\n\nMost teams like yours fix their outbound.\n",
            None,
        ),
        # a closing paragraph that is only a name is a signature
        ("Hi Sam,\n\nHow is the move going?\n\nJonah\n", "\n\nHow is the move going?\n", "\nJonah\n"),
        (
            "Hi Sam,\n\nHow is the move?\n\n{{sender_name}}\nAcme Corp\n",
            "\n\nHow is the move?\n",
            "\n{{sender_name}}\nAcme Corp\n",
        ),
        # but not a link tag, a question or a sentence
        (
            "Hi,\n\nA new guide.\n\n{{link}}\n\nThought you might like it.\n",
            "\n\nA new guide.\n\n{{link}}\n\nThought you might like it.\n",
            None,
        ),
        ("Hi,\n\nA new guide.\n\nInterested?\n", "\n\nA new guide.\n\nInterested?\n", None),
    ],
)
def test_signature_boundaries(text, body, signature):
    draft = parse_draft(text)
    assert draft.zone_text("body") == body
    assert (draft.zone_text("signature") or None) == signature


def test_signature_dashes():
    draft = parse_draft("Hi Sam,\n\nBody.\n\n-- \nJo\nAcme\n")
    assert draft.zone_text("signature") == "-- \nJo\nAcme\n"


def test_sign_off_word_inside_body_is_not_a_signature():
    body = "Thanks to your new Reno warehouse, returns now have two homes. " * 3
    text = f"Hi Sam,\n\n{body}\n" + "\n".join(
        ["A long body line that keeps going and going past the limit." * 2] * 3
    )
    draft = parse_draft(text)
    assert draft.zone("signature") is None


def test_ps_between_signature_parts():
    text = "Hi Sam,\n\nBody.\n\nThanks,\nJo\n\nP.S. The checklist is attached.\n\nJo Smith | Acme\n"
    draft = parse_draft(text)
    assert zones(draft) == [
        ("greeting", "Hi Sam,"),
        ("body", "\n\nBody.\n\n"),
        ("signature", "Thanks,\nJo\n\n"),
        ("ps", "P.S. The checklist is attached.\n"),
        ("signature", "\nJo Smith | Acme\n"),
    ]


@pytest.mark.parametrize("marker", ["P.S.", "PS:", "P.S", "ps."])
def test_ps_markers(marker):
    draft = parse_draft(f"Hi Sam,\n\nBody.\n\n{marker} one more thing\n")
    assert draft.zone_text("ps").startswith(marker)


def test_quoted_reply_and_signature():
    text = (
        "Hi Aisha,\n\nA Thursday kickoff works.\n\nBest,\nRafael\n\n"
        "On Tue, Mar 4, 2025 at 9:12 AM Aisha Kamara <aisha@example.com> wrote:\n"
        "> Could we start with Denver?\n"
        "> Aisha\n"
    )
    draft = parse_draft(text)
    assert draft.zone_text("signature") == "Best,\nRafael\n\n"
    quoted = draft.zone_text("quoted")
    assert quoted.startswith("On Tue, Mar 4, 2025")
    assert quoted.endswith("> Aisha\n")
    assert draft.zones[-1].name == "quoted"
    assert draft.zone_at(text.index("Denver")) == "quoted"


@pytest.mark.parametrize(
    "start",
    [
        "> earlier message\n",
        "-----Original Message-----\nFrom: Sam\n",
        "From: Sam Lee <sam@example.com>\nSent: Monday\n",
    ],
)
def test_quote_starts(start):
    text = "Hi Sam,\n\nYes, Tuesday works.\n\n" + start + "old text\n"
    draft = parse_draft(text)
    assert draft.zone_text("quoted") == start + "old text\n"


def test_masked_text_keeps_offsets_and_newlines():
    text = "Subject: Hi\n\nHi Sam,\n\nBody.\n\nBest,\nJo\n"
    draft = parse_draft(text)
    masked = draft.masked_text(frozenset({"body"}))
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert "Body." in masked and "Jo" not in masked and "Sam" not in masked
    assert masked.index("Body.") == text.index("Body.")


# --- merge tags ---------------------------------------------------------------------------

TAGS = [
    "{{first_name}}",
    "{{ contact.first_name }}",
    "{{company}}",
    "{first_name}",
    "*|FNAME|*",
    "[First Name]",
    "[Company]",
    "[[first_name]]",
    "%FIRSTNAME%",
    "%%first_name%%",
    "{% if company %}",
]
SPINTAX = ["{Hi|Hello}", "{Hi|Hello|Hey there}"]


def _one_tag(tag: str):  # type: ignore[no-untyped-def]
    """A draft with `tag` in its one body sentence: the draft, where the tag starts, and its
    parse; the tag is found as the draft's only merge tag."""
    text = f"Hi Sam,\n\nI noticed {tag} moved to weekly releases.\n"
    draft = parse_draft(text)
    start = text.index(tag)
    assert draft.merge_tags == ((start, start + len(tag)),)
    assert draft.in_merge_tag(start, start + len(tag)) and not draft.in_merge_tag(0, start)
    return draft, start, make_doc(nlp(), draft, frozenset(PROSE_ZONES))


@pytest.mark.parametrize("tag", TAGS)
def test_merge_tag_found_and_one_token(tag):
    draft, start, doc = _one_tag(tag)
    assert doc.text == draft.masked_text(frozenset(PROSE_ZONES))
    tagged = [t for t in doc if t._.merge_tag]
    assert [(t.text, t.idx) for t in tagged] == [(tag, start)]
    words = [t.text for t in doc if not t.is_space]
    assert words[words.index("noticed") - 1 : words.index("noticed") + 3] == ["I", "noticed", tag, "moved"]


@pytest.mark.parametrize("group", SPINTAX)
def test_spintax_is_one_merge_tag_but_parses_as_its_first_variant(group):
    _draft, start, doc = _one_tag(group)
    assert not any(t._.merge_tag for t in doc)
    first = next(t for t in doc if t.idx > start)
    assert (first.text, first.idx) == ("Hi", start + 1)


def test_merge_tags_in_greeting_and_subject_are_tokens():
    text = "Subject: {Quick idea|Idea} for {{company}}\n\n{Hi|Hello} {{first_name}},\n\nBody.\n"
    draft = parse_draft(text)
    found = [text[s:e] for s, e in draft.merge_tags]
    assert found == ["{Quick idea|Idea}", "{{company}}", "{Hi|Hello}", "{{first_name}}"]
    doc = make_doc(nlp(), draft, frozenset(PROSE_ZONES))
    assert [t.text for t in doc if t._.merge_tag] == ["{{company}}", "{{first_name}}"]
    assert [t.text for t in doc if not t.is_space][:3] == ["Quick", "idea", "for"]


def test_tag_followed_by_punctuation_and_newline():
    text = "Hi *|FNAME|*,\n{{company}}.\n[First Name]!"
    draft = parse_draft(text)
    doc = make_doc(nlp(), draft, frozenset(ALL_ZONES))
    assert doc.text == text
    assert [t.text for t in doc if t._.merge_tag] == ["*|FNAME|*", "{{company}}", "[First Name]"]


@pytest.mark.parametrize(
    "text",
    [
        "[Video Link Deleted]",
        "Up 50% of teams 20% faster",
        "We grew 40% year over year.",
        "an {} empty brace",
        "the [sic] note",
    ],
)
def test_not_merge_tags(text):
    assert find_merge_tags(text) == ()


@pytest.mark.parametrize("text", ["Hi {{first_name},", "Hi {first_name}},", "Hi {{ }},", "Hi {{first_name"])
def test_malformed_tags_detected(text):
    assert MALFORMED_TAG_RE.search(text)


# --- line and column -------------------------------------------------------------------


def test_line_col_and_line_text():
    text = "Subject: x\r\nHi Sam,\r\n\r\nBody here.\r\n"
    draft = parse_draft(text)
    offset = text.index("Body")
    assert draft.line_col(offset) == (4, 1)
    assert draft.line_col(0) == (1, 1)
    assert draft.line_col(text.index("Sam")) == (2, 4)
    assert draft.line_text(4) == "Body here."
    assert draft.line_text(2) == "Hi Sam,"


# --- properties ---------------------------------------------------------------------------

BLOCKS = [
    "Subject: ",
    "Subject: Re: Re: hi",
    "---",
    "touch: 2",
    "subject: Quick idea",
    "Hi Sam,",
    "Hello Dave, In less",
    "Dear Ms. Lee,",
    "Best,",
    "Thanks!",
    "-- ",
    "P.S. ",
    "PS:",
    "> quoted",
    "On Tue, Mar 4, Sam wrote:",
    "-----Original Message-----",
    "From: Sam\nSent: Monday",
    "{{first_name}}",
    "*|FNAME|*",
    "[First Name]",
    "{Hi|Hello}",
    "%FIRSTNAME%",
    "{% if x %}",
    "We help teams ship faster.",
    "How is the move going?",
    "\ufeff",
    "\r\n",
]

texts = st.lists(
    st.one_of(
        st.sampled_from(BLOCKS),
        st.text(alphabet=st.sampled_from(list("ab Sz,.:!?-|{}[]*%>\n\r\t")), max_size=12),
    ),
    max_size=14,
).map(lambda parts: "".join(parts))

# Drafts built from whole lines and whole tags (separated by spaces), as people write them.
WORDS = ["we", "help", "your", "team", "Re:", "ship", "faster", "today", "Q3", "42%", "(ok)", "don't"]
TAG_STRATEGY = st.sampled_from(TAGS + SPINTAX)
line = st.lists(st.one_of(st.sampled_from(WORDS), TAG_STRATEGY), min_size=1, max_size=8).map(" ".join)
LINE_BLOCKS = [b for b in BLOCKS if "\n" not in b and b not in ("\r\n", "\ufeff")]
drafts = st.lists(st.one_of(line, st.sampled_from(LINE_BLOCKS), st.just("")), max_size=12).map(
    lambda lines: "\n".join(lines)
)


def parsed(text: str) -> Draft:
    try:
        return parse_draft(text, "prop.txt")
    except DraftError:
        assume(False)
        raise


def assert_partition(draft: Draft) -> None:
    text = draft.text
    if not text:
        assert draft.zones == ()
        return
    assert draft.zones, "a non-empty draft has zones"
    assert draft.zones[0].start == 0
    assert draft.zones[-1].end == len(text)
    for zone in draft.zones:
        assert zone.name in ALL_ZONES
        assert zone.start < zone.end
    for left, right in zip(draft.zones, draft.zones[1:], strict=False):
        assert left.end == right.start, (left, right)
        assert left.name != right.name, "adjacent zones of one name are merged"
    for offset in range(len(text)):
        assert draft.zone_at(offset) == next(z.name for z in draft.zones if z.start <= offset < z.end)


@PROPERTY
@given(texts)
def test_zones_partition_any_text(text):
    assert_partition(parsed(text))


@PROPERTY
@given(drafts)
def test_zones_partition_drafts(text):
    assert_partition(parsed(text))


@PROPERTY
@given(drafts, st.sampled_from([frozenset(PROSE_ZONES), frozenset(ALL_ZONES), frozenset({"body"})]))
def test_doc_text_is_masked_text_and_tags_are_single_tokens(text, judged):
    draft = parsed(text)
    masked = draft.masked_text(judged)
    assert len(masked) == len(text)
    doc = make_doc(nlp(), draft, judged)
    assert doc.text == masked
    for token in doc:
        assert masked[token.idx : token.idx + len(token.text)] == token.text
        if token._.merge_tag:
            assert (token.idx, token.idx + len(token.text)) in set(find_merge_tags(masked))
    starts = {t.idx: t for t in doc}
    spintax = {(g.start, g.end) for g in find_spintax(text)}
    for start, end in draft.merge_tags:
        if (start, end) in spintax:
            continue  # parsed as its first variant (test_spintax_...)
        if all(draft.zone_at(i) in judged for i in range(start, end)):
            token = starts.get(start)
            assert token is not None, text[start:end]
            assert token._.merge_tag
            assert token.text == text[start:end]


@PROPERTY
@given(texts, st.data())
def test_line_col_round_trip(text, data):
    draft = parsed(text)
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    line, col = draft.line_col(offset)
    before = text[:offset]
    assert line == before.count("\n") + 1
    line_start = before.rfind("\n") + 1
    assert col == offset - line_start + 1
    assert draft.line_text(line) == text[line_start:].split("\n", 1)[0].rstrip("\r")


@PROPERTY
@given(drafts)
def test_merge_tags_are_ordered_and_disjoint(text):
    tags = find_merge_tags(text)
    for (s1, e1), (s2, e2) in itertools.pairwise(tags):
        assert s1 < e1 <= s2 < e2
    for tag in TAGS:
        if f" {tag} " in f" {text} ".replace("\n", " "):
            start = text.find(tag)
            assert any(s <= start < e for s, e in tags)


@pytest.mark.parametrize(
    ("status", "template"), [("final", False), ("Sent", False), ("draft", True), ("published", None)]
)
def test_status_in_front_matter_marks_a_finished_email(status, template):
    draft = parse_draft(f"---\nstatus: {status}\n---\nHi Sam,\n\nWhat changed in Q3?\n", "d.md")
    assert draft.meta.template is template


def test_template_false_wins_over_status():
    draft = parse_draft("---\ntemplate: true\nstatus: final\n---\nHi Sam,\n", "d.md")
    assert draft.meta.template is True


@pytest.mark.parametrize(
    ("key", "meant"), [("tempalte", "template"), ("toch", "touch"), ("recipent", "recipient")]
)
def test_a_misspelt_front_matter_key_is_an_error_with_the_key_it_meant(key, meant):
    with pytest.raises(
        DraftError, match=rf"d.md: unknown front-matter key `{key}` \(did you mean `{meant}`\?\)"
    ):
        parse_draft(f"---\n{key}: 2\n---\nHi Sam,\n", "d.md")


def test_a_site_generators_own_keys_are_left_alone():
    draft = parse_draft("---\ntitle: Q3 intro\nlayout: email\ntags: [ohio]\n---\nHi Sam,\n", "d.md")
    assert draft.meta.touch == 1


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- pitchlint-disable hype-superlatives -->",
        "{# pitchlint: disable=hype-superlatives #}",
        "{{!-- pitchlint: disable=hype-superlatives --}}",
        "{{! pitchlint-disable-next-line hype-superlatives }}",
        "{% comment %}pitchlint: disable=hype-superlatives{% endcomment %}",
    ],
)
def test_a_comment_above_the_subject_or_greeting_is_no_prose(comment):
    """Every comment syntax directives use may stand above the subject line or the greeting:
    the subject and the greeting are still read as such."""
    above_subject = parse_draft(
        f"{comment}\nSubject: rates\n\nHi {{{{ contact.firstname }}}},\n\nWhat changed?\n"
    )
    assert above_subject.zone_text("subject") == "rates"
    above_greeting = parse_draft(
        f"Subject: rates\n\n{comment}\nHi {{{{ contact.firstname }}}},\n\nWhat changed?\n"
    )
    assert above_greeting.greeting.kind != "none"
    assert above_greeting.zone_text("greeting").startswith("Hi {{ contact.firstname }},")
