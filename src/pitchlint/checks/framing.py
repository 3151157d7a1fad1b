"""How the value is framed (catalog rules 10, 11, 12, 16, 17): the mechanism instead of the
result, me-too claims, an industry label pasted on the same pitch, no feeling for the reader,
and case stories in which the seller is the hero.

Every check anchors on the dependency parse and the shared clause agency, not on words alone:
"how we automate" is flagged, "How do you handle rate changes?" is not; "save you money" is
flagged, "save your AP team the Friday reconciliation" is not. Word lists live in each rule's
YAML `params`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_question
from pitchlint.analysis.exchange import is_fact_number
from pitchlint.analysis.spans import span_text, trim
from pitchlint.checks import check
from pitchlint.checks.value import outcome_sentences
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.mergetags import PLACEHOLDER_RE
from pitchlint.nlp import entity_type, is_merge_tag
from pitchlint.params import in_words as _in
from pitchlint.params import regex_any
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_MODALS = frozenset({"will", "'ll", "’ll", "would", "'d", "’d", "could", "can", "might"})
_DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
_ENABLERS = frozenset({"help", "let", "enable", "allow", "empower"})
_NEXT_LEVEL = re.compile(r"(?:[\w'’-]+ ){1,4}?to (?:the next level|new heights|another level)\b")
_EASIER_LIFE = re.compile(
    r"(?:your|their) (?:life|lives|job|jobs|day|days|work) (?:so |much |a lot )*(?:easier|simpler)\b"
)
_NEED_DETERMINERS = frozenset({"the", "your", "all", "any", "every", "of", "today", "’s", "'s"})


# shared helpers ---------------------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, else the subject of the verb it is coordinated with."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject(verb.head)
    return subject


def _span(tokens: Iterable[Token]) -> tuple[int, int]:
    """Character offsets of the tokens, without surrounding spaces and end punctuation."""
    kept = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while len(kept) > 1 and (kept[-1].is_punct or kept[-1].is_space) and kept[-1].text not in (")", "”", '"'):
        kept.pop()
    while len(kept) > 1 and kept[0].is_punct and kept[0].text not in ("(", "“", '"'):
        kept.pop(0)
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)


def _subtree_span(token: Token) -> tuple[int, int]:
    doc = token.doc
    return _span(doc[token.left_edge.i : token.right_edge.i + 1])


def _sentence_span(sent: Span) -> tuple[int, int]:
    span = trim(sent)
    return span.start_char, span.end_char


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


def _is_product(analysis: Analysis, token: Token, product_nouns: frozenset[str]) -> bool:
    """ "our platform", "the tool", a seller or product name: the seller's offering."""
    if analysis.agency_of(token) == "seller":
        return True
    owners = [t for t in token.subtree if t.dep_ == "poss" and t.i < token.i]
    return _in(token, product_nouns) and any(o.lower_ in lx.SELLER_POSSESSIVES for o in owners)


