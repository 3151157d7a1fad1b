"""`slow-to-the-point` (rules/opening/slow-to-the-point.yaml): Flags a first sentence that gives the
reader nothing: preamble ("I'm reaching out because…", "I know you're busy, so…", "I have emailed
you a few times") or news about the seller."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.core import is_question, main_verbs
from pitchlint.analysis.spans import first_pattern_span, span_text
from pitchlint.checks import check
from pitchlint.checks.opening._helpers import (
    _READER_WORDS,
    _hypothetical,
    _is_be,
    _is_reader_token,
    _leading,
    _main_agency,
    _mentions_reader,
    _reader_specific,
    _sentence_clauses,
    _specific,
    _trimmed,
    _verb_key,
    _xcomp_chain,
)
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import regex_list as _regex
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of slow-to-the-point.yaml, checked: a key not here is an error."""

    pleasantry_patterns: list[str]
    preamble_patterns: list[str]
    flag_generic_statements: bool
    meta_verbs: list[str]
    wish_verbs: list[str]
    meta_after_wish: list[str]
    observation_verbs: list[str]
    gift_verbs: list[str]
    guess_verbs: list[str]
    empathy_verbs: list[str]
    reaction_verbs: list[str]
    generic_states: list[str]


_EMAIL_NOUNS = frozenset({"note", "email", "e-mail", "message", "line", "mail", "this"})
_THANKS_RE = re.compile(r"^\W*(?:thanks|thank you|many thanks|congrat)", re.I)


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
    if _slow(analysis, sent, params):
        yield ctx.finding(rule, *_trimmed(sent))


def _slow(analysis: Analysis, sent: Span, params: dict[str, Any]) -> bool:
    if is_question(sent) or _THANKS_RE.match(span_text(sent)) or span_text(sent).rstrip().endswith(":"):
        return False  # a line ending in ":" continues in the list below it
    if any(g.sentence == sent and g.kind in ("invitation", "reward") for g in analysis.gives):
        return False  # "We'd love to host you on our show": the point, in the first sentence
    if first_pattern_span(_regex(params, "preamble_patterns"), span_text(sent)):
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
