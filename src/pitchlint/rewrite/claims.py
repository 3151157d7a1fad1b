"""Cutting hype and absolutes (catalog 4.9 and 4.15: "superlative/absolute -> specific, bounded,
verifiable claim, or delete"). Each cut removes the words and repairs what they leave: the
article before a deleted adjective, the copula before "the leaders in"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.findings import Edit
from pitchlint.rewrite import move
from pitchlint.rewrite.deletes import covering_sentences, delete_sentence
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


# a ranking noun that says nothing once its rank goes: "the #1 choice" -> "an option"
_PLAIN = {"choice": "option", "choices": "options"}
# the possessive that makes a superlative global: "the world's leading provider"
_WORLDS = frozenset({"world", "industry", "market", "nation", "country", "europe", "america"})


def _tokens(analysis: Analysis, start: int, end: int) -> list[Token]:
    return [t for t in analysis.doc if start <= t.idx < end and not t.is_space]


@move("cut-superlative")
def cut_superlative(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    tokens = _tokens(analysis, start, end)
    if not tokens:
        return None
    # "Nothing else on the market comes close.": all claim. A subject line that boasts ("The
    # world's most advanced platform") is rewritten from the body's topic.
    if tokens[0].sent.root in tokens or analysis.draft.zone_at(start) == "subject":
        return delete_sentence(analysis, start, end, spec)
    if any(t.lemma_ == "leader" for t in tokens):  # "a leader" is still the claim
        copula = analysis.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        if tokens[0].lower_ != "the" or copula is None or copula.lower_ not in _COPULA_WORK:
            return None
        return (Edit(copula.idx, end, _COPULA_WORK[copula.lower_] + " " + tokens[-1].text),)
    if tokens[0].lower_ == "latest" and tokens[-1].lower_ == "greatest":
        return (Edit(start, end, "latest"),)
    if tokens[0].lower_ in ("really", "so", "truly"):
        return (Edit(tokens[0].idx, tokens[1].idx, ""),)
    noun = _modified_noun(tokens)
    if noun is not None and _word_ends(tokens[-1]):  # "our world-class team"
        # "the #1 rated agency" is one agency among others once its rank goes: "an agency"
        return _cut_modifier(analysis, tokens, indefinite=_ranks(tokens) and noun.tag_ in ("NN", "NNP"))
    last = tokens[-1]
    rank = _rank_words(tokens)
    noun = _modified_noun(rank) if rank and _word_ends(rank[-1]) else None
    if noun is not None and (noun.i == last.i or _compounded(last, noun)):  # not "game-|changer"
        # "the leading provider", "the #1 CRM", "the only solution": the rank goes, the noun
        # (and the nouns compounded with it) stays
        return _cut_modifier(analysis, rank, indefinite=True)
    return None


def _compounded(last: Token, noun: Token) -> bool:
    """The match ends on a word compounded into the noun ("field" in "the world's leading field
    service platform"): the noun's own, which stays with it."""
    words = last.doc[last.i : noun.i]
    return bool(words) and all(t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN") for t in words)


def _ranks(tokens: list[Token]) -> bool:
    """ "#1", "No. 1", "number one", "only", "first": a rank that makes the noun one of a kind."""
    return any(t.text in ("#", "1") or t.lower_ in ("no.", "number", "only", "first") for t in tokens)


def _rank_words(tokens: list[Token]) -> list[Token]:
    """The words that rank, before the noun and its compounds: "leading" in "leading sales
    engagement platform", "only" in "the only solution" (whose "the" becomes "a")."""
    words = tokens[1:-1] if tokens[0].lower_ == "the" and len(tokens) > 2 else tokens[:-1]
    while words and words[-1].dep_ == "compound" and words[-1].pos_ in ("NOUN", "PROPN"):
        words = words[:-1]
    return words


def _word_ends(token: Token) -> bool:
    """The word ends here: not "game-" in "game-changer"."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return bool(token.whitespace_) or (following is not None and following.text == ",")


def _modified_noun(tokens: list[Token]) -> Token | None:
    """The noun these words modify, when they sit before it in its noun phrase. A coordinated
    adjective ("fast and revolutionary tools") attaches through the first conjunct."""
    inside = {t.i for t in tokens}
    heads = set()
    for token in tokens:
        if token.head.i in inside:
            continue
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        heads.add(token.head.i)
    if len(heads) != 1:
        return None
    head = tokens[0].doc[heads.pop()]
    if head.i <= tokens[-1].i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    between = tokens[0].doc[tokens[-1].i + 1 : head.i]
    if any(t.head.i < tokens[0].i or t.head.i > head.i for t in between):
        return None
    return head


def _cut_modifier(analysis: Analysis, cut: list[Token], *, indefinite: bool = False) -> Sequence[Edit] | None:
    """Delete adjectives before a noun with the comma or "and" that joined them to another
    one, and fix "a"/"an" for the word that now follows. `indefinite`: "the leading provider"
    is one provider among others once "leading" goes ("a provider")."""
    doc = analysis.doc
    first, last = cut[0], cut[-1]
    if last.i + 1 >= len(doc):
        return None
    following = doc[last.i + 1]
    if following.text == "," or (following.dep_ == "cc" and following.head.i in {t.i for t in cut}):
        # "revolutionary, world-class platform", "revolutionary and fast tools"
        if last.i + 2 >= len(doc):
            return None
        following = doc[last.i + 2]
    end, word = following.idx, following.text
    if indefinite and following.lower_ in _PLAIN:  # "the #1 choice" -> "an option"
        end, word = following.idx + len(following.text), _PLAIN[following.lower_]
    tail = word if end > following.idx else ""
    before = doc[first.i - 1] if first.i > 0 else None
    if indefinite and before is not None and before.lower_ in ("'s", "’s") and first.i > 1:
        owner = doc[first.i - 2]  # "the world's leading provider" -> "a provider"
        if owner.lower_ not in _WORLDS:
            return None
        start = doc[owner.i - 1] if owner.i > 0 and doc[owner.i - 1].lower_ == "the" else owner
        return (Edit(start.idx, end, _article(word, start) + " " + tail),)
    if (
        before is not None
        and first.i > 1
        and (before.text == "," or (before.dep_ == "cc" and first.dep_ == "conj"))
    ):
        # "our fast, world-class team", "fast and revolutionary tools", "fast, simple, and ..."
        kept = doc[first.i - 2]
        if kept.text == "," and first.i > 2:
            kept = doc[first.i - 3]
        if kept.i < _phrase_head(_modified_noun(cut) or following).left_edge.i:
            return None  # the comma ends something else: "For sales teams, world-class ..."
        return (Edit(kept.idx + len(kept.text), end, " " + tail),)
    if before is not None and (before.lower_ in ("a", "an") or (indefinite and before.lower_ == "the")):
        return (Edit(before.idx, end, _article(word, before) + " " + tail),)
    if first.is_sent_start and first.text[:1].isupper():  # "World-class support, ..." -> "Support, ..."
        if tail or not word[:1].isalpha():
            return None
        return (Edit(first.idx, following.idx + 1, word[:1].upper()),)
    return (Edit(first.idx, end, tail),)


def _phrase_head(noun: Token) -> Token:
    """ "program" for "onboarding" in "a fast onboarding program"."""
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    return noun


def _article(word: str, replaced: Token) -> str:
    """ "a" or "an" for the word that now follows, capitalised like the word it replaces."""
    article = a_or_an(word)
    return article.capitalize() if replaced.text[0].isupper() else article


@move("cut-absolute")
def cut_absolute(analysis: Analysis, start: int, end: int, spec: FixSpec) -> Sequence[Edit] | None:
    tokens = _tokens(analysis, start, end)
    if not tokens:
        return None
    text = analysis.draft.text
    words = [t.lower_ for t in tokens]
    if words[:2] == ["100", "%"] and len(tokens) >= 3:
        return _cut_modifier(analysis, tokens[:2])
    if words == ["for", "good"] or words == ["for", "good", "."]:
        before = tokens[0].idx
        while before > 0 and text[before - 1] == " ":
            before -= 1
        return (Edit(before, tokens[1].idx + len(tokens[1].text), ""),)
    if any(t.lemma_ == "guarantee" and t.pos_ == "VERB" for t in tokens):
        return _delete_seller_sentence(analysis, tokens[0])
    if any(w == "proof" or w.endswith("proof") for w in words):
        if _modified_noun(tokens) is not None:  # "our bulletproof process" -> "our process"
            return _cut_modifier(analysis, tokens)
        return _cut_participle(analysis, tokens[0])
    quantifier = next((t for t in tokens if t.lower_ in ("all", "every", "everything")), None)
    verb = tokens[0] if tokens[0].pos_ == "VERB" else None
    if quantifier is None or verb is None or quantifier.lower_ == "everything":
        return None
    edits = [_drop_quantifier(analysis, quantifier)]
    if edits[0] is None:
        return None
    if verb.lower_ in _SOFTER:
        edits.append(Edit(verb.idx, verb.idx + len(verb.text), _SOFTER[verb.lower_]))
    return tuple(e for e in edits if e is not None)


def _drop_quantifier(analysis: Analysis, quantifier: Token) -> Edit | None:
    """ "all of those hours" -> "those hours"; "all the rates" -> "the rates"; "every rate" ->
    "each rate" (still one claim per rate, no longer a promise about all of them)."""
    doc = analysis.doc
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


def _delete_seller_sentence(analysis: Analysis, token: Token) -> Sequence[Edit] | None:
    span = covering_sentences(analysis, token.idx, token.idx + 1)
    clause = analysis.clause_of(token)
    if span is None or clause is None or clause.agency != "seller":
        return None
    return (delete_span(analysis.draft.text, *span),)


def _cut_participle(analysis: Analysis, token: Token) -> Sequence[Edit] | None:
    """ ", rendering you audit-proof in the process" goes, comma and all."""
    node = token
    while node.dep_ not in ("advcl", "acl") and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("advcl", "acl"):
        return None
    clause: Span = analysis.doc[min(t.i for t in node.subtree) : max(t.i for t in node.subtree) + 1]
    begin = clause.start_char
    comma = analysis.doc[clause.start - 1] if clause.start > 0 else None
    if comma is not None and comma.text == ",":
        begin = comma.idx
    return (Edit(begin, clause.end_char, ""),)
