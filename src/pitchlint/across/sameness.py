"""`template-sameness` (catalog rule 42): the same opener, or a near-identical body, sent to
many people. Names, merge tags and numbers are masked first, and only the sender's own body
is compared (a shared signature, footer or quoted history is no smell).

Openers are compared exactly after masking; bodies by the Jaccard similarity of their 5-word
shingles, with MinHash banding so a batch of 20,000 emails is not compared pair by pair."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from pitchlint.across import across_check
from pitchlint.draft import Draft
from pitchlint.finding_builder import build_finding
from pitchlint.findings import Finding

_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)|\n\s*\n")
_FOOTER = re.compile(r"unsubscribe|opt[ -]?out|privacy policy|©|all rights reserved", re.I)
_WORD = re.compile(r"[a-z0-9’'{}]+")
_HASHES = 16  # MinHash functions, in bands of 4
_BAND = 4


@across_check("template-sameness")
def template_sameness(rule, params, emails, reports, sequences) -> list[tuple[int, Finding]]:  # type: ignore[no-untyped-def]
    min_emails = int(params.get("min_emails", 3))
    similarity = float(params.get("similarity", 0.8))
    min_words = int(params.get("min_opener_words", 4))
    drafts = [email.draft for email in emails]
    # per email only its MinHash signature, its body's span and its masked opener: the
    # shingles of a candidate pair are taken again from the draft when the pair is compared
    signatures: list[bytes | None] = []
    body_spans: list[tuple[int, int]] = []
    openers: dict[str, list[int]] = defaultdict(list)
    spans: dict[int, tuple[int, int]] = {}
    for index, draft in enumerate(drafts):
        body = _own_body(draft)
        signatures.append(_signature(shingles(mask(body[0]))))
        body_spans.append(body[1])
        opener = _opener(body)
        if opener is not None and len(opener[0].split()) >= min_words:
            openers[opener[0]].append(index)
            spans[index] = opener[1]

    @functools.lru_cache(maxsize=512)
    def body_shingles(index: int) -> frozenset[int]:
        return shingles(mask(_own_body(drafts[index])[0]))

    def readers(members: list[int]) -> int:
        """How many readers get these: the steps of one sequence all go to the same one, and
        the spintax variants of one email (`--spintax every`) are one template."""
        return len({emails[i].sequence or emails[i].variant_of or i for i in members})

    found: dict[int, Finding] = {}
    for group in _near_duplicates(signatures, body_shingles, similarity):
        if readers(group) < min_emails:
            continue
        for index in group:
            detail = f"its body is nearly the same as {len(group) - 1} other emails'"
            found[index] = build_finding(rule, drafts[index], *body_spans[index], detail=detail)
    for members in openers.values():
        if readers(members) < min_emails:
            continue
        for index in members:
            if index not in found:
                detail = f"{len(members)} emails open with this sentence"
                found[index] = build_finding(rule, drafts[index], *spans[index], detail=detail)
    return sorted(found.items())


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
    signatures: Sequence[bytes | None], shingles_of: Callable[[int], frozenset[int]], similarity: float
) -> list[list[int]]:
    """Groups of bodies whose shingle Jaccard similarity is at least `similarity`: the pairs
    that share a MinHash band are compared, not all pairs."""
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    width = 8 * _BAND
    for index, signature in enumerate(signatures):
        if signature is None:
            continue
        for band in range(0, _HASHES, _BAND):
            buckets[(band, signature[band * 8 : band * 8 + width])].append(index)
    parent = list(range(len(signatures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        first = members[0]
        for other in members[1:]:
            pair = (first, other)
            if pair in checked or root(first) == root(other):
                continue
            checked.add(pair)
            a, b = shingles_of(first), shingles_of(other)
            if len(a & b) / len(a | b) >= similarity:
                parent[root(other)] = root(first)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(signatures)):
        groups[root(index)].append(index)
    return [g for g in groups.values() if len(g) > 1]


def shingles(masked: str, size: int = 5) -> frozenset[int]:
    """Hashes of every run of `size` words of a masked text."""
    words = masked.split()
    return frozenset(hash(" ".join(words[i : i + size])) for i in range(max(0, len(words) - size + 1)))


_SEEDS = [
    int.from_bytes(hashlib.blake2b(bytes([i]), digest_size=8).digest(), "little") | 1 for i in range(_HASHES)
]
_MASK = (1 << 64) - 1


def _signature(items: frozenset[int]) -> bytes | None:
    """The MinHash signature of a body's shingles, 8 bytes a hash; None below 3 shingles."""
    if len(items) < 3:
        return None
    return b"".join(
        min(((item * seed) ^ (seed >> 7)) & _MASK for item in items).to_bytes(8, "little") for seed in _SEEDS
    )
