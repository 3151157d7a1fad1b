"""`random-reading-link` (rules/asks/random-reading-link.yaml): Flags generic reading sent as a
link: "thought you'd enjoy this article", listicle titles, "more information" links, "check out our
latest blog post", and a bare link with no word on why it matters to this reader."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.tokens import Span

from pitchlint.analysis import Analysis
from pitchlint.analysis.spans import Hit, any_match, earliest, hit_of, matches_in, span_text
from pitchlint.checks import check
from pitchlint.checks.asks._helpers import _end, regexes
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.nlp import is_merge_tag
from pitchlint.params import word_set as _words
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of random-reading-link.yaml, checked: a key not here is an error."""

    link_patterns: list[str]
    link_tag_pattern: str
    ignored_links: list[str]
    ignored_sentences: list[str]
    framing_patterns: list[str]
    content_patterns: list[str]
    listicle_patterns: list[str]
    recency_patterns: list[str]
    specific_patterns: list[str]
    generic_reader_nouns: list[str]


# merge tags that say nothing about the reader's situation (names, the sender, the company)
_GENERIC_TAG = re.compile(
    r"sender|my_|from_|rep_|owner|signature|first.?name|last.?name|full.?name|^\W*name|company", re.I
)


# random-reading-link -------------------------------------------------------------------------
@check("random-reading-link")
def random_reading_link(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A link framed as generic reading ("thought you'd enjoy", "more information", a
    listicle title), or a bare link with no word on why it matters, and nothing nearby that
    ties it to this reader (their own noun, a page or section, something made for them)."""
    params = ctx.params_for(rule)
    ignored = regexes(params, "ignored_sentences")
    sentences = [s for s in ctx.analysis.body_sentences if not any(p.search(s.text) for p in ignored)]
    links = [_links(sent, params) for sent in sentences]
    current = regexes(params, "recency_patterns")
    specific = [_reader_specific(sent, ctx.analysis, params) for sent in sentences]
    recent = [any_match(sent, current) for sent in sentences]
    framing = regexes(params, "framing_patterns")
    content = regexes(params, "content_patterns")
    listicle = regexes(params, "listicle_patterns")
    for i, sent in enumerate(sentences):
        near = range(max(0, i - 1), min(len(sentences), i + 2))
        bare = _only_links(sent, links[i])
        # the sentence, and each link in or next to it with the sentences either side of it
        related = [j for j in near if j == i or bare or links[j]]
        context = {k for j in related for k in (j - 1, j, j + 1) if 0 <= k < len(sentences)}
        if any(specific[j] for j in related):
            continue
        link_near = any(links[j] for j in near)
        named = any_match(sent, content)
        hits = [hit_of(sent, m) for m in matches_in(sent, framing)] if (link_near or named) else []
        if link_near or named or hits:
            hits += [hit_of(sent, m) for m in matches_in(sent, listicle)]
        if bare and not any(_homepage(ctx.draft.text[s:e]) for s, e in links[i]):
            hits += links[i]
        if any(recent[k] for k in context):
            hits = [hit_of(sent, m) for m in matches_in(sent, listicle)]  # current, but still a listicle
        hit = earliest(hits)
        if hit is not None:
            yield ctx.finding(rule, *hit)


def _homepage(link: str) -> bool:
    """ "www.acme.com" alone on a line is contact information, not something to read."""
    return bool(re.fullmatch(r"(?:https?://)?(?:www\.)?[\w.-]+\.[a-z]{2,}/?", link.strip("<>()"), re.I))


def _links(sent: Span, params: dict[str, Any]) -> list[Hit]:
    ignored = regexes(params, "ignored_links")
    found = []
    for match in matches_in(sent, regexes(params, "link_patterns")):
        if span_text(sent)[max(0, match.start() - 1) : match.start()] == "@":
            continue  # an email address, not a link
        if any(p.search(match.group(0)) for p in ignored):
            continue  # calendars and unsubscribe links are other rules' business
        found.append(hit_of(sent, match))
    tag = re.compile(str(params.get("link_tag_pattern", r"(?!)")), re.I)
    found += [(t.idx, _end(t)) for t in sent if is_merge_tag(t) and tag.search(t.text)]
    return found


def _only_links(sent: Span, links: Sequence[Hit]) -> bool:
    """The sentence is nothing but links (and punctuation): "[Video Link Deleted]"."""
    if not links:
        return False
    text = span_text(sent)
    for start, end in sorted(links, reverse=True):
        text = text[: start - sent.start_char] + " " + text[end - sent.start_char :]
    return not re.search(r"\w", text)


def _reader_specific(sent: Span, analysis: Analysis, params: dict[str, Any]) -> bool:
    """Tied to this reader: their name or company, something of theirs that is not generic
    ("your Q3 filing", not "your business"), a page or section pointer, or an answer to them."""
    text = span_text(sent).lower()
    if any(name and name in text for name in analysis.reader_names):
        return True
    link_tag = re.compile(str(params.get("link_tag_pattern", r"(?!)")), re.I)
    if any(is_merge_tag(t) and not _GENERIC_TAG.search(t.text) and not link_tag.search(t.text) for t in sent):
        return True  # a template slot the writer fills in per reader: {{relevant_context}}
    if any(p.search(span_text(sent)) for p in regexes(params, "specific_patterns")):
        return True
    generic = _words(params, "generic_reader_nouns")
    for token in sent:
        if token.lower_ in ("your", "yours") and token.dep_ == "poss":
            noun = token.head
            if noun.lemma_.lower() not in generic and noun.lower_ not in generic:
                return True
    return False