def _seller_claim(analysis: Analysis, token: Token, product_nouns: frozenset[str]) -> bool:
    """The token sits in a claim the seller makes: a seller or product subject on the way
    up the parse ("We help companies like yours [increase revenue]"), or a reader subject
    with a promise modal ("you'll save money")."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            subject = _subject(node)
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


def _findings_once(
    ctx: RuleContext, rule: LoadedRule, spans: Iterable[tuple[int, int]], **fields: Any
) -> Iterator[Finding]:
    seen: set[tuple[int, int]] = set()
    for span in spans:
        if span not in seen and span[0] < span[1]:
            seen.add(span)
            yield ctx.finding(rule, *span, **fields)


_PAST_TIME = re.compile(r"\b(?:last (?:year|month|quarter|week)|ago|yesterday|in (?:19|20)\d\d)\b", re.I)


def _past(verb: Token) -> bool:
    """Past tense, also where the tagger misses it ("Last year we rebuilt ... and went")."""
    if verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    ):
        return True
    coordinated = [*verb.conjuncts]
    if any(v.tag_ == "VBD" for v in coordinated):
        return True
    return verb.tag_ == "VBP" and bool(_PAST_TIME.search(span_text(verb.sent)))


# process-over-outcome ---------------------------------------------------------------------
class _Process:
    """The mechanism described with the seller as agent: "how we automate ...", "our
    proprietary engine ingests ...", "our onboarding follows a 5-step methodology"."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.process_nouns = _lex(params, "process_nouns")
        self.mechanism_modifiers = _lex(params, "mechanism_modifiers")
        self.skip_verbs = _lex(params, "how_skip_verbs")
        self.product_nouns = _lex(params, "product_nouns") | lx.PRODUCT_NOUNS

    def how_clause(self, sent: Span) -> tuple[int, int] | None:
        """ "how we automate all the sales tax rates": present-tense seller mechanism."""
        for how in (t for t in sent if t.lower_ == "how" and t.dep_ == "advmod"):
            verb = how.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i < how.i or _in(verb, self.skip_verbs):
                continue
            hypothetical = any(
                c.dep_ == "aux" and c.lower_ in ("could", "might", "would", "may") for c in verb.children
            )
            if _past(verb) or hypothetical or any(c.lower_ == "together" for c in verb.children):
                continue  # a past story ("how we rebuilt it"), an idea ("how we could partner")
            subject = _subject(verb)
            if subject is None or not self._seller_agent(subject, verb):
                continue
            clause = verb.doc[how.i : verb.right_edge.i + 1]
            if any(t.lower_ in lx.READER_PRONOUNS | lx.READER_POSSESSIVES for t in clause):
                continue  # "how we cut your close": the result is in the clause
            return _span(clause)
        return None

    def _seller_agent(self, subject: Token, verb: Token) -> bool:
        if subject.lower_ == "it":
            # "Here's how it works": the product explained, not a result
            return verb.lemma_.lower() == "work" and not any(
                c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children
            )
        clause = self.analysis.clause_of(verb)
        if clause is not None and clause.agency == "seller" and subject.lower_ in lx.SELLER_PRONOUNS:
            return True
        return _is_product(self.analysis, subject, self.product_nouns)

    def mechanism(self, sent: Span) -> tuple[int, int] | None:
        """A seller clause whose subject or object is the method itself."""
        if is_question(sent):
            return None
        for clause in self.analysis.all_clauses_in(sent):
            if clause.agency != "seller" or clause.service or _past(clause.verb):
                continue  # a story in the past tense is not a description of the method
            verb = clause.verb
            subject = _subject(verb)
            nouns = [subject] if subject is not None else []
            nouns += [c for c in verb.children if c.dep_ in ("dobj", "attr")]
            nouns += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            if not (any(self._method_noun(n) for n in nouns) or self._proprietary(verb)):
                continue
            root = verb.head if verb.dep_ == "conj" else verb
            if any(t.lower_ in lx.READER_PRONOUNS | lx.READER_POSSESSIVES for t in root.subtree):
                continue  # "Our process starts with your question": framed around the reader
            return _span(sent) if root.dep_ == "ROOT" else _subtree_span(root)
        return None

    def _method_noun(self, noun: Token) -> bool:
        """ "our engine", "a proven 5-step methodology"; not "your process", "their workflow"."""
        if noun.pos_ not in ("NOUN", "PROPN") or not _in(noun, self.process_nouns):
            return False
        owners = [c.lower_ for c in noun.children if c.dep_ == "poss"]
        if owners:
            return all(o in lx.SELLER_POSSESSIVES for o in owners)
        return any(
            self._mechanism_modifier(c) for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
        )

    def _mechanism_modifier(self, token: Token) -> bool:
        return (
            _in(token, self.mechanism_modifiers)
            or bool(
                re.fullmatch(r"\d+|one|two|three|four|five|six|seven|eight|nine|ten", token.lower_)
                and token.head.lower_ in ("step", "stage", "phase", "point")
            )
            or (token.lower_ in ("step", "stage", "phase") and any(c.like_num for c in token.children))
        )

    def _proprietary(self, verb: Token) -> bool:
        """ "leverage our proprietary dataset": a trade-secret mechanism in a seller clause."""
        return any(
            t.lower_ in ("proprietary", "patented", "patent-pending")
            and t.dep_ == "amod"
            and not any(c.lower_ in lx.READER_POSSESSIVES for c in t.head.children)
            for t in verb.subtree
        )


