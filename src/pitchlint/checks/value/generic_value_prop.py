"""`generic-value-prop` (rules/value/generic-value-prop.yaml): Flags me-too claims any competitor
could send ("save you money", "very easy", "increase revenue and reduce costs", "solutions to the
challenges") when the sentence has no figure and no specific context."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_question
from pitchlint.analysis.exchange import is_fact_number
from pitchlint.analysis.grammar import SUBJECT_DEPS, subject_of
from pitchlint.checks import check
from pitchlint.checks.value._helpers import _MODALS, _findings_once, _is_product, _span
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.mergetags import PLACEHOLDER_RE
from pitchlint.nlp import entity_type, is_merge_tag
from pitchlint.params import in_words as _in
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of generic-value-prop.yaml, checked: a key not here is an error."""

    benefit_verbs: list[str]
    generic_objects: list[str]
    generic_modifiers: list[str]
    generic_contexts: list[str]
    growth_verbs: list[str]
    generic_beneficiaries: list[str]
    ease_words: list[str]
    intensifiers: list[str]
    use_verbs: list[str]
    generic_needs: list[str]
    means_prepositions: list[str]
    lift_verbs: list[str]
    product_nouns: list[str]


_DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
_ENABLERS = frozenset({"help", "let", "enable", "allow", "empower"})
_NEXT_LEVEL = re.compile(r"(?:[\w'’-]+ ){1,4}?to (?:the next level|new heights|another level)\b")
_EASIER_LIFE = re.compile(
    r"(?:your|their) (?:life|lives|job|jobs|day|days|work) (?:so |much |a lot )*(?:easier|simpler)\b"
)
_NEED_DETERMINERS = frozenset({"the", "your", "all", "any", "every", "of", "today", "’s", "'s"})


# words that make a figure without a digit ("half the time", "dozens of hours")
_FIGURE_WORDS = frozenset({"half", "dozen", "dozens", "hundreds", "thousands", "millions", "billions"})


def _has_number(tokens: Iterable[Token]) -> bool:
    """A figure (or a merge tag standing for one) makes a claim specific and checkable."""
    return any(
        (t.like_num and t.lower_ not in ("one", "once"))
        or re.search(r"\d", t.text)
        or (t.lower_ in _FIGURE_WORDS and entity_type(t) in ("PERCENT", "MONEY", "QUANTITY"))
        or (is_merge_tag(t) and re.search(r"%|result|number|metric|x\b|\d", t.lower_))
        for t in tokens
    )


