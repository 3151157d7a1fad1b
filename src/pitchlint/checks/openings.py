"""Openings: what the subject line and the first sentences promise or lead with (catalog 2-7).

The reader decides in the first line whether to read on: "Right away, first thing, hand them an
agenda or a set of insights that specifically about them" (seed 000). These checks judge only
the subject and the first body sentences, and anchor on the dependency parse and the shared
agency analysis rather than on words alone, so that a first-person sentence about the reader
("I noticed your team opened a Reno office") counts as an observation, not as the seller
talking about itself. Each rule's word lists and patterns live in its YAML `params`.

Leading pleasantries ("Hope you're well.") are skipped before an opening is judged: they are
empty-pleasantry-opener's finding, and the sentence after them is the real opening.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.core import Clause, is_question, main_verbs
from pitchlint.analysis.spans import span_text, trim
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.nlp import is_merge_tag
from pitchlint.params import in_words
from pitchlint.params import regex_list as _regex
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule, RuleError, load_rule_file

_READER_WORDS = frozenset({"you", "your", "yours", "yourself", "yourselves", "u", "ya"})
_SELLER_SUBJECTS = frozenset({"i", "we"})
_SELLER_TAG_RE = re.compile(r"sender|my_|from_|your|rep_|owner", re.I)
_MODALS = frozenset({"can", "could", "would", "will", "might", "may", "should", "'d", "’d", "'ll", "’ll"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")


# params ----------------------------------------------------------------------------------


def _find(patterns: Sequence[re.Pattern[str]], text: str) -> Iterator[tuple[int, int]]:
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield match.span("hit") if "hit" in pattern.groupindex else match.span()


def _search(patterns: Sequence[re.Pattern[str]], text: str) -> tuple[int, int] | None:
    return next(_find(patterns, text), None)


@functools.lru_cache(maxsize=16)
def _rule_file_params(path: Path) -> dict[str, Any]:
    try:
        return dict(load_rule_file(path).spec.params)
    except RuleError:
        return {}


def _sibling_params(ctx: RuleContext, rule: LoadedRule, rule_id: str) -> dict[str, Any]:
    """Another opening rule's params (its file beside this one, plus config overrides), so
    that deferring to it uses its exact definition, whether or not it is selected."""
    path = rule.path.parent / f"{rule_id}.yaml"
    base = _rule_file_params(path) if path.is_file() else {}
    return {**base, **ctx.params.get(rule_id, {})}


# shared facts about a sentence -------------------------------------------------------------


def _is_reader_token(token: Token) -> bool:
    if token.lower_ in _READER_WORDS:
        return True
    if is_merge_tag(token):
        return not _SELLER_TAG_RE.search(token.lower_)
    return False


def _after_like(token: Token) -> bool:
    """ "website owners like you", "companies like yours": a crowd, not this reader."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in ("like", "as")


def _mentions_reader(analysis: Analysis, tokens: Iterable[Token]) -> bool:
    """You/your, a merge tag standing for the recipient, or the recipient's name or company
    (not in "owners like you", which puts the reader in a crowd)."""
    tokens = list(tokens)
    if any(_is_reader_token(t) and not _after_like(t) for t in tokens):
        return True
    text = " ".join(t.lower_ for t in tokens)
    return any(name and name in text for name in analysis.reader_names)


def _sentence_clauses(analysis: Analysis, sent: Span) -> list[Clause]:
    return list(analysis.clauses_in(sent))


