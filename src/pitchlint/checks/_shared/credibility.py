"""What checks of several families share, from the former `checks/credibility.py`.

Credibility and rapport smells: social proof as the pitch (name-dropping), insisting on
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

from spacy.tokens import Span, Token

from pitchlint.analysis import lexicon as lx
from pitchlint.analysis.grammar import subject_of
from pitchlint.analysis.spans import span_text

_OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")


# shared helpers ----------------------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or its first conjunct's or governing verb's, one step up ("We help
    X and serve Y", "we want to help")."""
    return subject_of(verb, through=("conj", "xcomp"), steps=1)


def _is_reader_pronoun(token: Token | None) -> bool:
    return token is not None and token.lower_ in lx.READER_PRONOUNS


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
