"""Credibility and rapport smells: social proof as the pitch (name-dropping), insisting on
expertise, loaded questions, and the personal openers seed 001 warns about (role changes,
hollow common ground, off-business chitchat). Catalog rules 20, 21, 24, 26, 28 and 29.

Every check anchors on the dependency parse rather than on a word list alone: a count or a
logo list only counts when it is the seller's customers (the subject of "use"/"trust", the
object of "we help", the agent of "trusted by"); "we know exactly" only when the seller is
the subject and nothing negates it; a hobby word only when it is the reader's own ("you're a
Yankees fan") or an invitation ("let's grab a beer"). The words themselves live in each
rule's YAML `params`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.nlp import is_merge_tag
from pitchlint.params import built_once
from pitchlint.params import in_words as _in
from pitchlint.params import regex_any as _regex
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")
_BE = frozenset({"be", "am", "is", "are", "was", "were", "'m", "’m", "'re", "’re", "'s", "’s"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_QUOTED = re.compile(r"[\"“”][^\"“”]{3,}[\"“”]|(?<!\w)['‘][^'’]{3,}['’](?!\w)")


# shared helpers ----------------------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited from the first conjunct ("We help X and serve Y")."""
    for node in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else None):
        if node is None:
            continue
        subject = next((c for c in node.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return subject
    return None


def _is_seller(token: Token | None, analysis: Analysis) -> bool:
    return token is not None and analysis.agency_of(token) == "seller"


def _is_reader_pronoun(token: Token | None) -> bool:
    return token is not None and token.lower_ in lx.READER_PRONOUNS


def _reader_possessed(token: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in lx.READER_POSSESSIVES for c in token.children)


def _negated(verb: Token) -> bool:
    """ "we don't know", "nobody ... not": a negation on the verb or its auxiliaries."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)


def _is_question(sent: Span) -> bool:
    return "?" in span_text(sent).rstrip()[-3:]


def _verb_of(token: Token) -> Token | None:
    """The nearest verb (or copula) above a token."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _char_span(doc_tokens: list[Token], *, keep_end_punct: bool = False) -> tuple[int, int]:
    tokens = [t for t in doc_tokens if not t.is_space]
    while len(tokens) > 1 and tokens[0].is_punct and tokens[0].text not in ("(", "“", '"', "#"):
        tokens.pop(0)
    if not keep_end_punct:
        while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text not in (")", "”", '"', "%"):
            tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _tokens(sent: Span, first: int, last: int) -> list[Token]:
    return list(sent.doc[first : last + 1])


def _sentence_span(sent: Span, *, keep_end_punct: bool = False) -> tuple[int, int]:
    return _char_span(list(sent), keep_end_punct=keep_end_punct)


def _union(spans: list[tuple[int, int]]) -> tuple[int, int]:
    return min(s for s, _ in spans), max(e for _, e in spans)


def _has_specifics(sentences: Iterable[Span], extra: re.Pattern[str]) -> bool:
    """A quote, a number (not a year) or a named point: what makes a reference checkable."""
    for sent in sentences:
        text = span_text(sent)
        if _QUOTED.search(text) or extra.search(text):
            return True
        if any(
            (t.like_num or re.search(r"\d", t.text)) and not _YEAR.match(t.text) and not is_merge_tag(t)
            for t in sent
        ):
            return True
    return False


# name-dropping -----------------------------------------------------------------------------
class _NameDrops:
    """Social proof used as the pitch: logo lists and customer counts in a seller claim."""

    def __init__(self, params: dict[str, Any], analysis: Analysis) -> None:
        self.analysis = analysis
        self.customers = _lex(params, "customer_nouns")
        self.endorse = _lex(params, "endorse_verbs")
        self.serve = _lex(params, "seller_verbs")
        self.join = _lex(params, "join_verbs")
        self.press = _lex(params, "press_verbs")
        self.big_counts = _lex(params, "count_words")
        self.min_count = int(params.get("min_count", 25))
        self.min_names = int(params.get("min_names", 2))
        self.min_names_bare = int(params.get("min_names_bare", 3))

    # what a noun phrase is
    def _names(self, head: Token) -> list[Token]:
        """Proper names in a coordinated list ("Google, Salesforce, Nike and ...")."""
        members = [
            head,
            # the small model parses "Berkeley, Google, and BBVA" as an apposition then a conjunct
            *(t for t in head.subtree if t.dep_ in ("conj", "appos") and t.head.i >= head.i),
        ]
        # an unfilled merge tag ("teams like {{Peer_Company}}") is judged once filled
        parsed = [t for t in members if t.pos_ == "PROPN" and not is_merge_tag(t)]
        written = _written_list(head)
        return written if len(written) > len(parsed) else parsed

    def _count(self, noun: Token) -> Token | None:
        """The start of a big count on a customer noun: "over 500", "500+", "thousands of"."""
        if not _in(noun, self.customers) or _reader_possessed(noun):
            return None
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _in(noun.head.head, self.big_counts):
            return noun.head.head.left_edge  # "thousands of teams"
        for child in noun.children:
            if child.dep_ == "nummod" or (child.like_num and child.i < noun.i):
                value = _number(child.text)
                plus = child.i + 1 < noun.i and child.doc[child.i + 1].text == "+"
                quantmod = any(c.dep_ == "quantmod" for c in child.children)
                if plus or quantmod or (value is not None and value >= self.min_count):
                    return child.left_edge
        previous = noun.doc[noun.i - 1] if noun.i > 0 else None
        if previous is not None and previous.text == "+" and noun.i > 1 and noun.doc[noun.i - 2].like_num:
            return noun.doc[noun.i - 2]  # "10,000+ marketers" parsed apart
        return None

    def _seller_object(self, verb: Token) -> bool:
        """Whatever they use or trust is (or may be) the seller: "us", "Acme", "what", none.
        "Over 300 retailers use spreadsheets" is a market fact, not social proof."""
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
        if not objects:  # "rely on us", "switch to Acme"
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "to", "with")]
            objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
        if not objects:
            return True
        return any(self._sellerish(obj) for obj in objects)

    def _sellerish(self, obj: Token) -> bool:
        if obj.lower_ in ("us", "it", "what", "them") or obj.pos_ == "PROPN" or is_merge_tag(obj):
            return True
        if self.analysis.agency_of(obj) == "seller":
            return True
        return obj.lower_ in lx.PRODUCT_NOUNS and any(d.lower_ in ("the", "our") for d in obj.children)

    def _frame(self, noun: Token) -> Token | None:
        """The verb that makes the noun phrase the seller's customers, if any: the noun has to
        be one of its arguments, so "we help retailers in Ohio, Texas and Florida" is no list
        of customers."""
        verb = _argument_of(noun)
        if verb is None:
            return None
        by_agent = noun.dep_ == "pobj" and noun.head.lower_ == "by"
        participle = verb.tag_ == "VBN" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
        if by_agent and _in(verb, self.endorse):
            return verb  # "trusted by ...", "used by ..."
        if participle and noun.dep_ == "pobj" and _in(verb, self.press):
            return verb  # "as seen in Forbes, TechCrunch and the WSJ"
        if _in(verb, self.join):
            return verb  # "join 10,000+ marketers"
        if noun.dep_ in _SUBJECT_DEPS and _in(verb, self.endorse) and self._seller_object(verb):
            return verb  # "over 500 publishers utilize", "companies like X already use Acme"
        # "we've helped over 500 companies (increase revenue)", "we work with ..."
        candidates = [verb]
        if verb.dep_ in ("ccomp", "xcomp") and noun.dep_ in _SUBJECT_DEPS:
            candidates.append(verb.head)
        for candidate in candidates:
            if _in(candidate, self.serve) and _is_seller(_subject(candidate), self.analysis):
                return candidate
        return None

    def hits(self, sent: Span) -> Iterator[tuple[int, int]]:
        for token in sent:
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            found = self._customers_like(token) or self._include_list(token)
            if found is None and (count := self._count(token)) is not None and self._frame(_phrase(token)):
                found = (count.i, token.i)
            if found is None and token.pos_ == "PROPN" and token.dep_ != "conj":
                found = self._logo_list(token)
            if found is not None:
                yield _char_span(_tokens(sent, *found))

    def _customers_like(self, noun: Token) -> tuple[int, int] | None:
        """ "Companies like Microsoft, Amazon and Uber (use us)", "clients such as X and Y"."""
        if not _in(noun, self.customers) or _reader_possessed(noun):
            return None
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            if prep.lower_ not in ("like", "including", "as"):
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None or len(self._names(pobj)) < self.min_names:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if self._frame(noun) is not None or _is_seller(owner, self.analysis):
                return noun.left_edge.i, max(t.i for t in self._names(pobj))
        return None

    def _include_list(self, noun: Token) -> tuple[int, int] | None:
        """ "Our clients include Nike, Adidas and Puma"."""
        if not _in(noun, self.customers) or noun.dep_ not in _SUBJECT_DEPS or _reader_possessed(noun):
            return None
        verb = noun.head
        if verb.lemma_.lower() != "include":
            return None
        for obj in (c for c in verb.children if c.dep_ in _OBJECT_DEPS):
            names = self._names(obj)
            if len(names) >= self.min_names:
                return noun.left_edge.i, max(t.i for t in names)
        return None

    def _logo_list(self, head: Token) -> tuple[int, int] | None:
        """A coordinated list of names as the agent of "trusted by", the object of "we work
        with", or the subject of "use us"."""
        names = self._names(head)
        counted = [t for t in head.subtree if t.dep_ == "conj" and self._count(t) is not None]
        needed = self.min_names if head.dep_ == "pobj" and head.head.lower_ in ("by", "in") else None
        if len(names) + len(counted) < (needed or self.min_names_bare):
            return None
        last = max(t.i for t in [*names, *counted])
        work = self._work_with(head)
        if work is not None:
            return work.left_edge.i, last  # "our work with Berkeley, Google and BBVA"
        verb = self._frame(head)
        if verb is None:
            return None
        first = verb.i if verb.i < head.i and head.head.head.i == verb.i else head.left_edge.i
        return first, last

    def _work_with(self, head: Token) -> Token | None:
        """ "our work with X, Y and Z", "our results for X, Y and Z": a list of names hung on
        the seller's own record instead of a verb."""
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ not in ("with", "for") or prep.head.pos_ != "NOUN":
            return None
        record = prep.head
        if record.lemma_.lower() not in _RECORD_NOUNS:
            return None
        owner = next((c for c in record.children if c.dep_ == "poss"), None)
        return record if owner is not None and owner.lower_ in lx.SELLER_POSSESSIVES else None


