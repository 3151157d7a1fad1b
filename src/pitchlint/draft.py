"""A draft: the original text, its zones, merge tags and metadata.

Zones partition the text so that every rule knows whether it is looking at the sender's
own prose (greeting, body, ps) or at text it must leave alone (front matter, quoted reply,
signature). Offsets always index the text exactly as the user gave it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from pitchlint.directives import HTML_COMMENT_RE, Directive, find_directives
from pitchlint.greeting import NO_GREETING, Greeting, read_greeting
from pitchlint.mergetags import find_merge_tags, first_variant_view, variant_view
from pitchlint.origin import Origin

PROSE_ZONES = ("subject", "greeting", "body", "ps")
ALL_ZONES = ("front_matter", "header", "subject", "greeting", "body", "signature", "ps", "quoted")


class DraftError(ValueError):
    """A draft that cannot be read (undecodable, binary, bad front matter)."""


@dataclass(frozen=True)
class Zone:
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Recipient:
    name: str | None = None
    company: str | None = None
    role: str | None = None
    industry: str | None = None
    size: str | None = None


@dataclass(frozen=True)
class DraftMeta:
    """What the text cannot tell: touch number, relationship, who sends it and to whom."""

    touch: int = 1
    relationship: str = "prospect"
    in_reply_to: str | None = None
    sender: str | None = None
    sender_address: str | None = None  # the From: address of a saved email
    company: str | None = None
    products: tuple[str, ...] = ()
    recipient: Recipient = field(default_factory=Recipient)
    template: bool | None = None
    # scored as it would go out now: a writer placeholder ("{the result they got}") counts as
    # unfilled, as in a finished email. Set by `rewrite` for its as-sent score, never by a file.
    as_sent: bool = False

    @property
    def is_sent_as_is(self) -> bool:
        """Judged as the email the reader gets: a finished email, or a rewrite as sent now."""
        return self.as_sent or self.template is False

    @property
    def is_follow_up(self) -> bool:
        return self.touch >= 2

    @property
    def is_reply(self) -> bool:
        return bool(self.in_reply_to)


_META_KEYS = {
    "status",
    "subject",
    "touch",
    "relationship",
    "in_reply_to",
    "sender",
    "company",
    "products",
    "recipient",
    "template",
}
_RECIPIENT_KEYS = {"name", "company", "role", "industry", "size"}
# `status:` words: a finished email (judged as sent) or a template (merge tags expected)
_STATUS_WORDS = {"final": False, "sent": False, "done": False, "draft": True, "template": True}


def _check_keys(data: dict[str, Any], where: str) -> None:
    """A front-matter key that is a near miss of one pitchlint reads ("tempalte", "toch") is
    an error with the key it meant; other keys belong to the site generator or the sequencer."""
    import difflib

    known = sorted({*_META_KEYS, "pitchlint-disable"})
    for key in data:
        if str(key) in known:
            continue
        hint = difflib.get_close_matches(str(key), known, n=1, cutoff=0.8)
        if hint:
            raise DraftError(f"{where}: unknown front-matter key `{key}` (did you mean `{hint[0]}`?)")


def meta_from_mapping(data: dict[str, Any], where: str) -> DraftMeta:
    """Build metadata from front matter (or any mapping), rejecting wrong types clearly."""

    def text(key: str, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, (str, int, float)):
            raise DraftError(f"{where}: `{key}` must be text, got {type(value).__name__}")
        return str(value)

    touch = data.get("touch", 1)
    if isinstance(touch, bool) or not isinstance(touch, int) or touch < 1:
        raise DraftError(f"{where}: `touch` must be a whole number from 1, got {touch!r}")
    relationship = text("relationship", data.get("relationship")) or "prospect"
    if relationship not in ("prospect", "customer"):
        raise DraftError(f"{where}: `relationship` must be prospect or customer")
    recipient_raw = data.get("recipient") or {}
    if isinstance(recipient_raw, str):
        recipient_raw = {"name": recipient_raw}
    if not isinstance(recipient_raw, dict):
        raise DraftError(f"{where}: `recipient` must be a mapping of {sorted(_RECIPIENT_KEYS)}")
    recipient = Recipient(
        **{k: text(f"recipient.{k}", v) for k, v in recipient_raw.items() if k in _RECIPIENT_KEYS}
    )
    products = data.get("products") or ()
    if isinstance(products, str):
        products = (products,)
    template = data.get("template")
    if template is not None and not isinstance(template, bool):
        raise DraftError(f"{where}: `template` must be true or false")
    status = data.get("status")
    if template is None and status is not None:
        # `status: final` (or sent) marks a finished email as plainly as `template: false`
        word = str(status).strip().lower()
        if word in _STATUS_WORDS:  # other words ("published") belong to a site generator
            template = _STATUS_WORDS[word]
    return DraftMeta(
        touch=touch,
        relationship=relationship,
        in_reply_to=text("in_reply_to", data.get("in_reply_to")),
        sender=text("sender", data.get("sender")),
        company=text("company", data.get("company")),
        products=tuple(str(p) for p in products),
        recipient=recipient,
        template=template,
    )


@dataclass(frozen=True)
class Draft:
    path: str
    text: str
    zones: tuple[Zone, ...]
    merge_tags: tuple[tuple[int, int], ...]
    meta: DraftMeta
    # HTML comments (pitchlint directives among them): never prose, never edited by a fix
    comments: tuple[tuple[int, int], ...] = ()
    directives: tuple[Directive, ...] = ()
    # where the text came from when it is not the file itself (an .eml, HTML, CSV row, step)
    origin: Origin | None = None
    # who the greeting line addresses (a name, a tag, a role, nobody), read once at parse time
    greeting: Greeting = NO_GREETING
    # which spintax variant the parser reads (0: the first; `check --spintax every` adds more)
    spin: int = 0
    _line_starts: tuple[int, ...] = field(repr=False, compare=False, default=())

    def zone_at(self, offset: int) -> str:
        for zone in self.zones:
            if zone.start <= offset < zone.end:
                return zone.name
        return self.zones[-1].name if self.zones else "body"

    def zone(self, name: str) -> Zone | None:
        return next((z for z in self.zones if z.name == name), None)

    def zone_text(self, name: str) -> str:
        zone = self.zone(name)
        return self.text[zone.start : zone.end] if zone else ""

    @property
    def record(self) -> str:
        """Which email of its file this is ("row 12", "step 2"); "" for a file of its own.
        A spintax variant past the first says so ("row 12, variant 2")."""
        record = self.origin.record if self.origin is not None else ""
        if self.spin:
            return f"{record}, variant {self.spin + 1}" if record else f"variant {self.spin + 1}"
        return record

    @property
    def label(self) -> str:
        """The path, with the record when the file holds several emails."""
        return f"{self.path}#{self.record}" if self.record else self.path

    @property
    def subject(self) -> str | None:
        zone = self.zone("subject")
        return self.text[zone.start : zone.end] if zone else None

    @property
    def source_text(self) -> str:
        """The file as read: the draft's text, or the markup or export it was read from."""
        return self.origin.text if self.origin is not None else self.text

    def source_slice(self, start: int, end: int) -> str:
        """The file's text between two offsets of the file (what `source_offset` gives)."""
        return self.origin.source_slice(start, end) if self.origin is not None else self.text[start:end]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset, in the file the user gave."""
        if self.origin is not None:
            return self.origin.line_col(offset)
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        if self.origin is not None:
            return self.origin.line_text(line)
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)].rstrip("\r")

    def in_merge_tag(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.merge_tags)

    def masked_text(self, zones: frozenset[str]) -> str:
        """The text with every character outside `zones` blanked (newlines kept), so a Doc
        over it has the same offsets as the original while parsing only what is judged.
        Spintax reads as its first variant (or variant `spin`), in place (`variant_view`)."""
        chars = list(variant_view(self.text, self.spin))
        blanks = [(z.start, z.end) for z in self.zones if z.name not in zones] + list(self.comments)
        for start, end in blanks:
            for i in range(start, end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        return "".join(chars)


_FRONT_MATTER_RE = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n(.*?)(?:^|\n)---[ \t]*(?:\r?\n|\Z)", re.S)
_SUBJECT_RE = re.compile(r"[ \t]*subject[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.I | re.M)
_QUOTE_START_RE = re.compile(
    r"^(?:>.*|On .{0,200}wrote:[ \t]*\r?|-{2,}[ \t]*(?:Original|Forwarded) Message[ \t]*-{2,}.*"
    r"|From:[ \t].*\r?\n(?:Sent|Date):.*)$",
    re.M,
)
_SIGN_OFF_RE = re.compile(
    r"^[ \t]*(?:best|best regards|kind regards|warm regards|regards|warmly|cheers|thanks|"
    r"thank you|many thanks|thanks again|sincerely|yours(?: truly| sincerely)?|all the best|"
    r"talk soon|speak soon|respectfully|--)\b"
    # alone on its line, or followed by punctuation and a short name ("Best, Ashley"); "Thanks
    # for your question ..." and "yours fix their outbound" are sentences, not sign-offs
    r"[ \t]*(?:[,!.—–-]+[ \t]*[^\n.?!:;]{0,40}|[ \t]+(?:regards|wishes)[,!.]?[ \t]*[^\n.?!:;]{0,40})?\r?$",
    re.I | re.M,
)
_SIG_DASHES_RE = re.compile(r"^-- ?\r?$", re.M)
_PS_RE = re.compile(r"^[ \t]*p\.?[ \t]?(?:p\.?[ \t]?)?s\.?[ \t]*[:.,-]?", re.I | re.M)
# a sending tool's signature field alone on its line: "{SENDER_EMAIL_SIGNATURE}", "{{signature}}"
_SIGNATURE_TAG_RE = re.compile(
    r"^[ \t]*(?:\{\{?|\*\||%%?|\[\[?)[^{}\n|]*?sig(?:nature)?\b[^{}\n|]*?(?:\}\}?|\|\*|%%?|\]\]?)[ \t]*\r?$",
    re.I | re.M,
)


def load_front_matter(path: str, block: str) -> dict[str, Any]:
    """A front matter block (the text between the `---` lines) as a mapping, or a DraftError
    naming the file and line."""
    try:
        loaded = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        raise DraftError(f"{path}:{line}: front matter is not valid YAML") from exc
    if not isinstance(loaded, dict):
        raise DraftError(f"{path}: front matter must be a mapping of keys")
    return loaded


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Lone surrogates (from a JSON escape like \\ud800, or a header's undecodable bytes)
    become U+FFFD, one character for one, so offsets hold and no output ever fails to encode."""
    return _SURROGATE_RE.sub("\ufffd", text)


