"""Saved emails (.eml): the subject, the text the recipient reads and the headers that tell
a real reply from a "Re:" put on a cold email to fake one (In-Reply-To, References).

The stdlib `email` package does the MIME work (multipart, quoted-printable, base64, encoded
headers). Offsets are then found in the raw file: a part sent as written (7bit/8bit) is mapped
character by character; an encoded part's text has no column in the file, so its findings point
at the line where that part's body begins."""

from __future__ import annotations

import base64
import binascii
import codecs
import email
import re
from email import policy
from email.message import EmailMessage, Message

from pitchlint.draft import DraftError, DraftMeta
from pitchlint.inputs import EmailInput, Piece, draft_from_parts
from pitchlint.inputs.html import html_to_text

_NOT_ENCODED = ("", "7bit", "8bit", "binary")
_HEADER_END_RE = re.compile(r"\r?\n\r?\n")
# one quoted-printable unit: a soft line break (with the spaces before it), an =XX escape, a character
_QP_TOKEN_RE = re.compile(r"=[ \t]*\r?\n|=[0-9A-Fa-f]{2}|[\s\S]")


def source_text(path: str, data: bytes) -> tuple[str, str]:
    """The file as text for locating findings, and the codec used (so a slice of it can be
    turned back into the bytes the email parser reads): UTF-8, else Latin-1 (one character
    per byte, so nothing is lost)."""
    if not data.strip():
        raise DraftError(f"{path}: empty file, skipped")
    if b"\x00" in data[:8192]:
        raise DraftError(f"{path}: binary file (contains NUL bytes), skipped")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_eml(path: str, data: bytes) -> list[EmailInput]:
    """One saved email."""
    text, _ = source_text(path, data)
    message = email.message_from_bytes(data, policy=policy.default)
    return [message_to_input(path, text, message, "", 0)]


def message_to_input(
    path: str,
    source_text: str,
    message: Message,
    record: str,
    base_offset: int,
    end: int | None = None,
) -> EmailInput:
    """An EmailInput for `message`, whose raw text starts at `base_offset` of `source_text`
    (and ends at `end`); `record` names it within a file holding several ("message 3")."""
    where = f"{path}#{record}" if record else path
    if not isinstance(message, EmailMessage) or not message.keys():
        raise DraftError(f"{where}: not an email (no headers), skipped")
    end = len(source_text) if end is None else end
    header_end = _HEADER_END_RE.search(source_text, base_offset, end)
    body_from = header_end.end() if header_end else end
    part = message.get_body(preferencelist=("plain",)) or message.get_body(preferencelist=("html",))
    if not isinstance(part, EmailMessage):
        raise DraftError(f"{where}: no text part, skipped")
    written = _content(part, where)
    content = written.replace("\r\n", "\n")
    raw_at = _raw_payload_at(part, source_text, body_from, end)
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    offsets = None
    if encoding == "quoted-printable":
        offsets = _quoted_printable(part, content, source_text, raw_at)
    elif encoding == "base64":
        offsets = _base64(part, content, source_text, raw_at)
    if part.get_content_subtype() == "html":
        html = content if offsets is not None else written
        body = _html_body(html, source_text, raw_at, end, encoding not in _NOT_ENCODED, offsets)
    elif offsets is not None:
        body = Piece(content, offsets=offsets)
    else:
        body = _locate(content, source_text, raw_at, end, encoding not in _NOT_ENCODED)
    if not body.text.strip():
        raise DraftError(f"{where}: empty text part, skipped")
    meta = DraftMeta(
        in_reply_to=_reply_to(message), sender=_sender(message), sender_address=_sender_address(message)
    )
    draft = draft_from_parts(
        path,
        source_text,
        record,
        body=body,
        subject=_subject(message, source_text, base_offset, body_from),
        meta=meta,
    )
    return EmailInput(draft, where, sender=meta.sender)


def _content(part: EmailMessage, where: str) -> str:
    """The decoded text of a part; an unknown charset falls back to UTF-8 with replacements."""
    try:
        content = part.get_content()
    except LookupError:
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        raise DraftError(f"{where}: the text part is not text, skipped")
    return content


def _raw_payload_at(part: EmailMessage, source: str, start: int, end: int) -> int:
    """Where the part's body (as written, before decoding) begins in the raw file; the body
    of the message when it cannot be found."""
    payload = part.get_payload()
    if not isinstance(payload, str) or not payload.strip():
        return start
    head = re.match(r"[\x00-\x7f]*", payload.lstrip()).group()[:200]  # type: ignore[union-attr]
    found = source.find(head, start, end) if head.strip() else -1
    return found if found != -1 else start


def _locate(text: str, source: str, start: int, end: int, encoded: bool) -> Piece:
    """`text` mapped into the raw file: in step when written there as is (line endings aside),
    else pinned at `start`, the first line of the part's body."""
    if not encoded:
        found = source.find(text, start, end)
        if found != -1:
            return Piece(text, found)
        offsets = _align(text, source, start, end)
        if offsets is not None:
            return Piece(text, offsets=offsets)
    return Piece(text, offsets=[start] * len(text))


def _align(text: str, source: str, start: int, end: int) -> list[int] | None:
    """Offsets for `text` read from `source[start:end]` where the source may have line breaks
    the text does not (CRLF, a folded header): None when they differ otherwise."""
    offsets: list[int] = []
    at = start
    for char in text:
        while at < end and source[at] != char and source[at] in "\r\n":
            at += 1
        if at >= end or source[at] != char:
            return None
        offsets.append(at)
        at += 1
    return offsets


