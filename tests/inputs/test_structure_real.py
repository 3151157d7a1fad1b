"""Draft structure as it arrives in real sent email: greetings run straight into the body,
sending-tool greeting tags, spintax read as its first variant, a signature field on its own
line, and the greeting's addressee as a shared fact (`Draft.greeting`)."""

from __future__ import annotations

import pytest

from pitchlint.analysis import Analysis
from pitchlint.draft import PROSE_ZONES, parse_draft
from pitchlint.findings import Severity
from pitchlint.mergetags import find_merge_tags, find_spintax, first_variant_view
from pitchlint.nlp import components_for, load_pipeline, parse_drafts, resolve_model

BODY = "Just checking in on my last email."


@pytest.fixture(scope="module")
def analyse():
    nlp = load_pipeline(resolve_model(None), components_for(frozenset({"pos", "lemma", "dep"})))

    def run(text: str) -> Analysis:
        draft = parse_draft(text, "<test>")
        (doc,) = parse_drafts(nlp, [draft], frozenset(PROSE_ZONES))
        return Analysis(draft, doc)

    return run


# --- greeting followed directly by the body ------------------------------------------------

GREETINGS = [
    "Hi {{first_name}},",
    "Hi {{contact.firstname}},",
    "Hi {{ contact.firstname }},",
    "Hi *|FNAME|*,",
    "Hey {FIRST_NAME},",
    "{Hi|Hey} {FIRST_NAME},",
    "Hi Sam,",
    "Hello Dana!",
]


@pytest.mark.parametrize("greeting", GREETINGS)
@pytest.mark.parametrize("gap", ["\n", "\n\n", " "])
def test_first_body_sentence_is_judged(analyse, greeting, gap):
    analysis = analyse(f"{greeting}{gap}{BODY}\n")
    assert analysis.draft.zone_text("greeting") == greeting
    assert [s.text.strip() for s in analysis.body_sentences][:1] == [BODY]


@pytest.mark.parametrize("greeting", GREETINGS)
def test_existing_rule_fires_on_the_sentence_after_the_greeting_line(rule_findings, greeting):
    text = f"---\ntouch: 2\n---\n{greeting}\n{BODY}\n"
    assert [f.matched for f in rule_findings("bump-only-follow-up", text)] == ["Just checking in"]


def test_body_on_the_greeting_line_after_the_salutation_punctuation(analyse):
    analysis = analyse("Hi Sam, quick question about the Reno move. Is it still June?\n")
    assert analysis.draft.zone_text("greeting") == "Hi Sam,"
    assert [s.text.strip() for s in analysis.body_sentences] == [
        "quick question about the Reno move.",
        "Is it still June?",
    ]


def test_tag_greeting_without_a_comma_ends_after_the_tag(analyse):
    analysis = analyse("Hey {FIRST_NAME} Would your ops lead want the checklist?\n")
    assert analysis.draft.zone_text("greeting") == "Hey {FIRST_NAME}"
    assert analysis.body_sentences[0].text.strip() == "Would your ops lead want the checklist?"


# --- spintax ---------------------------------------------------------------------------------


def test_nested_spintax_is_one_group_with_its_tags_inside():
    text = "Glad to spot {an app that {HOOK}|a service that {HOOK}} in the roundup."
    (group,) = find_spintax(text)
    assert text[group.start : group.end] == "{an app that {HOOK}|a service that {HOOK}}"
    assert find_merge_tags(text) == ((group.start, group.end),)
    view = first_variant_view(text)
    assert len(view) == len(text)
    assert view.split() == ["Glad", "to", "spot", "an", "app", "that", "{HOOK}", "in", "the", "roundup."]


def test_spintax_wrapped_over_a_line_is_one_group_but_not_over_a_blank_line():
    assert len(find_spintax("a {tedious|\nslow|manual} review")) == 1
    assert find_spintax("a {tedious|\n\nslow} review") == ()


def test_stray_brace_is_not_spintax():
    assert find_spintax("We use { and | in our DSL, see the docs") == ()


PLAIN_AND_SPUN = [
    (
        "Would it be okay if I sent you a short report on your reviews?",
        "Would it be {okay|alright|fine} if I {sent you|shared} a {short|brief} report on your reviews?",
    ),
    (
        "We just benchmarked our parser across five invoice formats.",
        "We just {benchmarked|tested} our parser across {five invoice formats|several layouts}.",
    ),
    (
        "Are you still looking for customers from that launch?",
        "Are you {still|currently} {looking for|hunting for} customers from that launch?",
    ),
    (
        "I saw your team in the roundup. Glad to spot an app that {HOOK}.",
        "I saw your team in the roundup. {Glad|Happy} to spot {an app that {HOOK}|a service that {HOOK}}.",
    ),
]


def _skeleton(analysis: Analysis) -> list[tuple[str, list[str]]]:
    """Each body sentence's root and the root's subjects, as words."""
    return [
        (s.root.text, [t.text for t in s.root.children if t.dep_ in ("nsubj", "nsubjpass", "expl")])
        for s in analysis.body_sentences
    ]


@pytest.mark.parametrize(("plain", "spun"), PLAIN_AND_SPUN)
def test_spintax_parses_like_its_first_variant_written_plainly(analyse, plain, spun):
    """The other variants become spaces, which the parser still sees as a whitespace token, so
    a group glued to punctuation ("Random {question|thought}: are you ...") can still shift a
    parse; an opaque group token shifted most of them."""
    plain_analysis = analyse(f"Hi Sam,\n\n{plain}\n")
    spun_analysis = analyse(f"Hi Sam,\n\n{spun}\n")
    assert _skeleton(spun_analysis) == _skeleton(plain_analysis)


