"""The shared asks-and-gives model and the hedge detector, one sentence at a time, with the
catalog's own examples (rules 8 and 14, tension T12)."""

from __future__ import annotations

import pytest

from pitchlint.analysis import Analysis
from pitchlint.analysis.hedges import has_evidence, is_hedged
from pitchlint.draft import parse_draft
from pitchlint.nlp import parse_drafts


@pytest.fixture(scope="module")
def analyse(engine):
    nlp = engine_pipeline(engine)

    def run(text: str) -> Analysis:
        draft = parse_draft(text, "<test>")
        (doc,) = parse_drafts(nlp, [draft], frozenset({"subject", "greeting", "body", "ps"}))
        return Analysis(draft, doc)

    return run


def engine_pipeline(engine):
    from pitchlint.nlp import components_for, load_pipeline, resolve_model

    return load_pipeline(resolve_model(None), components_for(frozenset({"pos", "lemma", "dep"})))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Do you have 15 minutes this week? I'd love to show you what we've built.", ["meeting"]),
        (
            "Let me know if you are not the correct person, also please tell me who I should be contacting?",
            ["referral"],
        ),
        ("Sign up for Voicera and give them EVA. Visit www.voicera.com/upstreamgroup.", ["click", "click"]),
        ("Interested?", ["reply"]),
        ("Let me know what you think.", ["reply"]),
        ("Buy now and save.", ["purchase"]),
        ("How are you handling the July rate changes?", []),
        ("Tell me about your job.", []),
        ("Is there anything I can do to pitch in and help?", []),
    ],
)
def test_asks(analyse, text, kinds):
    assert [a.kind for a in analyse(text).asks] == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Is there anything I can do to pitch in and help?", ["offer"]),
        (
            "Attached is a 1-page comparison of your checkout tax display against the new Ohio rule.",
            ["resource"],
        ),
        ("I put together a short checklist for your AP team.", ["resource"]),
        ("Happy to introduce you to Lee, who ran the same migration.", ["introduction"]),
        ("You asked about SOC 2: yes, the report covers sub-processors.", ["answer"]),
        ("Median close for teams your size was 6.2 days last quarter.", ["insight"]),
        ("We've helped 500 finance teams close faster.", []),
        ("Here is a link with more information and a demo.", []),
        ("Our brochure is attached.", []),
        ("I have emailed you 3 times now.", []),
        # an offer phrased as willingness is still an offer; the seller's own material is not
        ("I'd be happy to send you a checklist for the Ohio filing.", ["offer"]),
        ("We would be glad to share the benchmark with your team.", ["offer"]),
        ("I'd be happy to send you our deck.", []),
        ("I'm happy to walk you through our roadmap.", []),
    ],
)
def test_gives(analyse, text, kinds):
    assert [g.kind for g in analyse(text).gives] == kinds


@pytest.mark.parametrize(
    ("text", "hedged", "evidence"),
    [
        ("I know that times might be tough for you.", True, False),
        ("Teams that file in 30+ states often tell us rate changes are the hard part.", True, False),
        ("If you struggle with rep turnover, the attached plan may help.", True, False),
        ("If you’re like most companies today, you spend tons of time tracking rates.", False, False),
        ("You're probably wasting hours on manual reporting.", False, False),
        ("Your careers page lists 14 open SDR roles.", False, True),
        ("I saw your team is hiring in Austin.", False, True),
        ("We will launch in May.", False, False),
    ],
)
def test_hedges_and_evidence(analyse, text, hedged, evidence):
    (sent,) = analyse(text).body_sentences
    assert is_hedged(sent) == hedged
    assert has_evidence(sent) == evidence


def test_curly_contractions_get_straight_lemmas(analyse):
    doc = analyse("I’m sure we’re right. You’ve seen it.").doc
    assert {t.text: t.lemma_ for t in doc if "’" in t.text} == {"’m": "be", "’re": "be", "’ve": "have"}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Do you have a risk committee?", "genuine"),
        ("Did you miss the webinar?", "genuine"),
        ("Are you at risk of an audit?", "loaded"),
        ("Are you 100% confident in the result?", "loaded"),
        ("Most of the time, that ratio is less than half, isn’t it?", "genuine"),
        ("None that I can think of; what else would be useful for us to talk about?", "genuine"),
        ("Do you have 15 minutes this week?", "ask"),
        ("How are you?", "pleasantry"),
    ],
)
def test_question_classes(question, kind):
    from pitchlint.analysis.core import classify_question

    assert classify_question(question) == kind


def test_sentence_initial_it_refers_back_to_the_seller(analyse):
    analysis = analyse(
        "Our platform offers SSO and audit logs. It also includes a mobile app. It was great to meet you."
    )
    assert [c.agency for c in analysis.clauses] == ["seller", "seller", "other"]
