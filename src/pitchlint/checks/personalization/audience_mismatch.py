"""`audience-mismatch` (rules/personalization/audience-mismatch.yaml): Flags audience words that
contradict the recipient metadata ("for large organizations" to a 12-person company, "As a retail
CFO" to a founder in professional services). Silent without `recipient: {role, industry, size}` in
the front matter."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.core import is_question
from pitchlint.analysis.grammar import own_subject
from pitchlint.analysis.reader import Reader, _clause_verb, _is
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.params import word_set as _lex
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of audience-mismatch.yaml, checked: a key not here is an error."""

    small_max: int
    large_min: int
    small_size_labels: list[str]
    large_size_labels: list[str]
    mid_size_labels: list[str]
    large_words: list[str]
    small_words: list[str]
    audience_nouns: list[str]
    market_nouns: list[str]
    industries: dict[str, list[str]]
    roles: dict[str, list[str]]


_SIZE_RELATIVE_RE = re.compile(r"\b(?:your size|size like yours|unlike)\b", re.I)


def _groups(text: str, table: dict[str, list[str]]) -> set[str]:
    """The groups of `table` whose words occur in `text` (word boundaries, plural-tolerant)."""
    found = set()
    for group, words in table.items():
        for word in words:
            if re.search(r"(?<![\w-])" + re.escape(str(word)) + r"(?:s|es)?(?![\w-])", text, re.I):
                found.add(group)
                break
    return found


@dataclass(frozen=True)
class Audience:
    start: int
    end: int
    dimension: str
    group: str


class AudienceReader:
    """Audience words in framing that says who the email is for: "for large organizations",
    "enterprise teams", "we help SaaS companies", "As a retail CFO, you". The reader's own market
    ("your enterprise customers", "you sell to retailers"), the seller's own customers and tiers
    ("our enterprise plan") and product grades ("enterprise-grade security") are not audiences.
    Roles count only when said to the reader ("As a CFO, you ...", "CMOs like you")."""

    def __init__(self, analysis: Analysis, params: dict[str, Any]) -> None:
        self.analysis = analysis
        self.params = params
        self.reader = Reader.of(analysis)
        self.audience_nouns = _lex(params, "audience_nouns")
        self.market_nouns = _lex(params, "market_nouns")

    def mentions(self) -> Iterator[Audience]:
        params = self.params
        tables: dict[str, dict[str, list[str]]] = {
            "size": {"large": params.get("large_words", []), "small": params.get("small_words", [])},
            "industry": params.get("industries", {}),
            "role": params.get("roles", {}),
        }
        taken: list[tuple[int, int]] = []
        for sent in self.analysis.sentences:
            if is_question(sent):
                continue  # asking who they are is the cure, not the smell
            for dimension, table in tables.items():
                for group, words in table.items():
                    for start, end in _word_spans(sent, words):
                        if any(s <= start and end <= e for s, e in taken):
                            continue
                        if self._framed(sent, start, end, dimension):
                            taken.append((start, end))
                            yield Audience(start, end, dimension, group)

    def _framed(self, sent: Span, start: int, end: int, dimension: str) -> bool:
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        if self._addressed(sent, span):
            return True
        if dimension == "role":
            return False
        node = span[-1]
        following = sent.doc[node.i + 1] if node.i + 1 < sent.end else None
        if following is not None and (
            _is(following, self.audience_nouns) or _is(following, self.market_nouns)
        ):
            node = following  # "ecommerce brands", whatever the tagger made of "ecommerce"
        elif node.dep_ in ("compound", "amod", "nmod") and node.head.i > node.i:
            node = node.head  # "SaaS companies", "enterprise teams", "retail space"
            while node.dep_ == "compound" and node.head.i > node.i:
                node = node.head
            if not (_is(node, self.audience_nouns) or _is(node, self.market_nouns)):
                return False  # "enterprise-grade security", "retail price", "our enterprise plan"
        elif node.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(c.dep_ == "poss" and c.lower_ in lx.SELLER_POSSESSIVES for c in node.children):
            return False  # "our enterprise clients": the seller's references
        if self.reader.possessed(node):
            return not _is(node, self.market_nouns)  # "your small business"; not "your retail customers"
        if _SIZE_RELATIVE_RE.search(span_text(sent)):
            return False  # "Most enterprises struggle with this; teams your size don't"
        if _is(node, self.market_nouns) and node.i != span[-1].i:
            head_verb = _clause_verb(node)
            if head_verb is None or not _seller_clause(self.analysis, head_verb):
                return False
        verb = _clause_verb(node)
        return not (verb is not None and self.reader.is_subject(verb))  # "you sell to retailers"

    def _addressed(self, sent: Span, span: Span) -> bool:
        """Said to the reader: "As a retail CFO, you ...", "CMOs like you", "you're a startup"."""
        doc = sent.doc
        before = " ".join(t.lower_ for t in doc[max(sent.start, span.start - 3) : span.start])
        after = " ".join(t.lower_ for t in doc[span.end : min(sent.end, span.end + 2)])
        reader_in_sentence = any(t.lower_ in lx.READER_PRONOUNS for t in sent)
        if reader_in_sentence and re.search(r"(?:^|\s)as(?: an?| the)?(?: \S+)?$", before):
            return True
        if re.match(r"like (?:you|yours|yourself)\b", after):
            return True
        return bool(re.search(r"\byou (?:'re|’re|are) (?:an?|the)(?: \S+)?$", before))