def _main_agency(analysis: Analysis, sent: Span) -> str:
    """The agency of the sentence's root clause; a subjectless "Wanted to ..." is the seller's."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None and root.pos_ in ("NOUN", "PROPN", "PRON"):
        return analysis.agency_of(root)  # a verbless fragment: "With 20 years of experience, our team…"
    if subject is None:
        return "seller" if root.tag_ in ("VBD", "VBG", "VBN") and root.i == _first_word(sent).i else "other"
    return analysis.agency_of(subject)


def _first_word(sent: Span) -> Token:
    return next((t for t in sent if not t.is_space and not t.is_punct), sent[0])


_SALUTATION_RE = re.compile(
    r"^[\W_]*(?:(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening|day)|to whom it may concern"
    r"|to\s*:)\b.{0,80}?[,:!]|(?:hi|hello|hey|dear)\b)[\W_]*$",
    re.I,
)
_BE_FORMS = frozenset({"be", "am", "is", "are", "was", "were", "'m", "’m", "'re", "’re", "'s", "’s"})
_EMAIL_NOUNS = frozenset({"note", "email", "e-mail", "message", "line", "mail", "this"})
_THANKS_RE = re.compile(r"^\W*(?:thanks|thank you|many thanks|congrat)", re.I)


def _is_be(token: Token) -> bool:
    """ "be", including the curly contractions the lemmatizer leaves alone ("I’m", "we’re")."""
    return token.lemma_.lower() in _BE_FORMS and token.pos_ in ("AUX", "VERB")


def _is_salutation(sent: Span) -> bool:
    """A greeting line the draft parser did not recognise ("To whom it may concern,")."""
    return bool(_SALUTATION_RE.match(span_text(sent).strip()))


def _leading(analysis: Analysis, pleasantry: Sequence[re.Pattern[str]], skip: int = 4) -> list[Span]:
    """Body sentences from the first one that is neither a salutation the draft parser missed
    ("To whom it may concern,") nor a pleasantry ("Hope you're well.")."""
    sentences = list(analysis.body_sentences)
    start = 0
    while start < min(skip, len(sentences)) and (
        _is_salutation(sentences[start]) or _is_pleasantry(analysis, sentences[start], pleasantry)
    ):
        start += 1
    return sentences[start:]


def _is_pleasantry(analysis: Analysis, sent: Span, patterns: Sequence[re.Pattern[str]]) -> bool:
    return analysis.question_kind(sent) == "pleasantry" or _search(patterns, span_text(sent)) is not None


def _specific(token: Token, analysis: Analysis) -> bool:
    """A proper name, a number or a merge tag: something only this reader's world has."""
    if is_merge_tag(token):
        return True
    if token.pos_ == "PROPN":
        if (token.is_upper and len(token.text) <= 4) or _hyphenated(token):
            return False  # "AI", "SaaS"-style acronyms and "AI-powered" name a field, not a fact
        return not any(token.lower_ in name.split() for name in analysis.seller_names)
    return any(ch.isdigit() for ch in token.text)  # "14 states", "Q3"; not "one of the most ..."


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return after or (token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_)


def _plain_mention(analysis: Analysis, sent: Span, guesses: frozenset[str]) -> bool:
    """A reader mention that is not a guess at their gain ("your company could benefit from")."""
    for token in sent:
        if not _is_reader_token(token) and not any(n in token.lower_ for n in analysis.reader_names):
            continue
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if not (_hypothetical(verb) and verb.lemma_.lower() in guesses):
            return True
    return False


def _hypothetical(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _reader_specific(analysis: Analysis, sent: Span, params: dict[str, Any]) -> bool:
    """Does the sentence say something about this reader, not just address them?

    "because your team opened a Reno office" (a reader clause), "about your Q3 filing" (a
    reader-possessed noun with a name or number), "I noticed you're hiring in Lisbon" (an
    observation). "I know you're busy", "your company could benefit" (a generic state or a
    guess) and "regarding your business cards" are not."""
    generic = _words(params, "generic_states")
    for clause in analysis.all_clauses_in(sent):
        if clause.agency != "reader" or clause.imperative:
            continue
        if clause.subject is not None and _after_like(clause.subject):
            continue
        verb = clause.verb
        complements = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")]
        if _is_be(verb) and all(c.lower_ in generic for c in complements):
            continue
        if _hypothetical(verb):
            continue
        return True
    for token in sent:
        if token.lower_ in ("your", "yours") and token.dep_ == "poss":
            phrase = [t for t in token.head.subtree if t.i != token.i]
            if any(_specific(t, analysis) for t in phrase):
                return True
        if is_merge_tag(token) and _is_reader_token(token):
            return True
    if any(_specific_observation(analysis, t, params) for t in sent):
        return True
    text = span_text(sent).lower()
    return any(name and name in text for name in analysis.reader_names)


def _specific_observation(analysis: Analysis, verb: Token, params: dict[str, Any]) -> bool:
    """ "I noticed [your team opened a Reno office]", "Saw that Tidewater opened ...": an
    observation verb whose complement names something. "I came across your profile" does not."""
    if verb.pos_ != "VERB" or _verb_key(verb) not in _words(params, "observation_verbs"):
        return False
    complement = [
        t
        for c in verb.children
        if c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "attr", "advcl")
        for t in c.subtree
    ]
    return any(_specific(t, analysis) for t in complement) or any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and t.head.i != verb.i
        for t in complement
    )


def _xcomp_chain(verb: Token) -> list[Token]:
    """ "I wanted to take a moment to reach out": want -> take -> reach."""
    chain = [verb]
    node = verb
    for _ in range(4):
        nxt = next(
            (c for c in node.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ == "VERB"), None
        )
        if nxt is None:
            break
        chain.append(nxt)
        node = nxt
    return chain


