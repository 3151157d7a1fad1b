"""The catalog's short verbatim fragments (section 3.7, F01-F25) and longer specimens (3.6,
S1-S7), each with the behaviour the catalog writes down for it: rules that must fire, rules that
must not (its traps), and the question class or agency it expects. Fragments are judged as the
body of a first email unless the catalog puts them elsewhere (a subject, a follow-up)."""

from __future__ import annotations

import pytest

from pitchlint.draft import parse_draft
from pitchlint.findings import Severity

F = {
    "F01": "You’ve got our proposal. Any questions?",
    "F02": "This will be so cool for your firm!",
    "F03": "I hope you’re going to feel relief and confidence almost as soon as we start.",
    "F04": "let me tell you why I’m the best",
    "F05": "Stuff for sale here; and it’s really good stuff – let me tell you all about it.",
    "F06": "None that I can think of; what else would be useful for us to talk about?",
    "F07": "Ah yes, that’s just what Intel did in a similar situation,",
    "F08": "So, doesn’t that leave you with just choice a and choice b?",
    "F09": "Most of the time, that ratio is less than half, isn’t it?",
    "F10": "The majority of my clients choose to do X rather than Y; which way did you go on that issue?",
    "F11": "Have you ever thought of outsourcing that process?",
    "F12": "Do you folks get fresh flowers in here every day?",
    "F13": "Your receptionist tells me you just moved in to this location last month – do you feel settled in yet?",
    "F14": "Is that really a Rolls Royce I saw in the front parking lot? What’s the story behind that?",
    "F16": "But enough about me – let’s talk about you.",
    "F17": "Tell me about your job.",
    "F18": "So how would you recommend we get this done?",
    "F20": "Here’s what we do and what we sell…..",
    "F21": "see my product, it’s the greatest, buy my product.",
    "F22": "How are you? We are the leaders in online business card management for large organizations.",
    "F23": "If you’re like most companies today, you spend tons of time tracking sales tax rates.",
}
S = {
    "S1": "This week’s Drift is proudly underwritten by Voicera. Are your teams 100% focused?  Do you wish your teams had a 100% accurate Salesforce?  Sign up for Voicera and give them EVA; the Enterprise Voice AI.  Eva listens, takes notes and automatically updates Salesforce!  Act now and get special discounted pricing as a reader of The Drift.  Visit www.voicera.com/upstreamgroup.",
    "S2": "This week’s Drift is proudly underwritten by Adroit Digital.  Adroit Digital unlocks the combined power of unique data, media and technology to deliver intelligent performance.  Our programmatic experts leverage our proprietary dataset and media-buying savvy to create results driven programs for modern marketers. Adroit Digital’s experts help agencies and brands craft solutions to the challenges facing today’s multi-channel advertisers.",
    "S3": "This week’s Drift is proudly underwritten by Bionic Advertising Systems, an advertising technology company focused on delivering innovative software that streamlines and automates media workflow for marketers, their advertising agencies, and publishers.",
    "S4": "This week’s Drift is proudly underwritten by The Media Trust, the leading provider of campaign quality automation (for creative quality assurance and campaign screenshots/verification), security (for malvertising and data) and transparency (third-party ads) services to the online and mobile adtech ecosystems. See what over 500 publishers utilize every day to ensure quality and drive revenue.",
    "S5": "This week’s Drift is proudly underwritten by OpenX.  “Optimize Content to Grow Revenue 90%.”  By analyzing two vital elements – digital content value and ad monetization – OpenX Revenue Intelligence helps publishers understand the total revenue potential of every page. Register for the webinar May 16 at 11am PDT to learn how major newspapers are increasing revenue as high as 90%.",
    "S6": " If you’re a qualified sales leader and would like to attend the Seller Forum on Wednesday October 17th in New York, request your invitation now.  Seating will be limited.",
    "S7": "We’re engineering a great shared experience late next month at The Upstream Seller Forum in New York.  If you run national media sales and want to attend or designate someone who can represent you, just let us know.  Dinner on Monday night October 27th at Del Posto followed by the Forum on Tuesday October 28th at the Hearst Tower. Call Tamara Clarke at 802.985.2500 or Tamara@upstreamgroup.com.",
}

SPONSORS = {
    "S1": "Voicera",
    "S2": "Adroit Digital",
    "S3": "Bionic Advertising Systems",
    "S4": "The Media Trust",
    "S5": "OpenX",
}


def sponsored(name: str) -> str:
    """A specimen as the sponsor's own email: the sponsor is the seller (front matter `company`)."""
    products = "products: [EVA]\n" if name == "S1" else ""
    return f"---\ncompany: {SPONSORS[name]}\n{products}---\n{S[name]}\n"


