"""Cutting hype and absolutes (catalog 4.9 and 4.15: "superlative/absolute -> specific, bounded,
verifiable claim, or delete"). Each cut removes the words and repairs what they leave: the
article before a deleted adjective, the copula before "the leaders in"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from pitchlint.context import RuleContext
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.deletes import covering_sentences
from pitchlint.rewrite.text import a_or_an, delete_span
from pitchlint.rules.schema import FixSpec

_COPULA_WORK = {
    "are": "work",
    "'re": " work",
    "’re": " work",
    "is": "works",
    "'s": " works",
    "’s": " works",
    "am": "work",
    "'m": " work",
    "’m": " work",
    "were": "worked",
    "was": "worked",
}
# bounded verbs for the absolute ones, once "all" is gone
# ("solves all the guesswork" -> "reduces the guesswork")
_SOFTER = {
    "eliminate": "cut",
    "eliminates": "cuts",
    "eliminated": "cut",
    "solve": "reduce",
    "solves": "reduces",
    "solved": "reduced",
    "remove": "reduce",
    "removes": "reduces",
    "prevent": "reduce the risk of",
    "prevents": "reduces the risk of",
}


_HEAD_NOUNS = frozenset(
    {"provider", "providers", "platform", "solution", "vendor", "company", "supplier", "choice"}
)


def _tokens(ctx: RuleContext, start: int, end: int) -> list[Token]:
    return [t for t in ctx.doc if start <= t.idx < end and not t.is_space]


@move("cut-superlative")
def cut_superlative(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    tokens = _tokens(ctx, start, end)
    if not tokens:
        return None
    if any(t.lemma_ == "leader" for t in tokens) and tokens[0].lower_ == "the":
        copula = ctx.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        if copula is None or copula.lower_ not in _COPULA_WORK:
            return None
        return (Edit(copula.idx, end, _COPULA_WORK[copula.lower_] + " " + tokens[-1].text),)
    if tokens[0].lower_ == "latest" and tokens[-1].lower_ == "greatest":
        return (Edit(start, end, "latest"),)
    if tokens[0].lower_ in ("really", "so", "truly"):
        return (Edit(tokens[0].idx, tokens[1].idx, ""),)
    head = tokens[-1].head if tokens[-1].dep_ in ("amod", "compound", "nmod") else None
    if tokens[-1].lower_ in _HEAD_NOUNS:  # "the leading provider", "the #1 choice"
        return _cut_modifier(ctx, tokens[:-1], indefinite=True)
    if (head is not None and head.i > tokens[-1].i and all(t.i < head.i for t in tokens)) or (
        all(t.dep_ in ("amod", "punct", "npadvmod", "compound", "advmod") for t in tokens)
        and tokens[-1].head.i > tokens[-1].i
    ):
        cut = tokens
    else:
        return None
    return _cut_modifier(ctx, cut)


def _cut_modifier(ctx: RuleContext, cut: list[Token], *, indefinite: bool = False) -> Sequence[Edit] | None:
    """Delete adjectives before a noun with the comma that joined them to another one, and
    fix "a"/"an" for the word that now follows. `indefinite`: "the leading provider" is one
    provider among others once "leading" goes ("a provider")."""
    doc = ctx.doc
    first, last = cut[0], cut[-1]
    if last.i + 1 >= len(doc):
        return None
    following = doc[last.i + 1]
    if following.text == "," and last.i + 2 < len(doc):  # "revolutionary, world-class platform"
        following = doc[last.i + 2]
    before = doc[first.i - 1] if first.i > 0 else None
    if indefinite and before is not None and before.lower_ in ("'s", "’s") and first.i > 1:
        owner = doc[first.i - 2]  # "the world's leading provider" -> "a provider"
        if owner.lower_ in ("world", "industry", "market", "nation", "country", "europe", "america"):
            start = doc[owner.i - 1] if owner.i > 0 and doc[owner.i - 1].lower_ == "the" else owner
            article = a_or_an(following.text)
            return (
                Edit(
                    start.idx,
                    following.idx,
                    (article.capitalize() if start.text[0].isupper() else article) + " ",
                ),
            )
    if before is not None and before.text == "," and first.i > 1:  # "our fast, world-class team"
        return (Edit(doc[first.i - 2].idx + len(doc[first.i - 2].text), following.idx, " "),)
    if before is not None and (before.lower_ in ("a", "an") or (indefinite and before.lower_ == "the")):
        return (Edit(before.idx, following.idx, _article(following, before) + " "),)
    return (Edit(first.idx, following.idx, ""),)


def _article(following: Token, replaced: Token) -> str:
    """ "a" or "an" for the word that now follows, capitalised like the word it replaces."""
    article = a_or_an(following.text)
    return article.capitalize() if replaced.text[0].isupper() else article


@move("cut-absolute")
def cut_absolute(ctx: RuleContext, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    tokens = _tokens(ctx, start, end)
    if not tokens:
        return None
    text = ctx.draft.text
    words = [t.lower_ for t in tokens]
    if words[:2] == ["100", "%"] and len(tokens) >= 3:
        return _cut_modifier(ctx, tokens[:2])
    if words == ["for", "good"] or words == ["for", "good", "."]:
        before = tokens[0].idx
        while before > 0 and text[before - 1] == " ":
            before -= 1
        return (Edit(before, tokens[1].idx + len(tokens[1].text), ""),)
    if any(t.lemma_ == "guarantee" and t.pos_ == "VERB" for t in tokens):
        return _delete_seller_sentence(ctx, tokens[0])
    if "proof" in words:
        return _cut_participle(ctx, tokens[0])
    quantifier = next((t for t in tokens if t.lower_ in ("all", "every", "everything")), None)
    verb = tokens[0] if tokens[0].pos_ == "VERB" else None
    if quantifier is None or verb is None or quantifier.lower_ == "everything":
        return None
    edits = [_drop_quantifier(ctx, quantifier)]
    if edits[0] is None:
        return None
    if verb.lower_ in _SOFTER:
        edits.append(Edit(verb.idx, verb.idx + len(verb.text), _SOFTER[verb.lower_]))
    return tuple(e for e in edits if e is not None)


def _drop_quantifier(ctx: RuleContext, quantifier: Token) -> Edit | None:
    """ "all of those hours" -> "those hours"; "all the rates" -> "the rates"; "every rate" ->
    "each rate" (still one claim per rate, no longer a promise about all of them)."""
    doc = ctx.doc
    following = doc[quantifier.i + 1] if quantifier.i + 1 < len(doc) else None
    if following is None:
        return None
    if quantifier.lower_ == "every":
        return Edit(quantifier.idx, quantifier.idx + len(quantifier.text), "each")
    if following.lower_ == "of" and quantifier.i + 2 < len(doc):
        return Edit(quantifier.idx, doc[quantifier.i + 2].idx, "")
    if following.lower_ in ("the", "your", "our", "those", "these", "of") or following.pos_ in (
        "NOUN",
        "ADJ",
    ):
        return Edit(quantifier.idx, following.idx, "")
    return None


def _delete_seller_sentence(ctx: RuleContext, token: Token) -> Sequence[Edit] | None:
    span = covering_sentences(ctx, token.idx, token.idx + 1)
    clause = ctx.analysis.clause_of(token)
    if span is None or clause is None or clause.agency != "seller":
        return None
    return (delete_span(ctx.draft.text, *span),)


def _cut_participle(ctx: RuleContext, token: Token) -> Sequence[Edit] | None:
    """ ", rendering you audit-proof in the process" goes, comma and all."""
    node = token
    while node.dep_ not in ("advcl", "acl") and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("advcl", "acl"):
        return None
    clause: Span = ctx.doc[min(t.i for t in node.subtree) : max(t.i for t in node.subtree) + 1]
    begin = clause.start_char
    comma = ctx.doc[clause.start - 1] if clause.start > 0 else None
    if comma is not None and comma.text == ",":
        begin = comma.idx
    return (Edit(begin, clause.end_char, ""),)