@check("process-over-outcome")
def process_over_outcome(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Fire on each mechanism sentence that is not answered, in it or in the next sentence,
    by an outcome for the reader (the seed's "So What?" test)."""
    params = ctx.params_for(rule)
    detector = _Process(ctx.analysis, params)
    sentences = ctx.analysis.body_sentences
    outcomes = {s.start for s in outcome_sentences(ctx.analysis, _lex(params, "outcome_verbs"))}
    spans = []
    for i, sent in enumerate(sentences):
        hit = detector.how_clause(sent) or detector.mechanism(sent)
        if hit is None:
            continue
        answered = sent.start in outcomes or (i + 1 < len(sentences) and sentences[i + 1].start in outcomes)
        if not answered:
            spans.append(hit)
    yield from _findings_once(ctx, rule, spans)


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
        skip = {t.i for c in verb.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
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


# vertical-veneer --------------------------------------------------------------------------
class _Veneer:
    """The seller's product or offer aimed at an industry or function label ("what we sell
    to CFOs", "our solution for healthcare CFOs"), with no problem of theirs in the sentence."""

    def __init__(self, analysis: Analysis, params: dict[str, Any], recipient: Iterable[str | None]) -> None:
        self.analysis = analysis
        self.audiences = _lex(params, "audience_words")
        self.phrases = [p.lower() for p in params.get("audience_phrases", [])]
        self.phrases += [r.lower() for r in recipient if r]
        self.offer_verbs = _lex(params, "offer_verbs")
        self.serve_verbs = _lex(params, "serve_verbs")
        self.problems = _lex(params, "problem_nouns")
        self.pains = _lex(params, "pain_verbs")
        self.product_nouns = _lex(params, "product_nouns") | lx.PRODUCT_NOUNS

    def hit(self, sent: Span) -> tuple[int, int] | None:
        if is_question(sent) or any(_in(t, self.problems) or _in(t, self.pains) for t in sent):
            return None  # their problem is named: "for developers who hate writing docs"
        for clause in self.analysis.all_clauses_in(sent):
            if clause.agency != "seller":
                continue
            verb = clause.verb
            audience = self._audience_of(verb)
            if audience is None or not self._offers_product(verb):
                continue
            top = verb
            while top.dep_ == "conj" and self.analysis.agency_of_verb(top.head) != "other":
                top = top.head
            return _subtree_span(top)
        return None

    def _audience_of(self, verb: Token) -> Token | None:
        """An industry or function as the recipient of the offer: "sell to CFOs", "help
        financial services firms", "our solution for healthcare CFOs"."""
        subject = _subject(verb)
        holders = [verb]
        if subject is not None and _is_product(self.analysis, subject, self.product_nouns):
            holders.append(subject)
        holders += [c for c in verb.children if c.dep_ in ("dobj", "attr") and _in(c, self.product_nouns)]
        for holder in holders:
            for prep in (
                c for c in holder.children if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "to")
            ):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if self._audience(pobj):
                        return pobj
            modifiers = [c for c in holder.children if c.dep_ in ("compound", "amod", "nmod")]
            if holder is not verb and any(self._audience(m) for m in modifiers):
                return holder  # "our healthcare platform"
        if _in(verb, self.serve_verbs):
            for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i):
                if self._audience(obj):
                    return obj
        return None

    def _audience(self, noun: Token) -> bool:
        """An industry or function noun, or a noun it modifies ("financial services firms")."""
        if noun.lower_ in lx.READER_PRONOUNS or any(c.lower_ in lx.READER_POSSESSIVES for c in noun.children):
            return False
        phrase = " ".join(t.lower_ for t in noun.subtree if not t.is_punct)
        words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "conj"))]
        if any(
            _in(w, self.audiences) or (w.lower_.endswith("s") and w.lower_[:-1] in self.audiences)
            for w in words
        ):
            return True
        return any(re.search(rf"\b{re.escape(p)}\b", phrase) for p in self.phrases)

    def _offers_product(self, verb: Token) -> bool:
        """The clause is about what the seller sells: an offer verb, or the product named."""
        if _in(verb, self.offer_verbs):
            # "what we sell to CFOs", "we build software for"; not "We sell to CFOs, so ..."
            return any(c.dep_ in ("dobj", "attr", "nsubjpass") for c in verb.children) or verb.lemma_ in (
                "specialize",
                "specialise",
            )
        subject = _subject(verb)
        if (
            subject is not None
            and subject.lower_ not in lx.SELLER_PRONOUNS
            and _is_product(self.analysis, subject, self.product_nouns)
        ):
            return True
        return any(
            _in(t, self.product_nouns) and any(c.lower_ in lx.SELLER_POSSESSIVES for c in t.children)
            for t in verb.subtree
        )