# (text, rules that must fire, rules that must not fire)
CASES = {
    "F01": (F["F01"], {"passive-cta"}, set()),
    "F02": (F["F02"], set(), {"hype-superlatives", "no-emotional-payoff"}),
    "F03": (F["F03"], set(), {"no-emotional-payoff", "presumed-pain"}),
    "F04": (F["F04"], {"expertise-insistence", "hype-superlatives"}, set()),
    "F05": (F["F05"], {"hype-superlatives"}, set()),
    "F06": (F["F06"], set(), {"expertise-insistence"}),
    "F07": (F["F07"], set(), {"name-dropping"}),
    "F08": (F["F08"], set(), {"loaded-question"}),
    "F09": (F["F09"], set(), {"loaded-question", "presumed-pain"}),
    "F10": (F["F10"], set(), {"insulting-generic-opener"}),
    "F12": (F["F12"], set(), {"creepy-personal-reference"}),
    "F20": (F["F20"], {"company-first-opening"}, set()),
    "F21": (F["F21"], {"hype-superlatives"}, set()),
    "F22": (F["F22"], {"empty-pleasantry-opener"}, set()),
    "F23": (F["F23"], {"insulting-generic-opener"}, set()),
    "F24": (
        "---\ntouch: 2\n---\nI have emailed you a few times now regarding your business cards.\n",
        {"bump-only-follow-up", "silence-guilt"},  # nothing but the chase, and its count
        set(),
    ),
    "F25": ("Subject: (Re: Re: Re: Re;)\n\nHi Dave,\n", {"fake-reply-subject"}, set()),
    "S1": (
        sponsored("S1"),
        {"loaded-question", "absolute-claims", "feature-dumping", "urgency-pressure", "ask-without-give"},
        set(),
    ),
    "S2": (sponsored("S2"), {"jargon-buzzwords", "generic-value-prop", "no-customer-problem"}, set()),
    "S3": (sponsored("S3"), {"feature-dumping", "jargon-buzzwords"}, set()),
    "S4": (sponsored("S4"), {"hype-superlatives", "name-dropping", "feature-dumping"}, set()),
    "S5": (sponsored("S5"), set(), {"urgency-pressure"}),
    "S6": (S["S6"], {"urgency-pressure"}, set()),
}


@pytest.fixture(scope="module")
def checked(engine):
    names = sorted(CASES)
    drafts = [parse_draft(CASES[n][0], n) for n in names]
    return dict(zip(names, engine.check(drafts), strict=True))


@pytest.mark.parametrize("name", sorted(CASES))
def test_fragment_behaviour(checked, name):
    _, must, must_not = CASES[name]
    fired = {f.rule for f in checked[name].findings}
    assert must <= fired, f"{name}: expected {sorted(must - fired)} to fire; fired {sorted(fired)}"
    assert not must_not & fired, f"{name}: trap fired {sorted(must_not & fired)}"


def test_s1_has_two_loaded_questions_and_two_absolutes(checked):
    rules = [f.rule for f in checked["S1"].findings]
    assert rules.count("loaded-question") == 2
    assert sum(1 for f in checked["S1"].findings if f.rule == "absolute-claims" and "100%" in f.matched) == 2


def test_s5_flags_the_90_percent_promise(checked):
    fired = {f.rule for f in checked["S5"].findings}
    assert fired & {"clickbait-promise", "hype-superlatives"}


def test_s6_scarcity_is_a_warning(checked):
    (finding,) = [f for f in checked["S6"].findings if f.rule == "urgency-pressure"]
    assert finding.severity == Severity.WARNING


@pytest.mark.parametrize(
    ("name", "rule", "ceiling"),
    [
        ("S7", "wrong-person-referral-ask", Severity.INFO),
        ("F13", "role-change-reference", Severity.WARNING),
        ("F14", "off-business-chitchat", Severity.INFO),
    ],
)
def test_in_person_or_invited_cases_stay_low(engine, name, rule, ceiling):
    text = S.get(name) or F[name]
    (report,) = engine.check([parse_draft(text, name)])
    assert all(f.severity <= ceiling for f in report.findings if f.rule == rule)
    assert not [f for f in report.findings if f.rule == "creepy-personal-reference"]


@pytest.fixture(scope="module")
def analysed(engine):
    def run(text: str):
        ((_report, analysis),) = engine.inspect([parse_draft(text, "<fragment>")])
        return analysis

    return run


@pytest.mark.parametrize("name", ["F06", "F08", "F09", "F10", "F11", "F17", "F18"])
def test_genuine_questions(analysed, name):
    kinds = [q.kind for q in analysed(F[name]).questions]
    assert kinds and kinds[-1] == "genuine", f"{name}: {kinds}"


def test_f18_inclusive_we_is_not_seller_agency(analysed):
    assert analysed(F["F18"]).self_focus["seller_clauses"] == 0


def test_f16_turn_back_counts_toward_the_reader(analysed):
    assert analysed(F["F16"]).self_focus["reader_clauses"] >= 1


def test_f19_is_the_readers_question_in_the_rule_docs(rules):
    docs = {r.id: r.spec.why + r.spec.advice + r.spec.message for r in rules}
    assert any(
        "What’s in it for me" in docs[i] or "What's in it for me" in docs[i]
        for i in ("ask-without-give", "feature-dumping")
    )
