"""`logic-first-opening` (rules/opening/logic-first-opening.yaml): Flags a first sentence that leads
with a statistic or "studies show" ("73% of finance leaders…") before any sign of understanding the
reader."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.grammar import SUBJECT_DEPS, own_subject
from pitchlint.checks import check
from pitchlint.checks.opening._helpers import _leading, _main_agency, _mentions_reader, _trimmed
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import regex_list as _regex
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of logic-first-opening.yaml, checked: a key not here is an error."""

    pleasantry_patterns: list[str]
    research_nouns: list[str]
    research_verbs: list[str]
    unit_nouns: list[str]


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
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
    if any(_mentions_reader(analysis, c.subtree) for c in subjects):
        return False  # "50% of your reviews mention shipping delays": a number about them
    if _research_frame(sent, params):
        return True
    subject_tokens = {t.i for c in root.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
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
        subject = own_subject(root)
        if subject is not None and subject.lemma_.lower() in _words(params, "research_nouns"):
            return True
    first = [t.lower_ for t in sent if not t.is_space][:2]
    return first == ["according", "to"]