_RECORD_NOUNS = frozenset(
    {"work", "result", "partnership", "experience", "project", "engagement", "campaign", "collaboration"}
)


def _written_list(head: Token) -> list[Token]:
    """The names of a list as written from `head` on ("Berkeley, Google, and BBVA"), one token
    per name, whatever the small parser made of the commas."""
    names: list[Token] = []
    previous_name = False
    for token in head.doc[head.i :]:
        if token.pos_ == "PROPN" and not is_merge_tag(token):
            if not previous_name:
                names.append(token)
            previous_name = True
        elif token.text in (",", "and", "&", "or"):
            previous_name = False
        else:
            break
    return names


def _field_end(noun: Token) -> int:
    """The end of "an expert in the WordPress website", not of the list that follows it."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "at")), None)
    field = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return field.i if field is not None else noun.i


def _argument_of(noun: Token) -> Token | None:
    """The verb a noun phrase is an argument of: its subject, object or prepositional object
    ("work with X"), not a noun further down ("retailers in X")."""
    head = noun.head
    if noun.dep_ in (*_SUBJECT_DEPS, *_OBJECT_DEPS, "npadvmod") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def _phrase(noun: Token) -> Token:
    """The head of "thousands of teams" is "thousands"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM"):
        return noun.head.head
    return noun


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


