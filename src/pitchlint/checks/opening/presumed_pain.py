"""`presumed-pain` (rules/opening/presumed-pain.yaml): Flags confident claims about the reader's
problems ("you spend tons of time...", "your process is costing you...") made with no hedge, no
evidence and no question."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from pitchlint.analysis.core import is_question
from pitchlint.analysis.hedges import has_evidence, is_hedged
from pitchlint.analysis.spans import trim
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of presumed-pain.yaml, checked: a key not here is an error."""

    pain_verbs: list[str]
    exaggerators: list[str]


_OUTCOME_AUX = frozenset({"will", "'ll", "’ll", "wo", "can", "ca", "would", "should", "could", "'d"})
_ESCAPE_HEADS = frozenset({"stop", "avoid", "quit", "prevent", "end", "without", "never", "reduce"})
_TIME_OBJECTS = frozenset({"time", "hour", "day", "week", "effort", "money", "energy", "budget", "cycle"})


@check("presumed-pain")
def presumed_pain(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    analysis = ctx.analysis
    params = ctx.params_for(rule)
    pain_verbs = frozenset(params.get("pain_verbs", ()))
    exaggerators = frozenset(params.get("exaggerators", ()))
    sentences = analysis.body_sentences
    for i, sent in enumerate(sentences):
        if is_question(sent) or is_hedged(sent) or has_evidence(sent):
            continue
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        if following is not None and _asks_the_reader(ctx, following):
            continue
        if any(_presumes(ctx, t, pain_verbs, exaggerators) for t in sent):
            span = trim(sent)
            yield ctx.finding(rule, span.start_char, span.end_char)


def _asks_the_reader(ctx: RuleContext, sent: Span) -> bool:
    """ "Is that true for you?": the claim is put to the reader, not asserted."""
    return is_question(sent) and ctx.analysis.question_kind(sent) not in ("ask", "pleasantry", "loaded")


def _presumes(
    ctx: RuleContext, verb: Token, pain_verbs: frozenset[str], exaggerators: frozenset[str]
) -> bool:
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma not in pain_verbs | {"spend", "cost"}:
        return False
    clause = ctx.analysis.clause_of(verb)
    about_reader = clause is not None and clause.verb == verb and clause.agency == "reader"
    if not about_reader and not (lemma == "cost" and _costs_the_reader(ctx, verb)):
        return False
    if verb.tag_ == "VBD" or _is_outcome(verb):
        return False
    if lemma == "spend":
        return _spends_heavily(verb, exaggerators)
    if lemma == "cost":
        return _costs_the_reader(ctx, verb)
    return True


def _is_outcome(verb: Token) -> bool:
    """Negated, future, modal, purposive or escaped: a promise about the reader, not a charge."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return True
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _OUTCOME_AUX for c in children):
        return True
    if verb.dep_ in ("xcomp", "pcomp") and verb.head.lemma_.lower() in _ESCAPE_HEADS:
        return True
    if verb.dep_ in ("advcl", "relcl", "acl"):
        return True  # "so you can ...", "teams who waste ...", "when you lose a deal"
    return any(c.dep_ == "mark" for c in children)


def _spends_heavily(verb: Token, exaggerators: frozenset[str]) -> bool:
    """ "you spend tons of time and effort tracking ...", not "you spend Fridays with clients"."""
    for token in verb.subtree:
        if token.lemma_.lower() in _TIME_OBJECTS or token.lower_ in exaggerators:
            return True
    return False


def _costs_the_reader(ctx: RuleContext, verb: Token) -> bool:
    """ "Your current process is costing you thousands": cost with the reader as its object."""
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj", "iobj")]
    return any(o.lower_ in ("you", "u") for o in objects) and ctx.analysis.agency_of_verb(verb) != "seller"