# 2. clickbait-promise ------------------------------------------------------------------------
@check("clickbait-promise")
def clickbait_promise(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Teasers in the subject or the first lines ("In less than 3 minutes", "Top 12 reasons",
    "Grow revenue 90%"), and a "Quick question" subject over a body that asks none."""
    params = ctx.params_for(rule)
    draft, analysis = ctx.draft, ctx.analysis
    teaser = _regex(params, "teaser_patterns")
    subject_only = _regex(params, "subject_only_patterns")
    promise = _regex(params, "percent_promise_patterns")
    reported: list[tuple[int, int]] = []
    subject = draft.zone("subject")
    if subject is not None:
        text = draft.text[subject.start : subject.end]
        for start, end in _find((*teaser, *subject_only, *promise), text):
            reported.append((subject.start + start, subject.start + end))
        question = _search(_regex(params, "question_subject_patterns"), text)
        delivering = _words(params, "delivering_question_kinds")
        if question and not draft.meta.is_reply and not _body_asks_question(analysis, delivering):
            reported.append((subject.start + question[0], subject.start + question[1]))
    for sent in analysis.body_sentences[: int(params.get("body_sentences", 2))]:
        for start, end in _find((*teaser, *promise), span_text(sent)):
            reported.append((sent.start_char + start, sent.start_char + end))
    for start, end in _non_overlapping(reported):
        yield ctx.finding(rule, start, end)


def _body_asks_question(analysis: Analysis, kinds: frozenset[str]) -> bool:
    """Does the body hold a question of a kind that keeps the subject's promise?"""
    return any(q.kind in kinds for q in analysis.questions)


def _non_overlapping(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if end > start and not any(s < end and start < e for s, e in kept):
            kept.append((start, end))
    return kept


# 3. insulting-generic-opener ---------------------------------------------------------------
@check("insulting-generic-opener")
def insulting_generic_opener(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """ "If you're like most companies", "Like most CFOs, you ...", "Companies like yours
    typically ...", "As a busy executive, you ...", "every HR leader is worried": the reader
    filed under a crowd in the first sentences (error in sentence 1, warning in sentence 2)."""
    params = ctx.params_for(rule)
    analysis = ctx.analysis
    window = int(params.get("sentences", 2))
    pleasantry = _regex(_sibling_params(ctx, rule, "company-first-opening"), "pleasantry_patterns")
    sentences = _leading(analysis, pleasantry)  # "Hope you're well." is not the opener
    for i, sent in enumerate(sentences[:window]):
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        span = _generic_frame(analysis, sent, following, params)
        if span is not None:
            severity = Severity.ERROR if i == 0 else Severity.WARNING
            yield ctx.finding(rule, *span, severity=severity)


def _generic_frame(
    analysis: Analysis, sent: Span, following: Span | None, params: dict[str, Any]
) -> tuple[int, int] | None:
    crowd = _words(params, "crowd_quantifiers")
    for token in sent:
        span = (
            _like_most(analysis, token, sent, crowd)
            or _like_you_subject(analysis, token, params)
            or _as_a_role(analysis, token, sent, params)
            or _every_role_worried(analysis, token, sent, following, crowd, params)
            or _crowd_label(analysis, token, following, params)
        )
        if span is not None:
            return span
    return None


def _crowd_label(
    analysis: Analysis, token: Token, following: Span | None, params: dict[str, Any]
) -> tuple[int, int] | None:
    """ "Companies in your industry are moving ...", "people in your position get ...", "many
    of our clients in your space", "for businesses like yours": a crowd that stands in for the
    reader, named by the reader's field or "like yours", with something said of it. Not the
    seller saying whom it serves ("we help companies like yours file in every state"), and not
    a crowd bounded by a checkable fact ("companies in Ohio's new nexus bracket, like yours"),
    and not a claim about the crowd that the next sentence asks the reader about."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON") or not in_words(token, _words(params, "crowd_nouns")):
        return None
    anchor = _reader_anchor(analysis, token, params)
    if anchor is None:
        return None
    phrase = _crowd_phrase(token)
    if any(_specific(t, analysis) for t in phrase.subtree if not _within(t, anchor)):
        return None
    if _served_by_seller(analysis, phrase) or _asks_next(analysis, following):
        return None
    end = anchor.right_edge
    return phrase.left_edge.idx, end.idx + len(end.text)


def _reader_anchor(analysis: Analysis, noun: Token, params: dict[str, Any]) -> Token | None:
    """The "in your industry" / "at your stage" / "like yours" that ties a crowd to the reader."""
    fields = _words(params, "reader_fields")
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            if prep.lower_ == "like" and _is_reader_token(obj) and not _OTHERS_TAG_RE.search(obj.lower_):
                return prep  # "businesses like yours"; not "companies like {{Similar_Company}}"
            yours = any(c.dep_ == "poss" and _is_reader_token(c) for c in obj.children)
            if prep.lower_ in ("in", "at", "within") and yours and in_words(obj, fields):
                return prep  # "companies in your industry", "teams at your stage"
    return None


def _crowd_phrase(noun: Token) -> Token:
    """The head of the whole crowd phrase: "Many" in "Many of our clients in your space"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in (*_SUBJECT_DEPS, "dobj", "pobj"):
        return head.head
    return noun


def _asks_next(analysis: Analysis, following: Span | None) -> bool:
    """A claim about a group followed by a question to the reader offers data and asks where
    they land ("Is that true for you?"); it does not assume they fit."""
    return following is not None and is_question(following) and _mentions_reader(analysis, following)


def _within(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i


def _served_by_seller(analysis: Analysis, phrase: Token) -> bool:
    """The seller names whom it serves: the crowd is the object of the seller's verb ("we work
    with companies in your space") or does what the seller helps it do ("we help companies
    like yours file")."""
    verb = phrase.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if phrase.dep_ in _SUBJECT_DEPS:
        if phrase.head.i == verb.i:  # the crowd's own verb: "we help [companies like yours file]"
            if verb.dep_ not in ("ccomp", "xcomp"):
                return False
            verb = verb.head
        return analysis.agency_of_verb(verb) == "seller" and verb.lemma_.lower() in _ENABLING_VERBS
    return analysis.agency_of_verb(verb) == "seller" or (verb.dep_ == "ROOT" and _is_seller_ask(verb))


def _is_seller_ask(verb: Token) -> bool:
    """ "Let me show companies like yours ...": the seller's own imperative."""
    return verb.lower_ == "let" and any(c.lower_ in ("me", "us") for c in verb.children)


# merge tags that stand for other companies, not the reader's: {{Similar_Company}}, {{Customer_1}}
_OTHERS_TAG_RE = re.compile(
    r"similar|another|other|peer|customer|client|competitor|example|case|logo|reference"
)
_ENABLING_VERBS = frozenset({"help", "enable", "let", "allow", "make", "get", "support", "empower", "show"})


def _crowd(np: Token, crowd: frozenset[str]) -> bool:
    """ "most companies", "many CFOs", "all of you", "most of our customers"."""
    if np.lower_ in crowd and any(c.dep_ == "prep" and c.lower_ == "of" for c in np.children):
        return True
    return any(c.lower_ in crowd and c.dep_ in ("amod", "det", "predet", "nummod") for c in np.children)


def _like_most(analysis: Analysis, token: Token, sent: Span, crowd: frozenset[str]) -> tuple[int, int] | None:
    """ "(If you're) like most companies" / "Like most VPs of Sales, you ..." about the reader."""
    if token.lower_ != "like" or token.dep_ != "prep":
        return None
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects or not _crowd(objects[0], crowd):
        return None
    head = token.head
    reader = _clause_is_reader(analysis, head) or _clause_is_reader(analysis, sent.root)
    if not reader:
        return None
    if analysis.question_kind(sent) == "genuine":
        return None  # "Like most teams hiring that fast, do you ramp reps in cohorts?" asks
    start = token
    if any(c.dep_ == "mark" and c.i < token.i for c in head.children):
        start = head.left_edge  # "If you're like most companies": take the whole condition
    end = objects[0].right_edge
    return start.idx, end.idx + len(end.text)


def _clause_is_reader(analysis: Analysis, verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    return subject is not None and analysis.agency_of(subject) == "reader"


def _like_you_subject(analysis: Analysis, token: Token, params: dict[str, Any]) -> tuple[int, int] | None:
    """ "Companies like yours typically struggle": a crowd the reader belongs to, generalised."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ not in ("NOUN", "PROPN"):
        return None
    like = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "like"), None)
    if like is None:
        return None
    objects = [c for c in like.children if c.dep_ == "pobj"]
    if not objects or not any(_is_reader_token(t) for t in objects[0].subtree):
        return None
    verb = token.head
    if not _generalises(verb, params):
        return None
    end = like.right_edge
    return token.left_edge.idx, end.idx + len(end.text)


def _generalises(verb: Token, params: dict[str, Any]) -> bool:
    """ "typically struggle", "probably spend", "are drowning", "all face": a claim about the
    whole crowd (and so about the reader)."""
    adverbs = _words(params, "generalising_adverbs")
    predicates = _words(params, "presumption_predicates")
    nodes = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "xcomp", "attr"))]
    if any(c.lower_ in adverbs for n in nodes for c in n.children if c.dep_ in ("advmod", "aux")):
        return True
    if verb.lemma_.lower() == "tend":
        return True
    return any(n.lemma_.lower() in predicates or n.lower_ in predicates for n in nodes)


def _as_a_role(
    analysis: Analysis, token: Token, sent: Span, params: dict[str, Any]
) -> tuple[int, int] | None:
    """ "As a busy executive, you don't have time ...", "as a blogger on PR or marketing, you may
    be interested": the reader as a category, presumed; anywhere in the sentence, as long as
    "as" frames the reader's own clause."""
    if token.lower_ != "as" or token.dep_ != "prep" or not _frames_clause(token):
        return None
    role = next((c for c in token.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if role is None or not any(c.lower_ in ("a", "an") for c in role.children if c.dep_ == "det"):
        return None
    head = token.head
    if not _clause_is_reader(analysis, head):
        ccomp = [c for c in head.subtree if c.dep_ == "ccomp" and _clause_is_reader(analysis, c)]
        if not ccomp:
            return None
        head = ccomp[0]
    busy = any(c.lower_ in _words(params, "busy_words") for c in role.children)
    negated_time = any(c.dep_ == "neg" for c in head.children) and any(
        c.lemma_.lower() == "time" for c in head.children if c.dep_ == "dobj"
    )
    if not (busy or negated_time or _generalises(head, params) or _presumes(head, params)):
        return None
    end = role.right_edge
    return token.idx, end.idx + len(end.text)


def _frames_clause(token: Token) -> bool:
    """ "As a CFO, you ..." / "because, as a marketer, you ...": "as" comes before the clause it
    frames; "we see you as a partner" puts it after, as the verb's complement."""
    head = token.head
    subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
    return subject is not None and token.i < subject.i


def _presumes(verb: Token, params: dict[str, Any]) -> bool:
    return verb.lemma_.lower() in _words(params, "presumption_verbs")


def _every_role_worried(
    analysis: Analysis,
    token: Token,
    sent: Span,
    following: Span | None,
    crowd: frozenset[str],
    params: dict[str, Any],
) -> tuple[int, int] | None:
    """ "every HR leader is worried about retention": a crowd the reader is in, with a worry
    pinned on it. A data point from the seller's own sample ("Most of the 40 controllers we
    surveyed ...") followed by a question to the reader is not."""
    if token.dep_ not in ("nsubj", "nsubjpass") or not _crowd(token, crowd | {"every", "each"}):
        return None
    if token.lower_ in ("you", "we", "i"):
        return None
    phrase = list(token.subtree)
    words = {t.lower_ for t in phrase}
    if words & {"my", "our", "we", "us", "i"} or any(t.like_num for t in phrase):
        return None  # the seller's own clients or survey: a data point
    roles = _words(params, "crowd_nouns")
    noun = token if token.lower_ not in crowd else next((c for c in token.subtree if c.pos_ == "NOUN"), token)
    if noun.lemma_.lower() not in roles and noun.lower_ not in roles:
        return None
    verb = token.head
    if not _generalises(verb, params) or _asks_next(analysis, following):
        return None
    end = max((c for c in verb.children if c.dep_ in ("acomp", "xcomp")), key=lambda t: t.i, default=verb)
    return token.left_edge.idx, end.idx + len(end.text)


# 4. company-first-opening --------------------------------------------------------------------
@check("company-first-opening")
def company_first_opening(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """The first one or two sentences (after any pleasantry) introduce the seller: name,
    founding, credentials, "we are a ...", "here's what we do". In a reply, only an answer
    about the seller that runs three sentences without turning back to the reader."""
    params = ctx.params_for(rule)
    analysis, meta = ctx.analysis, ctx.draft.meta
    if meta.is_reply:
        span = _reply_about_us(analysis, params)
    elif meta.is_follow_up:
        return
    else:
        span = _about_us_opening(analysis, params)
    if span is not None:
        yield ctx.finding(rule, *span)


def _about_us_opening(analysis: Analysis, params: dict[str, Any]) -> tuple[int, int] | None:
    sentences = _leading(analysis, _regex(params, "pleasantry_patterns"))
    window = sentences[: int(params.get("sentences", 2))]
    for i, sent in enumerate(window):
        if not self_intro(analysis, sent, params):
            if _reader_specific(analysis, sent, params):
                return None  # the opening is about the reader; a self-ID after it is fine
            continue
        last = sent
        for nxt in sentences[i + 1 :]:
            if not self_intro(analysis, nxt, params):
                break
            last = nxt
        return _trimmed(sent)[0], _trimmed(last)[1]
    return None


def _reply_about_us(analysis: Analysis, params: dict[str, Any]) -> tuple[int, int] | None:
    """Answering "tell us a little bit about your company?" at length: N sentences about the
    seller, none turned back to the reader (seed 002: "a few" things, then "enough about me")."""
    needed = int(params.get("reply_sentences", 3))
    sentences = [s for s in analysis.body_sentences if any(t.pos_ in ("VERB", "AUX") for t in s)][:needed]
    if len(sentences) < needed or not any(self_intro(analysis, s, params) for s in sentences):
        return None  # "Sure!" and other verbless lines are skipped
    for sent in sentences:
        if is_question(sent) or _mentions_reader(analysis, sent):
            return None
        if not self_intro(analysis, sent, params) and _main_agency(analysis, sent) != "seller":
            return None
    return _trimmed(sentences[0])[0], _trimmed(sentences[-1])[1]


def self_intro(analysis: Analysis, sent: Span, params: dict[str, Any]) -> bool:
    """The sentence introduces the seller: who they are, since when, how big, what they sell."""
    if is_question(sent):
        return False
    text = span_text(sent)
    intro = _search(_regex(params, "intro_patterns"), text)
    if intro is not None:
        token = _token_at(sent, sent.start_char + intro[0])
        if token is None or analysis.agency_at(token) != "reader":
            return True
    main = _main_agency(analysis, sent)
    credentials = _search(_regex(params, "credential_patterns"), text) is not None
    named = main == "seller" or (main == "other" and _proper_subject(sent))
    if credentials and named and not _mentions_reader(analysis, sent):
        return True
    if main == "seller" and _search(_regex(params, "tenure_patterns"), text):
        return True
    verbs = [c.verb for c in _sentence_clauses(analysis, sent)]
    # "I run {{Your_Company}} -- we help ...": a clause fronted before the root
    verbs += [c for c in sent.root.children if c.dep_ in ("ccomp", "parataxis") and c.i < sent.root.i]
    if not any(_identity_clause(analysis, verb, params) for verb in verbs):
        return False
    # "I'm Dana's colleague; she said you were looking for a Lisbon payroll provider": the
    # introduction comes with something about the reader
    return not _reader_specific(analysis, sent, params)


def _token_at(sent: Span, char: int) -> Token | None:
    return next((t for t in sent if t.idx <= char < t.idx + len(t.text) + 1), None)


def _proper_subject(sent: Span) -> bool:
    """ "Founded in 2009, Acme has grown ...": a named organisation is the subject."""
    subject = next((c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
    return subject is not None and subject.pos_ == "PROPN"


def _identity_clause(analysis: Analysis, verb: Token, params: dict[str, Any]) -> bool:
    """ "We are a payroll company", "We're called XYZ", "We specialize in", "I work at Acme",
    "We sell to retailers", "I wanted to introduce myself"; not "I noticed your ..."."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return _introduces_self(verb)
    if analysis.agency_of(subject) != "seller":
        return False
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if _is_be(verb):
        exempt = _words(params, "attr_exempt")
        if any(c.dep_ == "advmod" and c.lower_ in ("too", "also") for c in verb.children):
            return False  # "We're a small team too, so I know how hiring feels": common ground
        return any(
            c.dep_ == "attr"
            and c.pos_ in ("NOUN", "PROPN")
            and c.lemma_.lower() not in exempt
            and not any(m.lower_ in exempt for m in c.children)
            and not _mentions_reader(analysis, c.subtree)
            for c in children
        )
    if lemma in ("call", "name") and any(c.dep_ == "auxpass" for c in children):
        return True
    if lemma in _words(params, "identity_verbs"):
        return True
    if any(_introduces_self(v) for v in _xcomp_chain(verb)):
        return True
    if lemma in _words(params, "what_we_do_verbs"):
        plain = subject.lower_ in _SELLER_SUBJECTS or subject.pos_ == "PROPN"
        modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children)
        to_reader = any(
            c.dep_ in ("dative", "dobj", "prep") and _mentions_reader(analysis, _without_clauses(c))
            for c in children
        )
        negated = any(c.dep_ == "neg" for c in children)
        return plain and not modal and not to_reader and not negated
    if lemma in _words(params, "role_verbs"):
        return _names_own_company(analysis, verb)
    return False


def _names_own_company(analysis: Analysis, verb: Token) -> bool:
    """ "I work at Acme", "I run {{Your_Company}}", "I lead the tax practice at XYZ"."""
    if any(is_merge_tag(c) and analysis.agency_of(c) == "seller" for c in verb.children if c.dep_ != "nsubj"):
        return True  # the parser often mislabels a merge tag: "I run {{Your_Company}}"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    places = [*objects, *(c for n in (verb, *objects) for c in n.children if c.dep_ == "prep")]
    for node in places:
        target = node if node.dep_ == "dobj" else next((c for c in node.children if c.dep_ == "pobj"), None)
        if target is None or (node.dep_ == "prep" and node.lower_ not in ("at", "for")):
            continue
        if _mentions_reader(analysis, target.subtree):
            continue
        if target.pos_ == "PROPN" or analysis.agency_of(target) == "seller":
            return True
    return False


def _without_clauses(token: Token) -> list[Token]:
    """The phrase under `token` minus relative clauses: "a product [that will let you ...]"."""
    skipped = {t.i for c in token.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return [t for t in token.subtree if t.i not in skipped]


def _introduces_self(verb: Token) -> bool:
    """ "introduce myself", "use this note to introduce our new product line", "introduce us"."""
    for node in verb.subtree:
        if node.lemma_.lower() != "introduce" or node.pos_ != "VERB":
            continue
        for obj in (c for c in node.children if c.dep_ == "dobj"):
            if obj.lower_ in ("myself", "ourselves", "us", "me"):
                return True
            if any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in obj.children):
                return True
    return False


# 6. slow-to-the-point ----------------------------------------------------------------------
@check("slow-to-the-point")
def slow_to_the_point(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """The opening sentence (after any pleasantry) is preamble: "I'm reaching out because",
    "I know you're busy", "I have emailed you a few times", or news about the seller with
    nothing about the reader. A self-introduction is left to company-first-opening."""
    params = ctx.params_for(rule)
    analysis = ctx.analysis
    if ctx.draft.meta.is_reply:
        return
    sentences = _leading(analysis, _regex(params, "pleasantry_patterns"))
    if not sentences:
        return
    sent = sentences[0]
    if self_intro(analysis, sent, _sibling_params(ctx, rule, "company-first-opening")):
        return  # company-first-opening reports it: the better diagnosis
    if _slow(analysis, sent, params):
        yield ctx.finding(rule, *_trimmed(sent))


def _slow(analysis: Analysis, sent: Span, params: dict[str, Any]) -> bool:
    if is_question(sent) or _THANKS_RE.match(span_text(sent)) or span_text(sent).rstrip().endswith(":"):
        return False  # a line ending in ":" continues in the list below it
    if any(g.sentence == sent and g.kind in ("invitation", "reward") for g in analysis.gives):
        return False  # "We'd love to have you on the show": the point, in the first sentence
    if _search(_regex(params, "preamble_patterns"), span_text(sent)):
        return True
    if _reader_specific(analysis, sent, params):
        return False
    main = _main_agency(analysis, sent)
    if main == "seller":
        return _seller_preamble(analysis, sent, params)
    return main == "other" and bool(params.get("flag_generic_statements")) and _truism(analysis, sent)


def _seller_preamble(analysis: Analysis, sent: Span, params: dict[str, Any]) -> bool:
    """ "I'm reaching out because ...", "I wanted to connect", "We just launched our suite"."""
    meta, wish = _words(params, "meta_verbs"), _words(params, "wish_verbs")
    after_wish = meta | _words(params, "meta_after_wish")
    chains = [_xcomp_chain(verb) for verb in main_verbs(sent)]
    for chain in chains:
        keys = [_verb_key(v) for v in chain]
        about_this_email = (keys[0] in meta and _about_this_email(chain[0])) or (
            keys[0] in wish
            and any(
                k in after_wish and (k not in meta or _about_this_email(v))
                for k, v in zip(keys[1:], chain[1:], strict=True)
            )
        )
        if about_this_email:
            return not any(_specific(t, analysis) for t in sent if not _counts_attempts(t))
    if _plain_mention(analysis, sent, _words(params, "guess_verbs")) or any(
        _specific(t, analysis) for t in sent
    ):
        return False  # "We met at SaaStr last week": something real, if not about the reader
    observing = _words(params, "observation_verbs") | _words(params, "gift_verbs")
    if any(_verb_key(v) in observing for chain in chains for v in chain):
        return False
    empathy = _words(params, "empathy_verbs")
    if any(t.lemma_.lower() in empathy and any(c.dep_ == "ccomp" for c in t.children) for t in sent):
        return False  # "so I know how hiring feels": empathy, not news about the seller
    root = sent.root
    if _verb_key(chains[0][0]) in _words(params, "reaction_verbs") and any(
        c.dep_ == "dobj" for c in root.children
    ):
        return False  # "I really enjoyed the SweetProcess article": a reaction to their work
    return not any(c.service for c in _sentence_clauses(analysis, sent) if c.main)


def _about_this_email(verb: Token) -> bool:
    """ "I'm writing because", "I have emailed you", "drop you a line"; not "I write a newsletter"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return all(o.lower_ in _READER_WORDS or o.lemma_.lower() in _EMAIL_NOUNS for o in objects)


def _counts_attempts(token: Token) -> bool:
    """ "3 times", "two emails": a count of the seller's attempts, not a fact for the reader."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.like_num and nxt is not None and nxt.lemma_.lower() in ("time", *_EMAIL_NOUNS)


def _truism(analysis: Analysis, sent: Span) -> bool:
    """ "Data privacy matters more than ever for every business.": a
    general statement with no name, number or reader in it."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < 4 or _mentions_reader(analysis, sent) or any(_specific(t, analysis) for t in sent):
        return False
    return sent.root.tag_ in ("VBZ", "VBP") or _is_be(sent.root)


def _verb_key(verb: Token) -> str:
    """The lemma, with a particle that changes it: "write up" (a gift) is not "write" (preamble)."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" if particle in ("up", "down") and lemma != "follow" else lemma


# 7. logic-first-opening --------------------------------------------------------------------
@check("logic-first-opening")
def logic_first_opening(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """The opening sentence leads with a statistic or "studies show" before any sign of
    understanding the reader (seed 000: Ethos, then Pathos, then Logos)."""
    params = ctx.params_for(rule)
    analysis = ctx.analysis
    if ctx.draft.meta.is_reply:
        return
    sentences = _leading(analysis, _regex(params, "pleasantry_patterns"))
    if sentences and _leads_with_numbers(analysis, sentences[0], params):
        yield ctx.finding(rule, *_trimmed(sentences[0]))


def _leads_with_numbers(analysis: Analysis, sent: Span, params: dict[str, Any]) -> bool:
    loaded = analysis.question_kind(sent) == "loaded"
    stats = [t for t in sent if _statistic(t, params)]
    if loaded and stats:
        return True  # "Are your teams 100% focused?": a number used to corner the reader
    if _main_agency(analysis, sent) == "reader" or any(analysis.agency_at(t) == "reader" for t in stats):
        return False
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in _SUBJECT_DEPS]
    if any(_mentions_reader(analysis, c.subtree) for c in subjects):
        return False  # "50% of your reviews mention shipping delays": a number about them
    if _research_frame(sent, params):
        return True
    subject_tokens = {t.i for c in root.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
    return any(t.i < root.i or t.i in subject_tokens for t in stats)


def _statistic(token: Token, params: dict[str, Any]) -> bool:
    """73%, $1.2M, 10x, "9 out of 10", or a count of people or companies ("40,000 retailers")."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    prev = doc[token.i - 1] if token.i > 0 else None
    text = token.text
    if re.fullmatch(r"\d[\d.,]*%", text) or (
        token.like_num and nxt is not None and nxt.lower_ in ("%", "percent")
    ):
        return True
    if token.like_num and prev is not None and prev.text in ("$", "€", "£"):
        return True
    if re.fullmatch(r"\d+(?:\.\d+)?[xX]", text) or re.fullmatch(r"[$€£]\d[\d.,]*[kKmMbB]?", text):
        return True
    if not token.like_num or _date_or_time(token):
        return False
    if (
        nxt is not None
        and nxt.lower_ in ("out", "in")
        and token.i + 2 < len(doc)
        and doc[token.i + 2].lower_ in ("of", "every")
    ):
        return True
    counted = token.head if token.dep_ == "nummod" else None
    return (
        counted is not None
        and counted.tag_ in ("NNS", "NNPS")
        and counted.lemma_.lower() not in _words(params, "unit_nouns")
    )


def _date_or_time(token: Token) -> bool:
    text = token.text
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return True
    neighbours = [token.doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(token.doc)]
    return any(
        re.match(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", n.lower_)
        or n.lower_ in ("am", "pm", "a.m.", "p.m.", ":")
        for n in neighbours
    )


def _research_frame(sent: Span, params: dict[str, Any]) -> bool:
    """ "Studies show ...", "A recent survey found ...", "According to Gartner, ..."."""
    root = sent.root
    if root.lemma_.lower() in _words(params, "research_verbs"):
        subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and subject.lemma_.lower() in _words(params, "research_nouns"):
            return True
    first = [t.lower_ for t in sent if not t.is_space][:2]
    return first == ["according", "to"]


def _trimmed(sent: Span) -> tuple[int, int]:
    """Character offsets of the sentence without surrounding whitespace."""
    span = trim(sent)
    return span.start_char, span.end_char