def _seller_claim(analysis: Analysis, token: Token, product_nouns: frozenset[str]) -> bool:
    """The token sits in a claim the seller makes: a seller or product subject on the way
    up the parse ("We help companies like yours [increase revenue]"), or a reader subject
    with a promise modal ("you'll save money")."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            subject = subject_of(node)
            if subject is not None:
                if _is_product(analysis, subject, product_nouns):
                    clause = analysis.clause_of(node)
                    inclusive = (
                        subject.lower_ in ("we", "us") and clause is not None and clause.agency != "seller"
                    )
                    if node.dep_ == "relcl":  # "The CFOs we meet want to cut costs"
                        return _is_product(analysis, node.head, product_nouns)
                    return not inclusive  # "how would you recommend we get this done?"
                promise = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in node.children)
                if subject.lower_ in lx.READER_PRONOUNS and promise:
                    # "With our app, you'll save time"; not advice ("You'll save time if you ...")
                    return any(
                        analysis.agency_at(t) == "seller" for t in node.sent if t.pos_ in ("PRON", "NOUN")
                    )
                if node.dep_ == "relcl" and subject.lower_ in ("that", "which", "who"):
                    # "a tool that saves you time", "We built a tool that lets ...": judge
                    # the noun the clause hangs on, then the clause that noun sits in
                    if _is_product(analysis, node.head, product_nouns):
                        return True
                    node = node.head
                    continue
                misparsed = node.dep_ == "pcomp" and node.head.lower_ == "like"  # "like yours achieve"
                enabled = node.dep_ in ("xcomp", "ccomp") and node.head.lemma_.lower() in _ENABLERS
                if not (enabled or misparsed):
                    return False  # "companies increase revenue" only counts under "we help"
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# generic-value-prop -----------------------------------------------------------------------
class _MeToo:
    """Commodity claims any competitor could send, with nothing specific in the claim."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.verbs = _lex(params, "benefit_verbs")
        self.objects = _lex(params, "generic_objects")
        self.object_modifiers = _lex(params, "generic_modifiers")
        self.contexts = _lex(params, "generic_contexts")
        self.growth_verbs = _lex(params, "growth_verbs")
        self.beneficiaries = _lex(params, "generic_beneficiaries")
        self.ease_words = _lex(params, "ease_words")
        self.intensifiers = _lex(params, "intensifiers")
        self.use_verbs = _lex(params, "use_verbs")
        self.needs = _lex(params, "generic_needs")
        self.means = _lex(params, "means_prepositions")
        self.lift_verbs = _lex(params, "lift_verbs")
        self.product_nouns = _lex(params, "product_nouns") | lx.PRODUCT_NOUNS

    def claims(self, sent: Span) -> Iterator[tuple[int, int]]:
        if is_question(sent):
            return
        for token in sent:
            span = (
                self._verb_claim(token)
                or self._ease_claim(token)
                or self._solutions_claim(token)
                or self._next_level_claim(token)
            )
            if span is not None:
                yield span

    # "save you money", "increase revenue and reduce costs", "streamlines your workflow"
    def _verb_claim(self, verb: Token) -> tuple[int, int] | None:
        if verb.pos_ != "VERB":
            return None
        if _in(verb, self.verbs):
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            objects += [c for o in objects for c in o.conjuncts]
            generic = [o for o in objects if self._generic_object(o)]
            if not generic or self._specified(verb) or _has_number(self._claim_tokens(verb)):
                return None
            start, end = verb, max(generic, key=lambda t: t.i)  # "unlock next-level growth"
        elif verb.lemma_.lower() == "help":
            grow = self._helped_to_grow(verb)
            if grow is None:
                return None
            start, end = verb, grow
        else:
            return None
        if not _seller_claim(self.analysis, verb, self.product_nouns):
            return None
        return _span(verb.doc[start.i : end.i + 1])

    @staticmethod
    def _claim_tokens(verb: Token) -> list[Token]:
        """The claim without its beneficiary: "helped over 500 companies [increase revenue]"."""
        skip = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        return [t for t in verb.subtree if t.i not in skip]

    def _helped_to_grow(self, help_verb: Token) -> Token | None:
        """ "helping businesses like yours grow": a generic beneficiary, a growth verb, no
        object (read off the words: the parser often splits "like yours grow")."""
        doc, i, end = help_verb.doc, help_verb.i + 1, help_verb.sent.end
        while i < end and doc[i].pos_ in ("DET", "ADJ"):
            i += 1
        if i >= end or not (_in(doc[i], self.beneficiaries) or is_merge_tag(doc[i])):
            return None
        i += 1
        if i + 1 < end and doc[i].lower_ == "like":
            i += 2
        if i < end and doc[i].lower_ == "to":
            i += 1
        if i >= end or not _in(doc[i], self.growth_verbs) or doc[i].pos_ not in ("VERB", "NOUN"):
            return None
        following = doc[i + 1] if i + 1 < end else None
        objects = ("NOUN", "PROPN", "ADP", "NUM", "DET", "PRON")
        if following is not None and following.pos_ in objects and not _in(following, self.means):
            return None  # "grow their Ohio revenue", "grow into new states", "win 3 deals"
        return doc[i]

    def _generic_object(self, noun: Token) -> bool:
        if not _in(noun, self.objects):
            return False
        if noun.lower_ == "line" and not any(c.lower_ in ("bottom", "top") for c in noun.children):
            return False
        for child in noun.children:
            shouted = child.is_upper and child.pos_ == "PROPN" and len(child) > 3  # "AMAZING results"
            if (
                child.dep_ in ("compound", "nmod")
                and not shouted
                and not _in(child, self.objects | self.object_modifiers)
            ):
                return False  # "ad revenue", "filing time": a named thing, not a commodity
            if child.dep_ == "prep" and self._specific_prep(child):
                return False
        return True

    def _specified(self, verb: Token) -> bool:
        """ "save time on the July filing": a specific context for the claim."""
        return any(c.dep_ == "prep" and self._specific_prep(c) for c in verb.children)

    def _specific_prep(self, prep: Token) -> bool:
        if prep.lower_ in self.means:
            return False  # "with our platform": the means, not a context
        generic = self.objects | self.beneficiaries | self.product_nouns | self.contexts
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.lower_ in lx.READER_PRONOUNS | lx.SELLER_PRONOUNS | {"it", "them", "yours"}:
                continue
            named = [c for c in pobj.children if c.dep_ in ("compound", "nmod", "prep", "acl", "relcl")]
            if pobj.pos_ == "PROPN" or not _in(pobj, generic) or named:
                return True
        return False

    # "take your website to the next level", "make your life easier"
    def _next_level_claim(self, verb: Token) -> tuple[int, int] | None:
        if verb.pos_ != "VERB" or not _in(verb, self.lift_verbs):
            return None
        doc, end = verb.doc, verb.sent.end
        tail = doc[verb.i + 1 : min(end, verb.i + 9)].text.lower()
        hit = _NEXT_LEVEL.match(tail)
        if hit is None:
            hit = _EASIER_LIFE.match(tail) if verb.lemma_.lower() == "make" else None
            if hit is None:
                return None
        if not _seller_claim(self.analysis, verb, self.product_nouns):
            return None
        last = doc.char_span(doc[verb.i + 1].idx, doc[verb.i + 1].idx + hit.end(), alignment_mode="expand")
        return _span([verb, last[-1]]) if last is not None else None

    # "make ordering business cards very easy", "it's super easy to use"
    def _ease_claim(self, token: Token) -> tuple[int, int] | None:
        if not _in(token, self.ease_words) or token.pos_ not in ("ADJ", "ADV"):
            return None
        intensifier = next(
            (c for c in token.children if c.dep_ == "advmod" and _in(c, self.intensifiers)), None
        )
        if intensifier is None:
            return None
        around = [*token.children, *(token.head.children if token.dep_ == "acomp" else ())]
        complement = next((c for c in around if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None)
        if complement is not None and (
            not _in(complement, self.use_verbs)
            or any(c.dep_ in ("dobj", "acomp", "attr", "oprd") for c in complement.children)
        ):
            return None  # "really easy to miss the Ohio change", "really easy to get lost"
        if complement is None and not _seller_claim(self.analysis, token, self.product_nouns):
            return None
        return _span([intensifier, token])

    # "solutions to the challenges", "solutions for all your needs"
    def _solutions_claim(self, token: Token) -> tuple[int, int] | None:
        if token.lemma_.lower() != "solution" or token.i + 2 >= token.sent.end:
            return None
        doc = token.doc
        following = doc[token.i + 1]
        if following.lower_ not in ("to", "for"):
            return None
        i = token.i + 2
        while i < token.sent.end and doc[i].lower_ in _NEED_DETERMINERS:
            i += 1
        if i >= token.sent.end or doc[i].pos_ != "NOUN" or not _in(doc[i], self.needs):
            return None
        if doc[i - 1].lower_ in _DEMONSTRATIVES:
            return None
        after = doc[i + 1 : i + 3].text.lower()
        if re.match(r"you(?:'ve|’ve)? (?:mentioned|described|raised|shared|listed|flagged|told)", after):
            return None
        return _span(doc[token.i : i + 1])


@check("generic-value-prop")
def generic_value_prop(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding per me-too claim in a sentence with no figure and no specific context, and
    not backed at once by a specific result ("For example: Acme cut filing prep to 4 hours.")."""
    detector = _MeToo(ctx.analysis, ctx.params_for(rule))
    body = ctx.analysis.body_sentences
    spans = [
        span
        for i, sent in enumerate(body)
        if not (i + 1 < len(body) and _specific_result(ctx, body[i + 1]))
        for span in detector.claims(sent)
    ]
    yield from _findings_once(ctx, rule, spans)


def _specific_result(ctx: RuleContext, sent: Span) -> bool:
    """A figure, or the placeholder where the writer will put one."""
    return any(
        is_fact_number(ctx.draft, t) or (is_merge_tag(t) and PLACEHOLDER_RE.fullmatch(t.text)) for t in sent
    )