def parse_draft(text: str, path: str = "-", meta: DraftMeta | None = None) -> Draft:
    """Split a draft into zones and read its front matter or `Subject:` line."""
    text = clean_text(text)
    zones: list[Zone] = []
    pos = 0
    data: dict[str, Any] = {}
    fm = _FRONT_MATTER_RE.match(text)
    if fm:
        data = load_front_matter(path, fm.group(2))
        pos = fm.end()
        zones.extend(_front_matter_zones(text, pos))
    subject_span: tuple[int, int] | None = None
    head = _LEADING_COMMENT_LINES_RE.match(text[pos:])
    first_line_at = pos + (head.end() if head else 0)
    subject_match = _SUBJECT_RE.match(text, first_line_at)
    if subject_match:
        subject_span = subject_match.span(1)
        zones.append(Zone("header", pos, subject_span[0]))
        zones.append(Zone("subject", *subject_span))
        pos = subject_span[1]
    tags = find_merge_tags(text)
    body_zones, greeting = _split_body(text, pos, tags)
    zones.extend(body_zones)
    zones = [z for z in zones if z.end > z.start]
    if meta is None:
        _check_keys(data, path)
        meta = meta_from_mapping({k: v for k, v in data.items() if k in _META_KEYS}, path)
    line_starts = (0, *(m.end() for m in re.finditer(r"\n", text)))
    return Draft(
        path=path,
        text=text,
        zones=tuple(zones),
        merge_tags=tags,
        meta=meta,
        comments=tuple(m.span() for m in HTML_COMMENT_RE.finditer(text)),
        directives=find_directives(text, _file_disables(data, path)),
        greeting=greeting,
        _line_starts=line_starts,
    )