@check("vertical-veneer")
def vertical_veneer(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding per sentence that pitches the product "for" or "to" an industry or role."""
    recipient = ctx.draft.meta.recipient
    detector = _Veneer(ctx.analysis, ctx.params_for(rule), (recipient.industry, recipient.role))
    spans = [hit for sent in ctx.analysis.body_sentences if (hit := detector.hit(sent)) is not None]
    yield from _findings_once(ctx, rule, spans)


# no-emotional-payoff ----------------------------------------------------------------------
class _Payoff:
    """Does the draft pitch (a seller or product claim), and does it ever say how the reader
    will feel? Fear ("Are you confident you're audit proof?") and the seller's own feelings
    ("We're excited to introduce") are not a payoff."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.claim_verbs = _lex(params, "claim_verbs")
        self.feelings = _lex(params, "feeling_words")
        self.feeling_verbs = _lex(params, "feeling_verbs")
        self.people = _lex(params, "people_nouns")
        self.non_feelings = _lex(params, "non_feeling_modifiers")
        self.relief = regex_any(params, "relief_patterns")
        self.sign_offs = regex_any(params, "sign_off_patterns")
        self.product_nouns = _lex(params, "product_nouns") | lx.PRODUCT_NOUNS

    def claim(self, sent: Span, after_product: bool) -> bool:
        """A declarative sentence in which the seller or its product claims a result or a
        capability ("We cut close time", "Acme reduces reconciliation time by 38%", "It syncs
        with NetSuite" right after the product was named)."""
        if is_question(sent):
            return False
        # also subordinate clauses: "excited to share that our platform supports"
        for clause in self.analysis.all_clauses_in(sent):
            if clause.service or not _in(clause.verb, self.claim_verbs):
                continue
            if clause.verb.dep_ in ("relcl", "acl"):
                continue  # "the drafts we saved" describes a noun, it claims nothing
            if clause.verb.lemma_.lower() == "make" and not any(
                c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in clause.verb.children
            ):
                continue  # "make it easy" claims; "I made a few mistakes" does not
            subject = _subject(clause.verb)
            if clause.agency == "seller" or (
                subject is not None
                and (
                    _is_product(self.analysis, subject, self.product_nouns)
                    or (subject.pos_ == "PROPN" and not is_merge_tag(subject) and clause.verb.tag_ == "VBZ")
                    or (after_product and subject.lower_ in ("it", "this") and clause.verb.tag_ == "VBZ")
                )
            ):
                return True
        return False

    def names_product(self, sent: Span) -> bool:
        """ "our new reporting suite": the next "it" is the product."""
        return any(
            t.pos_ in ("NOUN", "PROPN") and _is_product(self.analysis, t, self.product_nouns) for t in sent
        )

    def payoff(self, sent: Span) -> bool:
        if self.analysis.question_kind(sent) == "loaded" or self.sign_offs.search(span_text(sent)):
            return False
        if self.relief.search(span_text(sent)):
            return True
        return any(_in(t, self.feelings) and self._felt_by_reader(t) for t in sent)

    def _felt_by_reader(self, token: Token) -> bool:
        """A feeling the reader (or a customer like them) has: not "I'm excited to share",
        "Happy to help", "a secure server", "financial relief" or "search engines love it"."""
        if token.dep_ == "compound" or self._own_feeling(token):
            return False
        clause = self.analysis.clause_of(token)
        customers = clause is not None and clause.subject is not None and _in(clause.subject, self.people)
        if (
            clause is not None
            and clause.agency == "seller"
            and clause.verb.lemma_.lower() not in ("hope", "bet")
            and not customers  # "Our clients love how quickly they close"
        ):
            return False
        if token.pos_ == "VERB":
            return _in(token, self.feeling_verbs) and self._person_feels(token)
        if token.pos_ == "ADJ":
            if token.dep_ in ("amod", "advmod", "npadvmod"):
                return False  # "a secure server", "fun facts"
            speaker = any(c.dep_ == "xcomp" for c in token.children) and _subject(token.head) is None
            return not speaker  # "Happy to send the notes": the sender's offer
        return token.pos_ == "NOUN" and not any(_in(c, self.non_feelings) for c in token.children)

    def _person_feels(self, verb: Token) -> bool:
        subject = _subject(verb)
        if subject is None:
            return False
        if subject.lower_ in lx.READER_PRONOUNS or self.analysis.agency_of(subject) == "reader":
            return True
        if not (_in(subject, self.people) or subject.lower_ in ("she", "he", "they")):
            return False  # "500 banks trust Acme", "Search engines love long posts"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return not any(o.pos_ == "PROPN" or self.analysis.agency_of(o) == "seller" for o in objects)

    def _own_feeling(self, token: Token) -> bool:
        """ "I'm excited to share", "we'd love to": the seller's feeling, not the reader's."""
        node = token
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        subject = _subject(node)
        return subject is not None and subject.lower_ in lx.SELLER_PRONOUNS


@check("no-emotional-payoff")
def no_emotional_payoff(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """At most one finding per draft, on its first claim sentence, when the draft pitches and
    no sentence names a feeling for the reader."""
    detector = _Payoff(ctx.analysis, ctx.params_for(rule))
    sentences = ctx.analysis.body_sentences
    claims = [
        s
        for i, s in enumerate(sentences)
        if detector.claim(s, i > 0 and detector.names_product(sentences[i - 1]))
    ]
    if not claims or any(detector.payoff(s) for s in sentences):
        return
    yield ctx.finding(rule, *_sentence_span(claims[0]), claims=len(claims))


# seller-as-hero ---------------------------------------------------------------------------
_STORY_PRONOUNS = frozenset({"they", "them", "she", "he", "her", "him"})
_STORY_POSSESSIVES = frozenset({"their", "her", "his", "its"})
_CALENDAR_WORD = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|q[1-4]",
    re.I,
)


class _Story:
    """Who acts in a customer story: the seller ("we rebuilt their pipeline") or the customer
    ("after her team moved rate lookups into their ERP, they close in 4")."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.customer_nouns = _lex(params, "customer_nouns")
        self.peer_nouns = _lex(params, "peer_nouns")
        self.peer_determiners = _lex(params, "peer_determiners")
        self.passive_verbs = _lex(params, "non_action_verbs")
        self.receipt_verbs = _lex(params, "receipt_verbs")
        self.customer_tag = re.compile(params.get("customer_merge_tag", r"(?!)"), re.I)
        self.excluded_entities = _lex(params, "excluded_entity_types")

    # who is the customer -------------------------------------------------------------
    def customer(self, token: Token, in_story: bool) -> bool:
        """A third-party customer: a name, "one of our clients", "another team", or (inside
        a story) "they" and whatever "their"/"her" owns."""
        lower = token.lower_
        if in_story and (lower in _STORY_PRONOUNS or lower in _STORY_POSSESSIVES):
            return True
        if is_merge_tag(token):
            return bool(self.customer_tag.search(lower))
        if token.pos_ == "PROPN":
            return self._named_customer(token)
        if token.pos_ == "NUM" or lower == "one":
            return any(
                _in(p, self.customer_nouns)
                for prep in token.children
                if prep.lower_ == "of"
                for p in prep.children
                if p.dep_ == "pobj"
            )
        if _in(token, self.customer_nouns):
            return True
        if _in(token, self.peer_nouns):
            return any(
                c.dep_ in ("det", "amod", "nummod") and _in(c, self.peer_determiners) for c in token.children
            )
        return False

    def _named_customer(self, token: Token) -> bool:
        if token.dep_ in ("compound", "amod", "nmod", "appos"):
            return False
        if not token.text[:1].isupper() or token.like_url or token.like_email or "." in token.text:
            return False  # "your site acme.io"
        if _CALENDAR_WORD.fullmatch(token.text):
            return False  # "for Thursday", even when no entity recognizer ran
        if entity_type(token).lower() in self.excluded_entities:
            return False  # a place, a date, a figure (asked last: it runs the recognizer)
        if self.analysis.agency_of(token) != "other":
            return False  # the seller's or the reader's own name
        if token.dep_ == "pobj":
            return token.head.lower_ == "for"
        if any(c.dep_ in ("det", "nummod") for c in token.children):
            return False  # "one API": a common noun capitalised
        return token.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "dative")

    def owned_by_customer(self, token: Token, in_story: bool) -> bool:
        """ "Globex's controller", "her team", "their VP of Sales"."""
        if self.customer(token, in_story):
            return True
        return any(c.dep_ == "poss" and self.customer(c, in_story) for c in token.children)

    # stories ----------------------------------------------------------------------------
    def story_sentences(self, sentences: tuple[Span, ...]) -> list[Span]:
        """Sentences in which a customer takes part in a past event (as its subject, or as
        the one it was done to or for), and the "they ..." sentences that continue them."""
        found: list[Span] = []
        for sent in sentences:
            continues = bool(found) and found[-1].end == sent.start
            if any(self._customer_event(verb, continues) for verb in sent if _past(verb)):
                found.append(sent)
        return found

    def _customer_event(self, verb: Token, in_story: bool) -> bool:
        if verb.lemma_.lower() == "help" and self._helped(verb) is not None:
            return True
        participants = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")]
        participants += [
            p for prep in verb.children if prep.lower_ == "for" for p in prep.children if p.dep_ == "pobj"
        ]
        return any(
            self.owned_by_customer(p, in_story) and not (p.lower_ in _STORY_PRONOUNS and not in_story)
            for p in participants
        )

    def _helped(self, help_verb: Token) -> Token | None:
        """The third party in "We helped Globex achieve ..." / "helped {{customer}} cut ...":
        whatever stands between "helped" and its complement verb, if it is not the seller or
        the reader."""
        comp = next(
            (c for c in help_verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > help_verb.i), None
        )
        end = comp.i if comp is not None else help_verb.sent.end
        for token in help_verb.doc[help_verb.i + 1 : end]:
            if token.pos_ not in ("NOUN", "PROPN", "NUM") or token.dep_ in ("compound", "amod", "poss"):
                continue
            if is_merge_tag(token):
                return token if self.customer(token, False) else None
            if token.lower_ in lx.READER_PRONOUNS or self.analysis.agency_of(token) != "other":
                return None
            if self.customer(token, False) or token.pos_ == "PROPN":
                return token
        return None

    def agents(self, sent: Span) -> tuple[list[Token], list[Token]]:
        """(seller action verbs, customer action verbs) in a story sentence."""
        seller: list[Token] = []
        customer: list[Token] = []
        for verb in sent:
            clausal = verb.dep_ in ("ccomp", "xcomp") and any(
                c.dep_ in ("nsubj", "dobj") for c in verb.children
            )
            if verb.pos_ != "VERB" and not clausal:
                continue  # also "helped a retailer cut prep" with "cut" mistagged as a noun
            if _in(verb, self.passive_verbs) or verb.dep_ in ("amod", "compound", "aux"):
                continue
            who = self._agent(verb)
            if who == "seller":
                seller.append(verb)
            elif who == "customer":
                customer.append(verb)
        return seller, customer

    def _agent(self, verb: Token) -> str:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.dep_ == "nsubjpass":
            return "other"  # "their pipeline was rebuilt": no agent named
        helper = verb.head if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() == "help" else None
        if helper is not None and (subject is None or subject.lower_ not in lx.SELLER_PRONOUNS):
            # the one helped acts ("helped a retailer cut prep"), unless it only receives the
            # result: "helped Globex achieve 300% ROI" is the helper's action
            return self._agent(helper) if _in(verb, self.receipt_verbs) else "customer"
        if subject is None:
            return self._inherited(verb)
        if subject.lower_ in lx.SELLER_PRONOUNS or (
            self.analysis.agency_of(subject) == "seller" and not self.customer(subject, True)
        ):
            return "seller"
        return "customer" if self.owned_by_customer(subject, True) else "other"

    def _inherited(self, verb: Token) -> str:
        """No subject of its own: "retrained their reps and tripled ...", "by rebuilding ..."."""
        head = verb.head
        if head.i == verb.i:
            # "we rebuilt their pipeline, retrained their reps ...": the parser often hangs
            # the first item of a past-tense list under the second as a complement
            lead = [c for c in verb.lefts if c.dep_ in ("ccomp", "parataxis") and _subject(c) is not None]
            return self._agent(lead[-1]) if verb.tag_ == "VBD" and lead else "other"
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head
        if verb.dep_ == "xcomp":
            controller = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if controller is not None:  # "encourage you to take": "you" takes
                return "customer" if self.owned_by_customer(controller, True) else "other"
        return self._agent(head) if head.pos_ in ("VERB", "AUX") and head.i != verb.i else "other"


@check("seller-as-hero")
def seller_as_hero(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """One finding per draft when the seller does more of the story's actions than the
    customer does; it sits on the story sentence with the most seller actions."""
    story = _Story(ctx.analysis, ctx.params_for(rule))
    sentences = story.story_sentences(ctx.analysis.body_sentences)
    counted = [(sent, *story.agents(sent)) for sent in sentences]
    seller = sum(len(s) for _, s, _ in counted)
    customer = sum(len(c) for _, _, c in counted)
    if seller < ctx.params_for(rule).get("min_seller_actions", 2) or seller <= customer:
        return  # one seller verb ("We hosted Globex's team") is not yet a hero's story
    sent = max(counted, key=lambda item: len(item[1]))[0]
    detail = f"{seller} action{'s' if seller != 1 else ''} by the seller, {customer} by the customer"
    yield ctx.finding(rule, *_sentence_span(sent), detail=detail)