def test_spintax_keeps_the_draft_text_and_its_offsets(analyse):
    text = "Hi Sam,\n\nWould it be {okay|alright} if I sent the report?\n"
    analysis = analyse(text)
    assert analysis.draft.text == text
    okay = next(t for t in analysis.doc if t.text == "okay")
    assert okay.idx == text.index("okay")
    start = text.index("{okay")
    assert analysis.draft.in_merge_tag(start, start + len("{okay|alright}"))


def test_signature_field_alone_on_its_line_is_the_signature():
    draft = parse_draft("Hi Sam,\n\nWorth a look?\n\nLmk either way,\n\n{SENDER_EMAIL_SIGNATURE}\n")
    assert draft.zone_text("signature") == "{SENDER_EMAIL_SIGNATURE}\n"
    spun = parse_draft("Hi Sam,\n\nWorth a look?\n\n{Thanks|Cheers},\n{{sender.signature}}\n")
    assert spun.zone_text("signature") == "{Thanks|Cheers},\n{{sender.signature}}\n"


# --- the greeting's addressee ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "addressee"),
    [
        ("Hi Sam,", "name", "Sam"),
        ("Dear Editor Smith,", "name", "Editor Smith"),
        ("Hi Dr. Patel,", "name", "Dr. Patel"),
        ("Hey, Una! Loved the talk.", "name", "Una"),
        ("Hi {{ contact.firstname }},", "merge-tag", "{{ contact.firstname }}"),
        ("{Hi|Hey} {FIRST_NAME},", "merge-tag", "{FIRST_NAME}"),
        ("Hi *|FNAME|*,", "merge-tag", "*|FNAME|*"),
        ("{{firstName}}, quick question.", "merge-tag", "{{firstName}}"),
        ("Hi team,", "group", "team"),
        ("Hi Acme team,", "group", "Acme team"),
        ("Dear site owner,", "generic", "site owner"),
        ("Dear Sir/Madam,", "generic", "Sir/Madam"),
        ("Dear business owner of example.com,", "generic", "business owner of example.com"),
        ("Hi there, quick one.", "generic", "there"),
        ("Hello,", "blank", None),
        ("Greetings!", "blank", None),
        ("Hello from the Ledgerline team!", "blank", None),
        ("Hello, I am writing to ask about your filings.", "blank", None),
        ("We help teams file faster.", "none", None),
    ],
)
def test_greeting_addressee(text, kind, addressee):
    draft = parse_draft(text + "\n\nBody.\n")
    greeting = draft.greeting
    assert greeting.kind == kind
    found = draft.text[greeting.addressee[0] : greeting.addressee[1]] if greeting.addressee else None
    assert found == addressee
    assert greeting.defect is None


@pytest.mark.parametrize(
    ("text", "defect"),
    [
        ("Hi ,", "a blank where the name should be"),
        ("Hi ,,", "a blank where the name should be"),
        ("Dear Ms. ,", "a title with no name after it"),
        ("Hi FNAME,", "an unfilled placeholder where the name should be"),
        ("Hello <name>,", "an unfilled placeholder where the name should be"),
        ("Hi [blogger],", "an unfilled placeholder where the name should be"),
        ("Hi XXX,", "an unfilled placeholder where the name should be"),
        ("Hi Acme Inc,", "a company name where the name should be"),
        ("Hi john.smith@acme.com,", "an email address where the name should be"),
        ("Hi acme.io,", "a website where the name should be"),
        ("Hello james,", "a name in lowercase, as a mail merge pastes it"),
    ],
)
def test_greeting_defects(text, defect):
    assert parse_draft(text + "\n\nBody.\n").greeting.defect == defect


def test_lowercase_writer_is_not_a_mail_merge():
    assert parse_draft("hey luke,\n\nsaw your talk.\n").greeting.defect is None


def test_a_redacted_name_is_a_name():
    greeting = parse_draft("Dear ***\n\nBody.\n").greeting
    assert (greeting.kind, greeting.defect) == ("name", None)


BROKEN_MERGES = [
    "Hi ,\n\nWhat changed in your Q3 filing plans?\n",
    "Dear Ms. ,\n\nWhat changed in your Q3 filing plans?\n",
    "Hi FNAME,\n\nWhat changed in your Q3 filing plans?\n",
    "Hi {first_name,\n\nWhat changed in your Q3 filing plans?\n",
    "Hi Sam,\n\nWhat changed at %COMPANY in Q3?\n",
    "---\ntemplate: false\n---\nHi Sam,\n\nI loved *|BLOG|* last week. What changed in Q3?\n",
    "Hi Sam,\n\nWhat changed at [COMPANY NAME] in Q3?\n",
    "Hi Sam,\n\nI saw that , , opened a warehouse. What changed in Q3?\n",
]


@pytest.mark.parametrize("text", BROKEN_MERGES)
def test_a_broken_merge_is_an_error_and_grades_c_at_best(engine, text):
    """However well the rest reads (a researched question gives points back), a broken merge
    is an error, and the research cannot buy back what it cost."""
    (report,) = engine.check([parse_draft(text)])
    assert any(f.rule == "merge-field-artifacts" and f.severity == Severity.ERROR for f in report.findings)
    assert report.score.grade in "CDF", report.score