def _file_disables(data: dict[str, Any], path: str) -> list[str]:
    """Front matter `pitchlint-disable: [rule-id, ...]` (or one id as a string)."""
    value = data.get("pitchlint-disable")
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DraftError(f"{path}: front matter `pitchlint-disable` must be a list of rule ids")
    return value


_FM_SUBJECT_RE = re.compile(r"^subject[ \t]*:[ \t]*(?:([\"'])(.*?)\1|(.*?))[ \t]*\r?$", re.M)


def _front_matter_zones(text: str, end: int) -> list[Zone]:
    """Front matter is not prose, except the value of its `subject:` key."""
    match = _FM_SUBJECT_RE.search(text, 0, end)
    if not match:
        return [Zone("front_matter", 0, end)]
    group = 2 if match.group(2) is not None else 3
    start, stop = match.span(group)
    return [
        Zone("front_matter", 0, start),
        Zone("subject", start, stop),
        Zone("front_matter", stop, end),
    ]


# comments before the subject line or the greeting (a directive, a template note): every
# comment syntax pitchlint reads, so "{{!-- pitchlint: disable=… --}}" above "Hi Sam," is no prose
_LEADING_COMMENT_LINES_RE = re.compile(rf"\ufeff?(?:[ \t]*(?:{HTML_COMMENT_RE.pattern})?[ \t]*\r?\n)*", re.S)
_LEADING_COMMENTS_RE = re.compile(rf"(?:\s|{HTML_COMMENT_RE.pattern})*", re.S)


