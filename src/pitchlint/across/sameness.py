"""`template-sameness` (catalog rule 42): the same opener, or a near-identical body, sent to
many people. Names, merge tags and numbers are masked first, and only the sender's own body
is compared (a shared signature, footer or quoted history is no smell).

Openers are compared exactly after masking; bodies by the Jaccard similarity of their 5-word
shingles, with MinHash banding so a batch of 20,000 emails is not compared pair by pair."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from array import array
from collections.abc import Callable, Iterable, Iterator

import numpy

from pitchlint.across import across_check
from pitchlint.draft import Draft
from pitchlint.finding_builder import build_finding
from pitchlint.findings import Finding
from pitchlint.spill import DraftsOf

_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)|\n\s*\n")
_FOOTER = re.compile(r"unsubscribe|opt[ -]?out|privacy policy|©|all rights reserved", re.I)
_WORD = re.compile(r"[a-z0-9’'{}]+")
_HASHES = 16  # MinHash functions, in bands of 4
_BAND = 4


@across_check("template-sameness")
def template_sameness(rule, params, emails, reports, sequences) -> Iterator[tuple[int, Finding]]:  # type: ignore[no-untyped-def]
    """Each email's finding, in index order, made as it is yielded: what the rule holds of a
    million emails is their summaries and a few numbers each, never their findings."""
    min_emails = int(params.get("min_emails", 3))
    similarity = float(params.get("similarity", 0.8))
    min_words = int(params.get("min_opener_words", 4))
    drafts = DraftsOf(emails)  # each read back when asked for, not all held
    summaries = _Summaries.of(drafts, min_words)

    @functools.lru_cache(maxsize=512)
    def body_shingles(index: int) -> frozenset[int]:
        return shingles(mask(_own_body(drafts[index])[0]))

    def readers(members: list[int]) -> int:
        """How many readers get these: the steps of one sequence all go to the same one, and
        the spintax variants of one email (`--spintax every`) are one template."""
        return len({emails[i].sequence or emails[i].variant_of or i for i in members})

    count = len(summaries.has_signature)
    near = _group_sizes(
        _near_duplicates(summaries.signatures, summaries.has_signature, body_shingles, similarity),
        count,
        lambda group: readers(group) >= min_emails,
    )
    opening = _group_sizes(
        _same_values(summaries.openers, summaries.has_opener), count, lambda g: readers(g) >= min_emails
    )
    for index in numpy.flatnonzero((near > 0) | (opening > 0)).tolist():
        if near[index]:
            detail = f"its body is nearly the same as {near[index] - 1} other emails'"
            yield index, build_finding(rule, drafts[index], *summaries.body_span(index), detail=detail)
        else:
            detail = f"{opening[index]} emails open with this sentence"
            yield index, build_finding(rule, drafts[index], *summaries.opener_span(index), detail=detail)


def _group_sizes(groups: Iterable[list[int]], count: int, kept: Callable[[list[int]], bool]) -> numpy.ndarray:
    """For each of `count` emails, the size of the kept group it is in (0 when none): four
    bytes an email, where a list of groups would hold a Python int for each."""
    sizes = numpy.zeros(count, dtype=numpy.int32)
    for group in groups:
        if kept(group):
            sizes[group] = len(group)
    return sizes


@dataclasses.dataclass
class _Summaries:
    """What the rule keeps of each email, packed in arrays (about 170 bytes an email, so a
    million emails' summaries fit in memory): its body's MinHash signature and span, and a
    hash of its masked opener (when it has one of `min_words` words) with the opener's span.
    A candidate pair's shingles are taken again from the drafts when the pair is compared."""

    signatures: numpy.ndarray  # (emails, _HASHES) uint64; rows of zeros where has_signature is False
    has_signature: numpy.ndarray
    openers: numpy.ndarray  # uint64 hash of the masked opener
    has_opener: numpy.ndarray
    spans: numpy.ndarray  # (emails, 4) int64: body start, end, opener start, end

    @classmethod
    def of(cls, drafts: Iterable[Draft], min_words: int) -> _Summaries:
        signatures, openers, spans = array("Q"), array("Q"), array("q")
        has_signature, has_opener = bytearray(), bytearray()
        empty = bytes(8 * _HASHES)
        for draft in drafts:
            body = _own_body(draft)
            signature = _signature(shingles(mask(body[0])))
            signatures.frombytes(signature or empty)
            has_signature.append(signature is not None)
            opener = _opener(body)
            kept = opener is not None and len(opener[0].split()) >= min_words
            openers.append(_hash64(opener[0]) if kept and opener else 0)
            has_opener.append(kept)
            spans.extend((*body[1], *(opener[1] if kept and opener else (0, 0))))
        return cls(
            numpy.frombuffer(signatures, dtype=numpy.uint64).reshape(-1, _HASHES),
            numpy.frombuffer(has_signature, dtype=bool),
            numpy.frombuffer(openers, dtype=numpy.uint64),
            numpy.frombuffer(has_opener, dtype=bool),
            numpy.frombuffer(spans, dtype=numpy.int64).reshape(-1, 4),
        )

    def body_span(self, index: int) -> tuple[int, int]:
        return int(self.spans[index, 0]), int(self.spans[index, 1])

    def opener_span(self, index: int) -> tuple[int, int]:
        return int(self.spans[index, 2]), int(self.spans[index, 3])


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _same_values(values: numpy.ndarray, present: numpy.ndarray) -> Iterator[list[int]]:
    """The indexes of each value shared by two or more present rows (rows a value apart, or
    a row of values: `values` may be 2-D), each group in index order."""
    indexes = numpy.flatnonzero(present)
    if len(indexes) < 2:
        return
    kept = values[indexes]
    _unique, inverse, counts = numpy.unique(kept, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    shared = counts[inverse] > 1
    if not shared.any():
        return
    rows, groups = indexes[shared], inverse[shared]
    order = numpy.argsort(groups, kind="stable")
    rows, groups = rows[order], groups[order]
    cuts = numpy.flatnonzero(numpy.diff(groups)) + 1
    for members in numpy.split(rows, cuts):
        yield members.tolist()


def _own_body(draft: Draft) -> tuple[str, tuple[int, int]]:
    """The sender's body text with footer lines blanked, and its span in the draft."""
    zones = [z for z in draft.zones if z.name in ("body", "ps") and draft.text[z.start : z.end].strip()]
    if not zones:
        return "", (0, 0)
    start, end = zones[0].start, zones[-1].end
    text = draft.text[start:end]
    lines = [("" if _FOOTER.search(line) else line) for line in text.split("\n")]
    lead = len(text) - len(text.lstrip())
    return "\n".join(lines), (start + lead, start + len(text.rstrip()))


def _opener(body: tuple[str, tuple[int, int]]) -> tuple[str, tuple[int, int]] | None:
    """The body's first sentence, masked, and its span."""
    text, (start, _end) = body
    stripped = text.lstrip()
    if not stripped:
        return None
    offset = start
    stop = _SENTENCE_END.search(stripped)
    sentence = stripped[: stop.end() if stop else len(stripped)].strip()
    return mask(sentence), (offset, offset + len(sentence))


_TAG_RE = re.compile(r"\{\{.*?\}\}|\{[^{}\n]{1,60}\}|\[[A-Za-z _]{2,30}\]|%\w+%|<[A-Z_]{2,30}>")
_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)(?<!\n)\b[A-Z][\w’'&-]*")
_NUMBER_RE = re.compile(r"\d[\d,.%$]*")


def mask(text: str) -> str:
    """Lower-cased words with merge tags, names (capitalised words inside a sentence) and
    numbers masked, so "Hi Sam, I saw Acme hired 3 AEs" matches the same line sent to Dana."""
    text = _TAG_RE.sub(" {tag} ", text)
    text = _NAME_RE.sub("{name}", text)
    text = _NUMBER_RE.sub("0", text)
    return " ".join(_WORD.findall(text.lower()))


def _near_duplicates(
    signatures: numpy.ndarray,
    has_signature: numpy.ndarray,
    shingles_of: Callable[[int], frozenset[int]],
    similarity: float,
) -> Iterator[list[int]]:
    """Groups of bodies whose shingle Jaccard similarity is at least `similarity`: the pairs
    that share a MinHash band (the first body of a band's bucket with each other one) are
    compared, not all pairs. The groups are held as one array of parents (union-find), and
    only the pairs found unlike are remembered, so another band does not compare them again."""
    parent = array("q", range(len(signatures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    unlike: set[tuple[int, int]] = set()
    for band in range(0, _HASHES, _BAND):
        for members in _same_values(signatures[:, band : band + _BAND], has_signature):
            first = members[0]
            for other in members[1:]:
                if (first, other) in unlike or root(first) == root(other):
                    continue
                a, b = shingles_of(first), shingles_of(other)
                if len(a & b) / len(a | b) >= similarity:
                    parent[root(other)] = root(first)
                else:
                    unlike.add((first, other))
    for i in range(len(parent)):
        parent[i] = root(i)
    roots = numpy.frombuffer(parent, dtype=numpy.int64)
    yield from _same_values(roots, numpy.ones(len(roots), dtype=bool))


def shingles(masked: str, size: int = 5) -> frozenset[int]:
    """Hashes of every run of `size` words of a masked text. They are the same in every
    process (not Python's `hash`, which is salted per process): the MinHash bands a body
    falls in, so which pairs are compared and which groups form, must not change between two
    runs over the same emails."""
    words = masked.split()
    return frozenset(_hash64(" ".join(words[i : i + size])) for i in range(max(0, len(words) - size + 1)))


_SEEDS = [
    int.from_bytes(hashlib.blake2b(bytes([i]), digest_size=8).digest(), "little") | 1 for i in range(_HASHES)
]
_MASK = (1 << 64) - 1
_SEED_ARRAY = numpy.array(_SEEDS, dtype=numpy.uint64)
_SEED_SHIFTED = _SEED_ARRAY >> numpy.uint64(7)


def _signature(items: frozenset[int]) -> bytes | None:
    """The MinHash signature of a body's shingles, 8 bytes a hash; None below 3 shingles.
    (Each hash is `min((item * seed) ^ (seed >> 7))` modulo 2**64, in uint64 arithmetic.)"""
    if len(items) < 3:
        return None
    values = numpy.fromiter((item & _MASK for item in items), dtype=numpy.uint64, count=len(items))
    return ((values[:, None] * _SEED_ARRAY) ^ _SEED_SHIFTED).min(axis=0).astype("<u8").tobytes()
