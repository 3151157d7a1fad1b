"""Style checks that need the parse: vendor jargon (catalog rule 45) and restated phrases
(catalog rule 46).

Jargon is judged by part of speech and density, not by a bare word list: "leverage" counts as a
verb ("we leverage our dataset"), never as the finance noun ("your leverage ratio"); a single
"solution" or "robust" is ordinary English, so those weak words count only when they cluster.
Repetition compares content-word lemmas, so "rates, rules and processes" and "rates, rules, and
processes" are the same phrase, and only the sender's own prose (body and P.S.) is compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from pitchlint.analysis import Analysis
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.params import built_once
from pitchlint.rules.loader import LoadedRule


# jargon-buzzwords ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Buzzword:
    start: int
    end: int
    strong: bool
    sentence: int


def _phrase_pattern(entry: str) -> str:
    """ "best-of-breed" also matches "best of breed"; a final word may take a plural or -ly."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", entry.strip()) if w]
    return r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?:s|es|ly)?(?![\w-])"


class Jargon:
    """Finds buzzwords in one draft's body sentences, with the strong/weak distinction."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.strong_words = {
            str(w).lower() for w in params.get("strong", []) if " " not in str(w) and "-" not in str(w)
        }
        self.weak_words = {
            str(w).lower() for w in params.get("weak", []) if " " not in str(w) and "-" not in str(w)
        }
        self.verb_only = {str(w).lower() for w in params.get("verb_only", [])}
        self.adjective_only = {str(w).lower() for w in params.get("adjective_or_verb_only", [])}
        phrases = [(p, True) for p in params.get("strong", []) if " " in str(p) or "-" in str(p)]
        phrases += [(p, False) for p in params.get("weak", []) if " " in str(p) or "-" in str(p)]
        self.phrases = [(re.compile(_phrase_pattern(str(p)), re.I), strong) for p, strong in phrases]
        self.patterns = [(re.compile(p, re.I), True) for p in params.get("strong_patterns", [])]
        self.patterns += [(re.compile(p, re.I), False) for p in params.get("weak_patterns", [])]

    def find(self, sentences: Iterable[Span]) -> list[Buzzword]:
        found: list[Buzzword] = []
        for index, sent in enumerate(sentences):
            spans: list[tuple[int, int, bool]] = []
            text = span_text(sent)
            for pattern, strong in [*self.patterns, *self.phrases]:
                for match in pattern.finditer(text):
                    spans.append((sent.start_char + match.start(), sent.start_char + match.end(), strong))
            for token in sent:
                strong = self._word(token)
                if strong is not None:
                    spans.append((token.idx, token.idx + len(token.text), strong))
            taken: list[tuple[int, int]] = []
            for start, end, strong in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                found.append(Buzzword(start, end, strong, index))
        return found

    def _word(self, token: Token) -> bool | None:
        """True for a strong buzzword, False for a weak one, None for neither."""
        if is_merge_tag(token):
            return None
        forms = {token.lower_, token.lemma_.lower()}
        if forms & self.verb_only:
            return True if token.pos_ == "VERB" else None  # "leverage ratio" is finance, not jargon
        if forms & self.adjective_only and token.pos_ not in ("ADJ", "VERB"):
            return None  # "supply chain disruption" is a real event
        if forms & self.strong_words:
            return True
        if forms & self.weak_words:
            return False
        return None


def _words(analysis: Analysis) -> int:
    return sum(1 for s in analysis.body_sentences for t in s if t.is_alpha and not is_merge_tag(t))


@check("jargon-buzzwords")
def jargon_buzzwords(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """Every buzzword, once the email is jargon-heavy: a strong buzzword, weak ones clustering
    in one sentence, or enough of them (count or density per 100 words) in the email."""
    params = ctx.params_for(rule)
    sentences = ctx.analysis.body_sentences
    found = built_once(Jargon, params).find(sentences)
    if not found:
        return
    per_sentence: dict[int, int] = defaultdict(int)
    for buzz in found:
        per_sentence[buzz.sentence] += 1
    words = max(_words(ctx.analysis), 1)
    density = 100.0 * len(found) / words
    heavy = (
        any(b.strong for b in found)
        or max(per_sentence.values()) >= int(params.get("cluster", 2))
        or len(found) >= int(params.get("min_total", 3))
        or (len(found) >= 2 and density >= float(params.get("density_per_100", 2.0)))
    )
    if not heavy:
        return
    for buzz in found:
        yield ctx.finding(rule, buzz.start, buzz.end, count=len(found))


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
