"""`feature-dumping` (rules/value/feature-dumping.yaml): Flags product-description sentences (what
it is or does) with no outcome for the reader ("the drill, not the hole")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.exchange import give_kind
from pitchlint.analysis.grammar import NOMINAL_SUBJECT_DEPS, subject_of
from pitchlint.analysis.spans import span_text, trim
from pitchlint.checks import check
from pitchlint.checks.value._helpers import _OUTCOME_CONNECTOR, outcome_sentences
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of feature-dumping.yaml, checked: a key not here is an error."""

    min_share: float
    feature_verbs: list[str]
    outcome_verbs: list[str]


def _subject(verb: Token) -> Token | None:
    subject = subject_of(verb, deps=NOMINAL_SUBJECT_DEPS)
    if subject is None:
        # the small model sometimes parses a sentence-initial name as a compound of the verb
        # ("Eva listens, takes notes..."): take a capitalised noun left of the first conjunct
        while verb.dep_ == "conj":
            verb = verb.head
        subject = next((c for c in verb.lefts if c.dep_ == "compound" and c.is_title), None)
    return subject


def _verb_chain(verb: Token) -> int:
    """Verbs coordinated with `verb` ("listens, takes notes and updates" = 3)."""
    return 1 + sum(_verb_chain(c) for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")


def _is_product_subject(analysis: Analysis, subject: Token, verb: Token) -> bool:
    """The seller, its product ("our platform", "the tool", a product name), or "it" after one."""
    agency = analysis.agency_of(subject)
    if agency == "seller":
        return True
    if agency == "reader":
        return False
    if subject.lemma_.lower() in lx.PRODUCT_NOUNS and any(
        c.lower_ in ("the", "this", "our") for c in subject.children
    ):
        return True
    if subject.lower_ in ("it", "this") and verb.dep_ == "conj":
        head_subject = _subject(verb.head)
        return head_subject is not None and _is_product_subject(analysis, head_subject, verb.head)
    return False


def _list_length(token: Token) -> int:
    """Items in a coordinated list headed by `token` ("SSO, dashboards and alerts" = 3)."""
    return 1 + sum(_list_length(c) for c in token.children if c.dep_ == "conj")


# verbs that, with a list of three or more things, present a product's parts
_LIST_VERBS = frozenset({"give", "have", "come", "bring", "ship", "boast", "get"})


def _personal_identity(subject: Token) -> bool:
    """ "I am a conference producer at X", "My name is Dan": who the writer is, not what a
    product does (the opening rules judge self-introductions)."""
    possessors = {c.lower_ for c in subject.children if c.dep_ == "poss"}
    return subject.lower_ == "i" or (subject.lemma_.lower() == "name" and "my" in possessors)


def feature_sentences(analysis: Analysis, verbs: frozenset[str]) -> list[Span]:
    found: list[Span] = []
    for sent in analysis.body_sentences:
        if _OUTCOME_CONNECTOR.search(span_text(sent)) or span_text(sent).rstrip().endswith("?"):
            continue
        if give_kind(analysis, sent) in ("invitation", "reward"):
            continue  # "we pay speakers a fee and cover travel": a gift, not a spec
        for verb in (c.verb for c in analysis.clauses_in(sent) if c.main):
            subject = _subject(verb)
            if subject is None or (analysis.clause_of(verb) and analysis.clause_of(verb).service):
                continue
            lemma = verb.lemma_.lower()
            objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "pobj")]
            listed = (lemma in verbs or lemma in _LIST_VERBS) and any(_list_length(o) >= 3 for o in objects)
            coordinated = _verb_chain(verb) >= 3
            product = _is_product_subject(analysis, subject, verb)
            described = (
                lemma == "be"
                and not _personal_identity(subject)
                and any(o.dep_ == "attr" and any(p.dep_ == "prep" for p in o.children) for o in objects)
            )
            named_product = (
                subject.is_title and analysis.agency_of(subject) == "other" and (listed or coordinated)
            )
            if (product and (lemma in verbs or listed or described)) or named_product:
                found.append(trim(sent))
                break
        else:
            if any(_described_seller(analysis, t) for t in sent):
                found.append(trim(sent))
    return found


_DESCRIPTOR_NOUNS = frozenset({"provider", "company", "vendor", "maker", "developer", "leader", "supplier"})


def _described_seller(analysis: Analysis, token: Token) -> bool:
    """ "underwritten by Bionic, an advertising technology company focused on delivering
    innovative software that streamlines ...": the seller's name with an appositive that
    describes what it is or does ("the leading provider of campaign quality automation")."""
    if token.dep_ != "appos" or token.head.pos_ != "PROPN" or analysis.agency_of(token.head) != "seller":
        return False
    if token.lemma_.lower() not in _DESCRIPTOR_NOUNS | lx.PRODUCT_NOUNS:
        return False
    return any(
        c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ in ("of", "for")) for c in token.children
    )


@check("feature-dumping")
def feature_dumping(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Fire on each feature sentence when features dominate (>= 2 and share >= min_share)
    or when there is no outcome for the reader at all."""
    params = ctx.params_for(rule)
    features = feature_sentences(ctx.analysis, frozenset(params["feature_verbs"]))
    if not features:
        return
    outcomes = outcome_sentences(ctx.analysis, frozenset(params["outcome_verbs"]))
    share = len(features) / (len(features) + len(outcomes))
    if outcomes and not (len(features) >= 2 and share >= params.get("min_share", 0.67)):
        return
    for sent in features:
        yield ctx.finding(
            rule,
            sent.start_char,
            sent.end_char,
            count=len(features),
            total=len(features) + len(outcomes),
        )
