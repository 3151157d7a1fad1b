"""`redundant-repetition` (rules/style/redundant-repetition.yaml): Flags a phrase of five or more
content words restated later in the same email (Sample B says "sales tax rates, rules and processes
required for compliance" twice)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of redundant-repetition.yaml, checked: a key not here is an error."""

    min_words: int
    min_common_words: int


# redundant-repetition -----------------------------------------------------------------------
def _content(sent: Span) -> list[Token]:
    """Content words of a sentence: no stopwords, punctuation, merge tags or bullets."""
    return [
        t
        for t in sent
        if not (t.is_stop or t.is_punct or t.is_space or is_merge_tag(t) or t.like_url or t.like_email)
        and any(ch.isalnum() for ch in t.text)
    ]


def _key(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


@check("redundant-repetition")
def redundant_repetition(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A run of at least n content-word lemmas that already appeared in an earlier sentence;
    the finding covers the restatement, extended to the longest shared run."""
    params = ctx.params_for(rule)
    n = int(params.get("min_words", 5))
    sequences = [_content(s) for s in ctx.analysis.body_sentences]
    seen: dict[tuple[str, ...], tuple[int, int]] = {}
    reported: list[tuple[int, int]] = []
    for si, tokens in enumerate(sequences):
        keys = [_key(t) for t in tokens]
        i = 0
        while i + n <= len(tokens):
            gram = tuple(keys[i : i + n])
            earlier = seen.get(gram)
            if earlier is None:
                i += 1
                continue
            length = _run_length(sequences, earlier, keys, i)
            run = tokens[i : i + length]
            common = sum(1 for t in run if t.pos_ != "PROPN" and not t.like_num)
            if common >= int(params.get("min_common_words", 3)):  # not a repeated product name
                start, end = run[0].idx, run[-1].idx + len(run[-1].text)
                if not any(s < end and start < e for s, e in reported):
                    reported.append((start, end))
                    yield ctx.finding(rule, start, end, count=length)
            i += length
        for j in range(len(tokens) - n + 1):  # only now: a sentence is not compared with itself
            seen.setdefault(tuple(keys[j : j + n]), (si, j))


def _run_length(sequences: list[list[Token]], earlier: tuple[int, int], keys: list[str], start: int) -> int:
    """How far the restatement at `start` keeps matching the earlier occurrence."""
    ei, ej = earlier
    earlier_keys = [_key(t) for t in sequences[ei]]
    length = 0
    while (
        start + length < len(keys)
        and ej + length < len(earlier_keys)
        and keys[start + length] == earlier_keys[ej + length]
    ):
        length += 1
    return length