def _split_body(text: str, start: int, tags: tuple[tuple[int, int], ...]) -> tuple[list[Zone], Greeting]:
    """greeting | body | signature | ps | quoted, in that order, from `start` to the end; and
    who the greeting addresses."""
    end = len(text)
    quote = _QUOTE_START_RE.search(text, start)
    own_end = quote.start() if quote else end
    zones: list[Zone] = []
    # Greeting: the first non-blank line's salutation ("Hi Sam," or "Hello Dave," inline).
    lead = _LEADING_COMMENTS_RE.match(text[start:own_end])
    first = start + (lead.end() if lead else 0)
    greeting = read_greeting(text, first, own_end, tags)
    body_start = start
    if greeting.kind != "none" and greeting.end > first:
        zones.append(Zone("body", start, first))  # leading blank lines: harmless whitespace
        zones.append(Zone("greeting", first, greeting.end))
        body_start = greeting.end
    ps = _PS_RE.search(text, body_start, own_end)
    ps_start = ps.start() if ps else own_end
    # a spintax sign-off ("{Thanks|Cheers},") reads as its first variant, like everything else
    sig_start = _signature_start(first_variant_view(text), body_start, ps_start)
    zones.append(Zone("body", body_start, sig_start))
    zones.append(Zone("signature", sig_start, ps_start))
    if ps:
        # a signature may also follow the P.S.; the P.S. keeps its own paragraph only
        ps_end = _paragraph_end(text, ps_start, own_end)
        zones.append(Zone("ps", ps_start, ps_end))
        zones.append(Zone("signature", ps_end, own_end))
    zones.append(Zone("quoted", own_end, end))
    return _merge_adjacent(zones), greeting


def _signature_start(text: str, start: int, end: int) -> int:
    """Where the sign-off begins: the last sign-off line followed only by short lines."""
    dashes = list(_SIG_DASHES_RE.finditer(text, start, end))
    if dashes:
        return dashes[-1].start()
    for match in reversed(list(_SIGN_OFF_RE.finditer(text, start, end))):
        tail = text[match.end() : end]
        lines = [ln for ln in tail.splitlines() if ln.strip()]
        if len(lines) <= 8 and all(len(ln.strip()) <= 80 for ln in lines):
            return match.start()
    field = list(_SIGNATURE_TAG_RE.finditer(text, start, end))
    if field:
        return field[-1].start()
    name = _NAME_LINE_RE.search(text, start, end)
    return name.start() + 1 if name else end


# a closing paragraph that is only a name ("\n\nJonah", "\n\n{{sender_name}}\nAcme"): a signature
_NAME_LINE_RE = re.compile(
    r"\n[ \t]*\r?\n(?=[ \t]*(?:\{\{(?![^{}]*(?i:link|url))[^{}\n]+\}\}|[A-Z][\w'’-]*)"
    r"(?:[ \t]+(?:\{\{[^{}\n]+\}\}|[A-Z][\w'’.-]*)){0,2}[ \t]*"
    r"(?:\r?\n[^\n?!]{0,60}(?<![.?!]))*?\s*\Z)",
)


def _paragraph_end(text: str, start: int, end: int) -> int:
    blank = re.compile(r"\n[ \t]*\r?\n").search(text, start, end)
    return blank.start() + 1 if blank else end


def _merge_adjacent(zones: list[Zone]) -> list[Zone]:
    merged: list[Zone] = []
    for zone in zones:
        if zone.end <= zone.start:
            continue
        if merged and merged[-1].name == zone.name and merged[-1].end == zone.start:
            merged[-1] = Zone(zone.name, merged[-1].start, zone.end)
        else:
            merged.append(zone)
    return merged