@check("name-dropping")
def name_dropping(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Logo lists and "over N customers" told as a seller claim; one finding per sentence."""
    detector = _NameDrops(ctx.params_for(rule), ctx.analysis)
    for sent in ctx.analysis.body_sentences:
        spans = list(detector.hits(sent))
        if spans:
            yield ctx.finding(rule, *_union(spans))


# expertise-insistence ----------------------------------------------------------------------
class _Expertise:
    """The seller telling the reader how much it knows, instead of showing it."""

    def __init__(self, params: dict[str, Any], analysis: Analysis) -> None:
        self.analysis = analysis
        self.cognition = _lex(params, "cognition_verbs")
        self.intensifiers = _lex(params, "certainty_adverbs")
        self.experts = _lex(params, "expert_nouns")
        self.credentials = _lex(params, "credential_modifiers")
        self.tell_verbs = _lex(params, "tell_verbs")
        self.experience = _regex(params, "experience_patterns")

    def hits(self, sent: Span) -> Iterator[tuple[int, int]]:
        for token in sent:
            found = (
                self._knows_exactly(token)
                or self._nobody_knows_better(token)
                or self._the_experts(token)
                or self._why_we_are(token)
            )
            if found is not None:
                yield _char_span(_tokens(sent, *found))
        for match in self.experience.finditer(span_text(sent)):
            start = sent.start_char + match.start()
            span = sent.doc.char_span(start, sent.start_char + match.end(), alignment_mode="expand")
            if span is not None and self._sellers(span):
                yield span.start_char, span.end_char

    def _knows_exactly(self, verb: Token) -> tuple[int, int] | None:
        """ "we know exactly what you need", "we understand your business better than anyone"."""
        if verb.pos_ != "VERB" or not _in(verb, self.cognition) or _negated(verb):
            return None
        subject = _subject(verb)
        if not _is_seller(subject, self.analysis) or subject is None:
            return None
        for node in verb.subtree:
            if node.i == verb.i or _verb_of(node) not in (verb, *verb.children):
                continue
            if node.lower_ in self.intensifiers and node.i > verb.i:
                return min(subject.i, verb.i), node.i
            if node.lower_ in ("better", "best") and node.head.i == verb.i:
                return min(subject.i, verb.i), node.right_edge.i  # "better than anyone"
            if node.lower_ in ("inside", "backwards") and node.i + 1 < len(node.doc):
                last = node.right_edge.i
                while last + 1 < len(node.doc) and node.doc[last + 1].lower_ in ("out", "and", "forwards"):
                    last += 1
                return min(subject.i, verb.i), last  # "inside out", "backwards and forwards"
        return None

    def _nobody_knows_better(self, verb: Token) -> tuple[int, int] | None:
        """ "No one knows retail tax better than we do"."""
        if verb.pos_ != "VERB" or not _in(verb, self.cognition):
            return None
        subject = _subject(verb)
        if subject is None:
            return None
        nobody = subject.lower_ in ("nobody", "noone") or (
            subject.lower_ in ("one", "company", "team", "firm", "vendor")
            and any(c.lower_ == "no" for c in subject.children)
        )
        if not nobody:
            return None
        compared = [t for t in verb.subtree if t.lower_ in ("better", "like", "more") and t.i > verb.i]
        if compared and any(t.lower_ in lx.SELLER_PRONOUNS for t in verb.subtree if t.i > compared[0].i):
            return subject.left_edge.i, verb.right_edge.i
        return None

    def _the_experts(self, noun: Token) -> tuple[int, int] | None:
        """ "We're experts in", "As the foremost experts in sales tax", "our certified experts",
        "our team of PhDs". Plain "our experts help you" is a staffing fact, not insistence."""
        if noun.pos_ not in ("NOUN", "PROPN") or not _in(noun, self.experts):
            return None
        # end at the field of expertise: "an expert in the WordPress website", not the list after it
        end = _field_end(noun)
        head = noun.head
        subject = _subject(head)
        # "I'm an expert in", "we are the experts"
        copula = noun.dep_ in ("attr", "acomp") and head.lemma_.lower() in _BE | {"be"}
        if copula and subject is not None and _is_seller(subject, self.analysis) and not _negated(head):
            return subject.i, end
        # "As the foremost experts in X, we ..."
        titled = any(c.lower_ == "the" or _in(c, self.credentials) for c in noun.children)
        as_frame = noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX")
        if as_frame and titled and _is_seller(_subject(head.head), self.analysis):
            return head.i, end
        # "our certified experts", "our team of PhDs"
        credentialed = any(_in(c, self.credentials) for c in noun.children if c.dep_ in ("amod", "compound"))
        owner = noun
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("team", "group", "staff"):
            owner = head.head
            credentialed = True
        if credentialed and any(
            c.dep_ == "poss" and c.lower_ in lx.SELLER_POSSESSIVES for c in owner.children
        ):
            return owner.left_edge.i, noun.i
        # "Acme, the experts in sales tax, ..." (Acme being the sender's company)
        if noun.dep_ == "appos" and titled and _is_seller(head, self.analysis) and end != noun.i:
            return noun.left_edge.i, end
        return None

    def _why_we_are(self, verb: Token) -> tuple[int, int] | None:
        """ "let me tell you why I'm the best", "show you why we're the right partner"."""
        if not _in(verb, self.tell_verbs):
            return None
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl")):
            why = any(c.lower_ == "why" for c in clause.children)
            copula = clause.lemma_.lower() in _BE | {"be"} or clause.lower_ in _BE
            if why and copula and _is_seller(_subject(clause), self.analysis):
                first = verb.i
                if verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("me", "us") and verb.i > 1:
                    first = verb.doc[verb.i - 2].i if verb.doc[verb.i - 2].lower_ == "let" else first
                return first, clause.right_edge.i
        return None

    def _sellers(self, span: Span) -> bool:
        """A years-of-experience claim whose owner is the seller."""
        verb = _verb_of(span.root)
        owners = [c for c in span.root.children if c.dep_ == "poss"]
        if any(o.lower_ in lx.SELLER_POSSESSIVES for o in owners):
            return True
        return verb is not None and _is_seller(_subject(verb), self.analysis)


@check("expertise-insistence")
def expertise_insistence(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Claims of superior knowledge or recited credentials; questions and negations are
    honest ("I don't know how your team handles this") and stay quiet."""
    detector = _Expertise(ctx.params_for(rule), ctx.analysis)
    for sent in ctx.analysis.body_sentences:
        if _is_question(sent):
            continue
        spans = list(detector.hits(sent))
        if spans:
            yield ctx.finding(rule, *_union(spans))


# loaded-question ---------------------------------------------------------------------------
class _Loaded:
    """A second, structural test on questions the shared classifier calls loaded: the fear or
    absolute word has to carry the question, not just appear in it."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.certainty = _lex(params, "certainty_words")
        self.fear = _lex(params, "fear_words")
        self.feelings = self.certainty | self.fear
        self.multipliers = _lex(params, "benefit_multipliers")
        self.always = _regex(params, "always_loaded")
        self.loss = _lex(params, "loss_verbs")

    def reason(self, sent: Span) -> str | None:
        text = span_text(sent)
        if self.always.search(text):
            return "one answer expected"
        for t in sent:
            if self._degree_hundred(t):
                return "an absolute"
            if _proof(t):
                return "an absolute"
            actor = _subject(t) if t.pos_ in ("VERB", "AUX", "ADJ") else None
            if actor is None and t.dep_ == "acl":
                actor = t.head  # "Is your team losing ...", parsed as "team [losing ...]"
            reader = _is_reader_pronoun(actor) or (actor is not None and _reader_possessed(actor))
            feeling = t.dep_ in ("acomp", "attr") and _in(t, self.feelings)
            if feeling and (_is_reader_pronoun(_subject(t.head)) or _reader_possessed_subject(t.head)):
                return "certainty or fear"
            if t.pos_ == "VERB" and _in(t, self.multipliers) and _hypothetical(t):
                return "a promise dressed as a question"
            if t.pos_ == "VERB" and t.lemma_.lower() == "wish" and _is_reader_pronoun(_subject(t)):
                return "a wish"
            if reader and t.pos_ == "VERB" and _in(t, self.loss) and (t.tag_ == "VBG" or t.dep_ == "xcomp"):
                return "fear of loss"
            if t.lower_ == "risk" and t.dep_ == "pobj" and t.head.lower_ == "at":
                return "fear of loss"
            if t.lower_ == "afford" and _is_reader_pronoun(_subject(t)):
                return "fear of loss"
        return None

    @staticmethod
    def _degree_hundred(t: Token) -> bool:
        """ "100% confident", "100 percent accurate": a degree, not "100% of your shipments"."""
        if t.text not in ("100", "100%"):
            return False
        unit = t.head if t.text == "100" else t
        if t.text == "100" and t.head.lower_ not in ("%", "percent"):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in unit.children):
            return False
        return unit.dep_ in ("npadvmod", "advmod", "amod") or unit.head.pos_ in ("ADJ", "ADV")


_WH_OPEN = re.compile(
    r"^\W*(?:so,? |and |but )?(?:how|what(?! if)|which|where|when|why|who)\b", re.IGNORECASE
)


def _hypothetical(verb: Token) -> bool:
    """ "(would you) like to double", "want to triple", "could double": a wish or a
    possibility, not "Did you double headcount?"."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("like", "love", "want", "wish"):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("could", "can", "would", "might") for c in verb.children)


# Signals strong enough to overrule the shared classifier's "ask" or "genuine" ("Would you
# like to double your pipeline?" reads as an ask; "Are you leaving money on the table?" has no
# word from its fear list).
_LOADED_ANYWAY = frozenset({"one answer expected", "an absolute", "a promise dressed as a question"})


def _proof(t: Token) -> bool:
    """ "audit proof", "audit-proof", "future-proof"; not "a proof of concept"."""
    if t.lower_.endswith("-proof"):
        return True
    if t.lower_ != "proof" or t.i == 0 or any(c.dep_ in ("det", "prep") for c in t.children):
        return False
    before = t.doc[t.i - 1]
    before = t.doc[t.i - 2] if before.text in ("-", "‑") and t.i > 1 else before
    return before.pos_ in ("NOUN", "ADJ", "PROPN") and before.head.i == t.i


def _reader_possessed_subject(verb: Token) -> bool:
    subject = _subject(verb)
    return subject is not None and _reader_possessed(subject)


@check("loaded-question")
def loaded_question(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Questions the shared classifier marks loaded (or asks with a promise in them: "Would
    you like to double your pipeline?") that also pass the structural test above."""
    detector = built_once(_Loaded, ctx.params_for(rule))
    for question in ctx.analysis.questions:
        if question.kind == "pleasantry":
            continue
        reason = detector.reason(question.sentence)
        if reason is None or (question.kind != "loaded" and reason not in _LOADED_ANYWAY):
            continue
        if question.kind != "loaded" and _WH_OPEN.match(span_text(question.sentence)):
            continue  # an open question ("How did you get 100% accurate returns?") is genuine
        start, end = _sentence_span(question.sentence, keep_end_punct=True)
        yield ctx.finding(rule, start, end, detail=reason)


# role-change-reference ---------------------------------------------------------------------
class _RoleChange:
    """Seed 001's Maybe list: a new role, a promotion, a move to another office."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.roles = _lex(params, "role_nouns")
        self.change_nouns = _lex(params, "change_nouns")
        self.change_verbs = _lex(params, "change_verbs")
        self.places = _lex(params, "place_nouns")
        self.recency = _lex(params, "recency_words")
        self.congrats = _lex(params, "congrats_words")

    def hits(self, sent: Span) -> Iterator[tuple[int, int, str]]:
        for t in sent:
            found = (
                self._congrats(t)
                or self._your_new_role(t)
                or self._reader_moved(t)
                or self._new_role_question(t)
            )
            if found is not None:
                first, last, kind = found
                yield (*_char_span(_tokens(sent, first, last)), kind)

    def _role_noun(self, noun: Token) -> bool:
        return noun.pos_ in ("NOUN", "PROPN") and (_in(noun, self.roles) or _in(noun, self.change_nouns))

    def _congrats(self, t: Token) -> tuple[int, int, str] | None:
        """ "Congrats on the new role", "Congratulations on your promotion", "... on joining"."""
        if t.lower_ not in self.congrats and t.lemma_.lower() not in self.congrats:
            return None
        for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "for")):
            for obj in prep.children:
                if obj.dep_ == "pobj" and self._role_noun(obj):
                    if obj.lower_ in _MOVES:
                        if not _reader_possessed(obj):
                            continue  # "Congrats on the move" may be the company's new warehouse
                        return t.i, obj.i, "location"
                    return t.i, obj.i, "role"
                if obj.dep_ == "pcomp" and _in(obj, self.change_verbs):
                    return t.i, obj.right_edge.i, "role"
        return None

    def _your_new_role(self, noun: Token) -> tuple[int, int, str] | None:
        """ "in your new role", "your recent promotion", "new to the role"."""
        if not self._role_noun(noun) or noun.dep_ == "compound":
            return None
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound")]
        recent = any(m.lower_ in self.recency for m in mods)
        if _reader_possessed(noun) and (recent or _in(noun, self.change_nouns)):
            poss = next(c for c in noun.children if c.dep_ == "poss")
            return poss.i, noun.i, "role"
        # "(you're) new to the role"
        if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "new":
            verb = _verb_of(noun.head.head)
            if verb is not None and _is_reader_pronoun(_subject(verb)) and _in(noun, self.roles):
                return noun.head.head.i, noun.i, "role"
        return None

    def _reader_moved(self, verb: Token) -> tuple[int, int, str] | None:
        """ "you were just promoted", "you've moved over to the Chicago office", "you recently
        joined Globex": the reader is the subject of a change verb, and it is recent."""
        if verb.pos_ != "VERB" or not _in(verb, self.change_verbs) or _negated(verb):
            return None
        subject = _subject(verb)
        if not _is_reader_pronoun(subject) or subject is None:
            return None
        lemma = verb.lemma_.lower()
        near = (d for d in verb.subtree if d.head.i == verb.i or d.head.head.i == verb.i)
        recent = any(d.lower_ in self.recency for d in near) or _now_that(verb)
        destinations = [g for c in verb.subtree if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        place = next((d for d in destinations if _in(d, self.places)), None)
        role = next((d for d in destinations if _in(d, self.roles)), None)
        first = subject.i
        if lemma == "promote":  # "you were promoted", not "you promote your product"
            passive = subject.dep_ == "nsubjpass" or any(c.lower_ == "got" for c in verb.children)
            return (first, verb.right_edge.i, "role") if passive else None
        if place is not None and (recent or lemma in ("relocate", "move")):
            return first, place.i, "location"
        if recent and role is not None:
            return first, role.i, "role"
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS] + destinations
        organisation = any(o.pos_ == "PROPN" or is_merge_tag(o) for o in objects) and not any(
            c.dep_ == "poss" and c.lower_ in lx.SELLER_POSSESSIVES for o in objects for c in o.children
        )
        titled = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        if recent and (organisation or titled) and lemma in ("join", "start", "step", "take", "land"):
            return first, verb.right_edge.i, "role"
        return None

    def _new_role_question(self, noun: Token) -> tuple[int, int, str] | None:
        """ "How are you finding the new role?": the reader is the subject."""
        if not _in(noun, self.roles) or not any(c.lower_ == "new" for c in noun.children):
            return None
        verb = _verb_of(noun)
        if verb is not None and _is_reader_pronoun(_subject(verb)):
            return noun.left_edge.i, noun.i, "role"
        return None


_MOVES = frozenset({"move", "relocation", "transition"})


def _now_that(verb: Token) -> bool:
    """ "Now that you've moved ...", however the parser attaches "now"."""
    if verb.head.lower_ == "now" or any(c.lower_ == "now" for c in verb.children):
        return True
    return verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].lower_ == "now"


@check("role-change-reference")
def role_change_reference(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Opening on the reader's role change (warning) or move of office (info: seed 002 uses
    one in person, seed 001 says be wary)."""
    detector = built_once(_RoleChange, ctx.params_for(rule))
    for sent in ctx.analysis.sentences:
        start, end, kind = next(detector.hits(sent), (0, 0, ""))
        if kind == "location":
            yield ctx.finding(rule, start, end, severity=Severity.INFO, detail="move")
        elif kind:
            yield ctx.finding(rule, start, end, detail="role change")


# hollow-common-ground ----------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _brown_nosing_params() -> dict[str, Any]:
    """brown-nosing's own params, so "I also loved your book" is reported once, by it."""
    import yaml

    from pitchlint.rules.loader import bundled_rules_dir

    path = Path(bundled_rules_dir()) / "personal" / "brown-nosing.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError:
        return {}
    params = data.get("params", {})
    return params if isinstance(params, dict) else {}


class _Common:
    """Claimed shared interests ("Me too!", "Fellow Slideshare enthusiast", "Great post!")
    with nothing specific enough to show the interest is real."""

    def __init__(self, params: dict[str, Any], brown: dict[str, Any]) -> None:
        self.interest_verbs = _lex(params, "interest_verbs")
        self.interest_nouns = _lex(params, "interest_nouns")
        self.mention_verbs = _lex(params, "mention_verbs")
        self.work = _lex(params, "work_nouns")
        self.faint_praise = _lex(params, "faint_praise")
        self.shared = _regex(params, "shared_cues")
        self.mutual = _regex(params, "mutual_cues")
        self.specific = _regex(params, "specificity_patterns")
        self.defer = _lex(params, "defer_words")
        self.brown_praise = _lex(brown, "praise_words")
        self.brown_love = _lex(brown, "love_verbs")
        self.brown_work = _lex(brown, "work_nouns")

    def reader_interest(self, sent: Span) -> bool:
        """ "you liked The Challenger Sale", "you shared Dixon's piece", "your favorite book"."""
        for t in sent:
            if t.pos_ == "VERB" and _is_reader_pronoun(_subject(t)):
                if _in(t, self.interest_verbs):
                    return True
                # "you mentioned Good to Great", not "you mentioned Q3 is busy"
                objects = [c for c in t.children if c.dep_ == "dobj"]
                if _in(t, self.mention_verbs) and any(
                    o.pos_ == "PROPN" or _in(o, self.work) for o in objects
                ):
                    return True
            fan = _in(t, self.interest_nouns) and t.dep_ in ("attr", "acomp")
            if fan and _is_reader_pronoun(_subject(t.head)):
                return True
            if t.lower_ in ("favorite", "favourite") and _reader_possessed(t.head):
                return True
        return False

    def seller_interest(self, sent: Span) -> bool:
        """The sender claims the same interest: "I also loved the book", "I'm a fan too"."""
        for t in sent:
            subject = _subject(t) if t.pos_ in ("VERB", "AUX") else None
            seller = subject is not None and subject.lower_ in ("i", "we")
            if seller and t.pos_ == "VERB" and _in(t, self.interest_verbs):
                return True
            if _in(t, self.interest_nouns) and t.dep_ in ("attr", "ROOT"):
                return True
        return False

    def seller_fan(self, sent: Span) -> bool:
        """ "I'm a big fan of Pavilion too": the sender's fandom, with a "too" or "also"."""
        for t in sent:
            subject = _subject(t.head) if t.dep_ == "attr" else None
            if subject is not None and subject.lower_ in ("i", "we") and _in(t, self.interest_nouns):
                return True
        return False

    def fellow(self, sent: Span) -> bool:
        """ "Fellow Slideshare enthusiast here" (the parser often splits "Fellow")."""
        words = [t for t in sent if not t.is_punct]
        for i, t in enumerate(words):
            if t.lower_ == "fellow" and any(_in(w, self.interest_nouns) for w in words[i + 1 : i + 5]):
                return True
        return False

    def faint_fragment(self, sent: Span) -> Token | None:
        """ "Great post on LinkedIn!", "Loved the article!": a verbless or subjectless fragment
        praising a piece of work."""
        root = sent.root
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if len(words) > 8:
            return None
        praised = any(_in(c, self.faint_praise) for c in root.children if c.dep_ == "amod")
        if root.pos_ in ("NOUN", "PROPN") and _in(root, self.work) and praised:
            return root
        if root.pos_ == "VERB" and _in(root, self.interest_verbs) and _subject(root) is None:
            obj = next((c for c in root.children if c.dep_ == "dobj"), None)
            if obj is not None and _in(obj, self.work):
                return obj
        return None

    def brown_nosing(self, sent: Span) -> bool:
        """brown-nosing's own trigger: praise or love aimed at a work noun the reader owns."""
        for t in sent:
            if not (_in(t, self.brown_work) and _reader_possessed(t)):
                continue
            praise = any(_in(c, self.brown_praise) for c in t.children)
            loved = t.head.pos_ == "VERB" and _in(t.head, self.brown_love)
            if praise or loved:
                return True
        return False

    def deferred(self, sent: Span) -> bool:
        """Hobbies and teams are off-business-chitchat's; identities are the creepy rule's."""
        return any(_in(t, self.defer) for t in sent)


@check("hollow-common-ground")
def hollow_common_ground(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A shared-interest claim or a stock compliment with no quote, number or named point in
    it or the next sentence."""
    params = ctx.params_for(rule)
    brown = {**_brown_nosing_params(), **ctx.params.get("brown-nosing", {})}
    detector = _Common(params, brown)
    sentences = ctx.analysis.body_sentences
    for i, sent in enumerate(sentences):
        if detector.brown_nosing(sent) or detector.deferred(sent):
            continue
        window = sentences[max(0, i - 1) : i + 2]
        previous = sentences[i - 1] if i > 0 else None
        span: tuple[int, int] | None = None
        shared = bool(detector.shared.search(span_text(sent)))
        mutual = bool(detector.mutual.search(span_text(sent))) and detector.seller_interest(sent)
        mutual = mutual or (shared and detector.seller_fan(sent))
        if detector.fellow(sent) or mutual or (shared and detector.reader_interest(sent)):
            span = _sentence_span(sent)
        elif shared and previous is not None and detector.reader_interest(previous):
            # "I see you liked The Challenger Sale. Me too!"
            if detector.seller_interest(sent) or len(sent) <= 5:
                span = (_sentence_span(previous)[0], _sentence_span(sent, keep_end_punct=True)[1])
        elif (work := detector.faint_fragment(sent)) is not None and not _reader_possessed(work):
            span = _sentence_span(sent)
        if span is None or _has_specifics(window, detector.specific):
            continue
        yield ctx.finding(rule, *span)


# off-business-chitchat ---------------------------------------------------------------------
def _intent(verb: Token) -> bool:
    """An offer or a wish: "let's grab", "we should play", "I'd love to buy you", "want to"."""
    if verb.head.lower_ == "let" or any(c.lower_ in ("'s", "’s") for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("love", "like", "want", "wish"):
        return True
    modals = ("would", "could", "should", "can", "'d", "’d", "'ll", "’ll", "will", "might")
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children) or any(
        c.dep_ == "dative" for c in verb.children
    )


def _bigram(t: Token) -> str:
    """ "Super Bowl", "Red Sox": a compound and its head as one phrase."""
    compound = next((c for c in t.children if c.dep_ == "compound" and c.i == t.i - 1), None)
    return f"{compound.text} {t.text}" if compound is not None else t.text


class _Chitchat:
    """Pastimes as the hook: the reader's team, golf game or favourite food, or drinks."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.hobbies = _lex(params, "hobby_words")
        teams = _lex(params, "team_names")
        # "Red Sox fan" parses as "Sox" with a compound: match the last word of a name too
        self.teams = teams | {name.split()[-1] for name in teams if " " in name}
        self.sports = _lex(params, "sport_words")
        self.drinks = _lex(params, "drink_words")
        self.foods = _lex(params, "food_words")
        self.like_verbs = _lex(params, "like_verbs")
        self.invite_verbs = _lex(params, "invite_verbs")
        self.fan_nouns = _lex(params, "fan_nouns")
        self.leisure_heads = _lex(params, "leisure_heads")
        self.leisure_times = _lex(params, "leisure_times")
        self.defer = _lex(params, "defer_words")
        self.activities = self.hobbies | self.sports
        self.pastimes = self.activities | self.foods | self.drinks | self.teams
        self.offers = self.drinks | self.hobbies | {"round", "tee"}

    def _pastime(self, t: Token) -> bool:
        return _in(t, self.pastimes) or _bigram(t).lower() in self.pastimes

    def hits(self, sent: Span) -> Iterator[tuple[int, int]]:
        if any(_in(t, self.defer) for t in sent):
            return
        for t in sent:
            found = self._reader_likes(t) or self._invitation(t) or self._fan(t) or self._your_game(t)
            if found is not None:
                yield _char_span(_tokens(sent, *found))
                return
        if _is_question(sent) and (self._how_was_golf(sent) or self._game_question(sent)):
            yield _sentence_span(sent, keep_end_punct=True)

    def _invitation(self, verb: Token) -> tuple[int, int] | None:
        """ "Let's grab a beer", "I'd love to buy you a drink", "up for a round of golf?"."""
        if verb.pos_ != "VERB" or not _in(verb, self.invite_verbs):
            return None
        subject = _subject(verb)
        who = subject.lower_ if subject is not None else ""
        imperative = subject is None and verb.tag_ == "VB"
        if not imperative and not (who in ("we", "us", "'s", "’s", "i", "you") and _intent(verb)):
            return None  # "We buy wine from 40 vineyards" is business
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "dative") and not (obj.dep_ == "prep" and obj.lower_ == "for"):
                continue
            targets = [obj, *(g for g in obj.children if g.dep_ in ("pobj", "prep"))]
            targets += [g for p in targets if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if any(_in(x, self.offers) for x in targets):
                last = max(x.i for x in targets)
                first = verb.i
                if verb.dep_ == "ccomp" and verb.head.lower_ == "let":
                    first = verb.head.i  # "Let's grab a beer"
                return first, last
        return None

    def _fan(self, noun: Token) -> tuple[int, int] | None:
        """ "you're a huge Yankees fan", "fellow Cubs fan", "a fan of the Packers"."""
        if not _in(noun, self.fan_nouns):
            return None
        mods = [c for c in noun.subtree if c.i != noun.i]
        if not any(self._team_or_sport(m) for m in mods):
            return None
        if noun.dep_ in ("attr", "acomp") and _is_reader_pronoun(_subject(noun.head)):
            return _subject(noun.head).i, noun.right_edge.i  # type: ignore[union-attr]
        fellow = any(m.lower_ == "fellow" for m in mods) or (
            noun.i > 0 and any(noun.doc[j].lower_ == "fellow" for j in range(max(0, noun.i - 4), noun.i))
        )
        if fellow:
            start = next(j for j in range(max(0, noun.i - 4), noun.i + 1) if noun.doc[j].lower_ == "fellow")
            return start, noun.i
        return None

    def _team_or_sport(self, t: Token) -> bool:
        return t.lower_ in self.teams or _in(t, self.activities)

    def _reader_likes(self, verb: Token) -> tuple[int, int] | None:
        """ "you love sushi", "you play golf", "you ran the Boston marathon"."""
        if verb.pos_ != "VERB" or not _in(verb, self.like_verbs) or _negated(verb):
            return None
        subject = _subject(verb)
        if not _is_reader_pronoun(subject) or subject is None:
            return None
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "xcomp")):
            if self._pastime(obj) or any(self._pastime(c) for c in obj.children if c.dep_ == "compound"):
                return subject.i, obj.right_edge.i
        return None

    def _your_game(self, noun: Token) -> tuple[int, int] | None:
        """ "your golf game", "your handicap", "your marathon time"."""
        if noun.pos_ != "NOUN" or not _reader_possessed(noun):
            return None
        if _in(noun, self.hobbies):
            first = next(c for c in noun.children if c.dep_ == "poss").i
            return first, noun.i
        if _in(noun, self.leisure_heads) and any(
            self._pastime(c) for c in noun.children if c.dep_ in ("compound", "amod")
        ):
            first = next(c for c in noun.children if c.dep_ == "poss").i
            return first, noun.i
        return None

    def _how_was_golf(self, sent: Span) -> bool:
        """ "How was golf this weekend?": a pastime as the subject, asked about a day off."""
        pastime = any(t.dep_ in _SUBJECT_DEPS and _in(t, self.activities) for t in sent)
        return pastime and any(_in(t, self.leisure_times) for t in sent)

    def _game_question(self, sent: Span) -> bool:
        """ "Did you catch the Knicks game last night?"."""
        for t in sent:
            if t.lower_ in ("game", "match", "race", "fight") and any(
                self._team_or_sport(c) for c in t.children if c.dep_ in ("compound", "amod")
            ):
                return any(_is_reader_pronoun(x) for x in sent)
        return False


@check("off-business-chitchat")
def off_business_chitchat(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """The reader's pastimes, or an invitation to one, in a first email; an error when the
    sentence says it was found by research."""
    params = ctx.params_for(rule)
    detector = built_once(_Chitchat, params)
    research = _regex(params, "research_cues")
    for sent in ctx.analysis.body_sentences:
        for start, end in detector.hits(sent):
            # "Saw you're a huge Yankees fan": found by research, not met in person (catalog T2)
            severity = Severity.ERROR if research.search(span_text(sent)) else Severity.WARNING
            yield ctx.finding(rule, start, end, severity=severity)