def _seller_clause(analysis: Analysis, verb: Token) -> bool:
    subject = own_subject(verb)
    return subject is None or analysis.agency_of(subject) == "seller"


def _word_spans(sent: Span, words: Iterable[str]) -> Iterator[tuple[int, int]]:
    for word in sorted((str(w) for w in words), key=len, reverse=True):
        pattern = r"(?<![\w-])" + re.escape(word) + r"(?:s|es)?(?![\w-])"
        for match in re.finditer(pattern, span_text(sent), re.IGNORECASE):
            yield sent.start_char + match.start(), sent.start_char + match.end()


def _recipient_groups(value: str | None, table: dict[str, list[str]]) -> set[str]:
    return _groups(value, table) if value else set()


@check("audience-mismatch")
def audience_mismatch(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Compare the email's audience framing with the recipient metadata; silent without it."""
    recipient = ctx.draft.meta.recipient
    if not (recipient.size or recipient.industry or recipient.role):
        return
    params = ctx.params_for(rule)
    mentions = list(AudienceReader(ctx.analysis, params).mentions())
    if not mentions:
        return
    size = _size_class(recipient.size, params) if recipient.size else None
    truth = {
        "industry": _recipient_groups(recipient.industry, params.get("industries", {})),
        "role": _recipient_groups(recipient.role, params.get("roles", {})),
    }
    said = {
        "industry": {m.group for m in mentions if m.dimension == "industry"},
        "role": {m.group for m in mentions if m.dimension == "role"},
        "size": {m.group for m in mentions if m.dimension == "size"},
    }
    described = {"industry": recipient.industry, "role": recipient.role}
    for mention in mentions:
        detail = None
        if mention.dimension == "size" and size in ("small", "large") and len(said["size"]) == 1:
            if mention.group != size:
                detail = f"targets {mention.group} companies, but the recipient's size is {recipient.size}"
        elif mention.dimension in truth:
            known = truth[mention.dimension]
            if known and not (said[mention.dimension] & known):
                detail = f"targets {mention.group}, but the recipient is {described[mention.dimension]}"
        if detail:
            yield ctx.finding(rule, mention.start, mention.end, detail=detail)


_NUMBER_RE = re.compile(r"\d[\d,.]*\s*[kK]?")


def _size_class(size: str, params: dict[str, Any]) -> str | None:
    """ "12", "10-50", "5,000+", "2k", "enterprise", "SMB" -> small / mid / large."""
    lower = size.lower()
    numbers: list[float] = []
    for raw in _NUMBER_RE.findall(lower):
        value = raw.strip().replace(",", "")
        factor = 1000.0 if value.lower().endswith("k") else 1.0
        try:
            numbers.append(float(value.rstrip("kK").strip()) * factor)
        except ValueError:
            continue
    if numbers:
        headcount = max(numbers)
        if headcount <= float(params.get("small_max", 200)):
            return "small"
        if headcount >= float(params.get("large_min", 1000)):
            return "large"
        return "mid"
    for label in ("small", "large", "mid"):
        if any(word in lower for word in params.get(f"{label}_size_labels", [])):
            return label
    return None
