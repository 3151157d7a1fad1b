"""`name-dropping` (rules/claims/name-dropping.yaml): Flags social proof used as the pitch: logo
lists ("Trusted by Google, Salesforce, Nike"), customer counts ("over 500 publishers use"),
"companies like X, Y and Z" and "our clients include ...". One relevant peer story is fine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.grammar import OBJECT_DEPS, SUBJECT_DEPS, claim_subject, possessed_by_reader
from pitchlint.analysis.spans import char_span, tokens_between
from pitchlint.checks import check
from pitchlint.checks.claims._helpers import _is_seller, _union
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.params import in_words as _in
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of name-dropping.yaml, checked: a key not here is an error."""

    customer_nouns: list[str]
    endorse_verbs: list[str]
    seller_verbs: list[str]
    join_verbs: list[str]
    press_verbs: list[str]
    count_words: list[str]
    min_count: int
    min_names: int
    min_names_bare: int


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
        if not _in(noun, self.customers) or possessed_by_reader(noun):
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
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
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
        participle = verb.tag_ == "VBN" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        if by_agent and _in(verb, self.endorse):
            return verb  # "trusted by ...", "used by ..."
        if participle and noun.dep_ == "pobj" and _in(verb, self.press):
            return verb  # "as seen in Forbes, TechCrunch and the WSJ"
        if _in(verb, self.join):
            return verb  # "join 10,000+ marketers"
        if noun.dep_ in SUBJECT_DEPS and _in(verb, self.endorse) and self._seller_object(verb):
            return verb  # "over 500 publishers utilize", "companies like X already use Acme"
        # "we've helped over 500 companies (increase revenue)", "we work with ..."
        candidates = [verb]
        if verb.dep_ in ("ccomp", "xcomp") and noun.dep_ in SUBJECT_DEPS:
            candidates.append(verb.head)
        for candidate in candidates:
            if _in(candidate, self.serve) and _is_seller(claim_subject(candidate), self.analysis):
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
                yield char_span(tokens_between(sent, *found))

    def _customers_like(self, noun: Token) -> tuple[int, int] | None:
        """ "Companies like Microsoft, Amazon and Uber (use us)", "clients such as X and Y"."""
        if not _in(noun, self.customers) or possessed_by_reader(noun):
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
        if not _in(noun, self.customers) or noun.dep_ not in SUBJECT_DEPS or possessed_by_reader(noun):
            return None
        verb = noun.head
        if verb.lemma_.lower() != "include":
            return None
        for obj in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
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


def _argument_of(noun: Token) -> Token | None:
    """The verb a noun phrase is an argument of: its subject, object or prepositional object
    ("work with X"), not a noun further down ("retailers in X")."""
    head = noun.head
    if noun.dep_ in (*SUBJECT_DEPS, *OBJECT_DEPS, "npadvmod") and head.pos_ in ("VERB", "AUX"):
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