def _quoted_printable(part: EmailMessage, content: str, source: str, start: int) -> list[int] | None:
    """For each character of a quoted-printable part's decoded text, the offset of what encodes
    it ("=E2=80=99" for "’", soft line breaks skipped); None when the decoding done here
    does not give the email package's text, and the part is pinned instead."""
    payload = _payload_in(part, source, start)
    if payload is None:
        return None
    encoded: list[tuple[int, int]] = []  # (byte, offset of what encodes it)
    for match in _QP_TOKEN_RE.finditer(payload):
        token = match.group()
        if token.startswith("=") and len(token) > 1 and token[1] in "\r\n \t":
            continue  # a soft line break
        data = bytes([int(token[1:], 16)]) if len(token) == 3 and token[0] == "=" else token.encode()
        encoded.extend((byte, start + match.start()) for byte in data)
    return _decoded_offsets(part, content, encoded, start)


def _base64(part: EmailMessage, content: str, source: str, start: int) -> list[int] | None:
    """For each character of a base64 part's decoded text, the offset of the base64 letters
    that encode its first byte (each 3 bytes are 4 letters; line breaks skipped), so a finding
    points at its place in the part, not at the part's first line; None as above."""
    payload = _payload_in(part, source, start)
    if payload is None:
        return None
    letters = [(i, c) for i, c in enumerate(payload) if c not in " \t\r\n"]
    stream = "".join(c for _, c in letters).rstrip("=")
    try:
        data = base64.b64decode(stream + "=" * (-len(stream) % 4))
    except (ValueError, binascii.Error):
        return None
    encoded = [
        (byte, start + letters[min(4 * (n // 3) + n % 3, len(letters) - 1)][0]) for n, byte in enumerate(data)
    ]
    return _decoded_offsets(part, content, encoded, start)


def _payload_in(part: EmailMessage, source: str, start: int) -> str | None:
    """The part's body as written, when it sits at `start` of the file."""
    payload = part.get_payload()
    if not isinstance(payload, str) or source[start : start + len(payload)] != payload:
        return None
    return payload


def _decoded_offsets(
    part: EmailMessage, content: str, encoded: list[tuple[int, int]], start: int
) -> list[int] | None:
    """Decode the part's bytes (each with the offset of what encodes it) in its charset: each
    character gets the offset of its first byte, CRLF reads as LF. None when that does not
    give the email package's text."""
    charset = part.get_content_charset() or "ascii"
    try:
        decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    except LookupError:
        return None
    text: list[str] = []
    offsets: list[int] = []
    first_byte = start
    pending = False  # bytes given to the decoder that have not made a character yet
    for byte, at in encoded:
        if not pending:
            first_byte = at
        chars = decoder.decode(bytes([byte]))
        pending = not chars
        for char in chars:
            text.append(char)
            offsets.append(first_byte)
    chars = decoder.decode(b"", final=True)
    text.extend(chars)
    offsets.extend([first_byte] * len(chars))
    keep = [i for i, char in enumerate(text) if not (char == "\r" and text[i + 1 : i + 2] == ["\n"])]
    decoded = "".join(text[i] for i in keep)
    if decoded.rstrip() != content.rstrip():
        return None
    mapped = [offsets[i] for i in keep][: len(content)]
    return mapped + [mapped[-1] if mapped else start] * (len(content) - len(mapped))


def _html_body(
    html: str, source: str, start: int, end: int, encoded: bool, decoded_offsets: list[int] | None
) -> Piece:
    if decoded_offsets is not None:  # quoted-printable or base64, mapped character by character
        text, offsets = html_to_text(html)
        last = len(decoded_offsets) - 1
        return Piece(text, offsets=[decoded_offsets[min(o, last)] for o in offsets])
    found = -1 if encoded else source.find(html, start, end)
    if found != -1:
        text, offsets = html_to_text(html, found)
        return Piece(text, offsets=offsets)
    text, _ = html_to_text(html)
    return Piece(text, offsets=[start] * len(text))


def _subject(message: Message, source: str, start: int, end: int) -> Piece | None:
    """The Subject header (encoded words decoded), located on its line in the raw headers."""
    value = message.get("Subject")
    if value is None or not str(value).strip():
        return None
    subject = str(value)
    header = re.compile(r"^subject[ \t]*:[ \t]*", re.I | re.M).search(source, start, end)
    if header is None:
        return Piece(subject, offsets=[start] * len(subject))
    if "\ufffd" in subject:  # raw 8-bit bytes the email package could not decode: the file's text
        line_end = source.find("\n", header.end(), end)
        written = source[header.end() : line_end if line_end != -1 else end].rstrip()
        if written and "\ufffd" not in written:
            return Piece(written, header.end())
    offsets = _align(subject, source, header.end(), end)
    if offsets is None:  # encoded words (=?utf-8?q?...?=): the start of the header's value
        return Piece(subject, offsets=[header.end()] * len(subject))
    return Piece(subject, offsets=offsets)


def _reply_to(message: Message) -> str | None:
    """The message this one answers: In-Reply-To, else the last of References."""
    in_reply_to = str(message.get("In-Reply-To") or "").strip()
    if in_reply_to:
        return in_reply_to
    references = str(message.get("References") or "").split()
    return references[-1] if references else None


def _sender(message: Message) -> str | None:
    """The sender's name as the signature would give it (the address when no name is given)."""
    header = message.get("From")
    if header is None:
        return None
    addresses = getattr(header, "addresses", ())
    if addresses:
        return addresses[0].display_name or addresses[0].addr_spec or None
    return str(header).strip() or None


def _sender_address(message: Message) -> str | None:
    """The From: address ("dana@shipfast.io"), whose domain can name the seller's company."""
    addresses = getattr(message.get("From"), "addresses", ())
    return (addresses[0].addr_spec or None) if addresses else None
