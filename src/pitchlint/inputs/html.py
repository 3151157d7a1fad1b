"""HTML email templates read as the recipient sees them: the visible text of the body, laid out
in lines and paragraphs as an email client shows it, with every character mapped back to the
markup it came from, so a finding is reported at the line and column of the .html file.

What the recipient never sees is dropped (scripts, styles, the head, hidden preheaders), since
judging it would flag text nobody reads; entities are decoded so "we&rsquo;re" reads "we're";
merge tags such as {{first_name}} are plain text to HTML and pass through untouched.
`<!-- pitchlint-... -->` directive comments are kept, each on a line of its own right above
the text that follows it, so a template can silence a rule as a text draft does."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from pitchlint.draft import DraftError, DraftMeta, load_front_matter, meta_from_mapping
from pitchlint.inputs import EmailInput, Piece, draft_from_parts

# a blank line before and after (their margins), as in a plain-text email's paragraphs
_PARAGRAPH = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "pre", "figure"}
)
# a line of their own
_LINE = frozenset(
    {
        "div", "li", "tr", "dd", "dt", "section", "article", "header", "footer", "main", "nav",
        "aside", "center", "form", "fieldset", "caption", "address", "hr", "figcaption", "details",
        "summary",
    }
)  # fmt: skip
_CELL = frozenset({"td", "th"})  # side by side: a space between them
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"}
)  # fmt: skip
_DROPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})
# a second start tag of these closes the first (<p>a<p>b, <li>a<li>b)
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "tr", "td", "th", "dt", "dd", "option"})

_HIDDEN_STYLE_RE = re.compile(
    r"display:none|visibility:hidden|mso-hide:all"
    r"|(?:max-height|font-size|opacity|line-height):0(?:\.0*)?(?:px|em|rem|pt|%)?(?![.\d])"
)
_WHITESPACE = " \t\n\r\f\xa0"
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u034f\u00ad")  # zero-width and soft hyphen
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FM_SUBJECT_RE = re.compile(r"^subject[ \t]*:[ \t]*(?:([\"'])(.*?)\1|(.*?))[ \t]*\r?$", re.M)


def is_hidden(attrs: dict[str, str | None]) -> bool:
    """Hidden from the reader: a preheader (the inbox preview line), or styled out of sight."""
    if "hidden" in attrs:
        return True
    if "preheader" in (attrs.get("class") or "").lower():
        return True
    style = re.sub(r"\s+", "", (attrs.get("style") or "").lower())
    return bool(_HIDDEN_STYLE_RE.search(style))


class _TextParser(HTMLParser):
    """Collects visible characters, each with its offset in the source, and the <title>."""

    def __init__(self, source: str, start: int) -> None:
        super().__init__(convert_charrefs=False)  # entities arrive on their own, so they can be mapped
        self.source = source
        self.start = start
        self._line_starts = [0, *(m.end() for m in re.finditer(r"\n", source))]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.title: list[tuple[str, int]] = []
        self._stack: list[tuple[str, bool]] = []  # open elements: (tag, hides its content)
        self._suppressed = 0  # open elements that hide or drop their content
        self._in_title = False
        self._pre = 0
        self._break = 0  # newlines wanted before the next visible character
        self._break_at = 0
        self._space_at: int | None = None  # a collapsed run of whitespace waiting for a word
        self._cap_break = False  # right after a directive comment: its text follows on the next line

    # positions ---------------------------------------------------------------------------
    def _here(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    # output ------------------------------------------------------------------------------
    def _want_break(self, newlines: int, at: int) -> None:
        if self._suppressed:
            return
        if self._cap_break:
            newlines = min(newlines, 1)
        if newlines > self._break:
            if not self._break:
                self._break_at = at
            self._break = newlines
        self._space_at = None

    def _flush(self) -> None:
        """Before a visible character: the line breaks or the space that precede it."""
        if self._break:
            if self.chars:
                trailing = 0
                while trailing < len(self.chars) and self.chars[-1 - trailing] == "\n":
                    trailing += 1
                for _ in range(self._break - trailing):
                    self._put("\n", self._break_at)
            self._break = 0
        elif self._space_at is not None and self.chars and self.chars[-1] != "\n":
            self._put(" ", self._space_at)
        self._space_at = None

    def _put(self, char: str, at: int) -> None:
        self.chars.append(char)
        self.offsets.append(self.start + at)

    def _text(self, text: str, at: int | list[int]) -> None:
        """Characters of the page at source offset `at` (in step) or one offset each."""
        for index, char in enumerate(text):
            where = at + index if isinstance(at, int) else at[index]
            if self._in_title:
                self.title.append((" " if char in _WHITESPACE else char, self.start + where))
                continue
            if self._suppressed or char in _INVISIBLE:
                continue
            if self._pre:
                self._flush()
                self._put(char, where)
            elif char in _WHITESPACE:
                if self._space_at is None and not self._break:
                    self._space_at = where
            else:
                self._flush()
                self._cap_break = False
                self._put(char, where)

    # parser events -----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._here()
        if tag == "br":
            if not self._suppressed:
                self._flush()
                self._put("\n", at)
                self._space_at = None
            return
        if tag in _VOID:
            if tag == "hr":
                self._want_break(1, at)
            return
        if tag in _SELF_CLOSING_SIBLINGS and self._stack and self._stack[-1][0] == tag:
            self._close(at)
        hides = tag in _DROPPED or is_hidden(dict(attrs))
        if not hides:
            self._block(tag, at)
        self._stack.append((tag, hides))
        self._suppressed += hides
        self._pre += tag == "pre"
        if tag == "title" and not self.title:
            self._in_title = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        at = self._here()
        if tag == "br":  # </br> is a <br> to a browser
            self.handle_starttag(tag, [])
            return
        if not any(open_tag == tag for open_tag, _ in self._stack):
            if tag in _PARAGRAPH or tag in _LINE:
                self._want_break(2 if tag in _PARAGRAPH else 1, at)
            return
        while self._stack:
            if self._close(at) == tag:
                break

    def _close(self, at: int) -> str:
        tag, hides = self._stack.pop()
        self._suppressed -= hides
        self._pre -= tag == "pre"
        if tag == "title":
            self._in_title = False
        if not hides:
            self._block(tag, at)
        return tag

    def _block(self, tag: str, at: int) -> None:
        if tag in _PARAGRAPH:
            self._want_break(2, at)
        elif tag in _LINE:
            self._want_break(1, at)
        elif tag in _CELL and not self._suppressed and self.chars and self._space_at is None:
            self._space_at = at

    def handle_data(self, data: str) -> None:
        self._text(data, self._here())

    def handle_entityref(self, name: str) -> None:
        at = self._here()
        written = f"&{name};" if self.source.startswith(";", at + 1 + len(name)) else f"&{name}"
        self._entity(written, at)

    def handle_charref(self, name: str) -> None:
        at = self._here()
        written = f"&#{name};" if self.source.startswith(";", at + 2 + len(name)) else f"&#{name}"
        self._entity(written, at)

    def _entity(self, written: str, at: int) -> None:
        """A decoded entity: every character it stands for points at its "&"; something that
        only looks like one ("AT&T") stays as written."""
        decoded = html.unescape(written)
        if decoded == written:
            self._text(written, at)
        else:
            self._text(decoded, [at] * len(decoded))

    def handle_comment(self, data: str) -> None:
        if self._suppressed or not data.strip().lower().startswith("pitchlint"):
            return  # conditional comments (<!--[if mso]>) and notes: never shown
        at = self._here()
        written = f"<!--{data}-->"
        if not self.source.startswith(written, at):
            return
        self._want_break(1, at)
        if self.chars:
            self._flush()
        self._break = 0
        self._space_at = None
        for index, char in enumerate(written):
            self._put(char, at + index)
        self._want_break(1, at + len(written))
        self._cap_break = True


def html_to_text(source: str, start: int = 0) -> tuple[str, list[int]]:
    """The text an email client shows for `source`, and for each of its characters the offset
    in `source` it came from, plus `start` (where `source` sits in a larger file)."""
    text, offsets, _ = _convert(source, start)
    return text, offsets


def _convert(source: str, start: int) -> tuple[str, list[int], Piece | None]:
    parser = _TextParser(source, start)
    parser.feed(source)
    parser.close()
    chars, offsets = _squeeze(parser.chars, parser.offsets)
    title = None
    if parser.title:
        raw = "".join(c for c, _ in parser.title)
        lead = len(raw) - len(raw.lstrip())
        words = raw.strip()
        if words:
            title_chars, title_offsets = _collapse_spaces(
                words, [o for _, o in parser.title[lead : lead + len(words)]]
            )
            title = Piece(title_chars, offsets=title_offsets)
    return "".join(chars), offsets, title


def _squeeze(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    """No blank lines at either end, and never more than one blank line in a row (a run of
    <br> or spacer paragraphs), as a plain-text email would have."""
    keep_chars: list[str] = []
    keep_offsets: list[int] = []
    newlines = 0
    for char, offset in zip(chars, offsets, strict=True):
        if char == "\n":
            newlines += 1
            if not keep_chars or newlines > 2:
                continue
        else:
            newlines = 0
        keep_chars.append(char)
        keep_offsets.append(offset)
    while keep_chars and keep_chars[-1] in _WHITESPACE:
        keep_chars.pop()
        keep_offsets.pop()
    return keep_chars, keep_offsets


def _collapse_spaces(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    out: list[str] = []
    kept: list[int] = []
    for char, offset in zip(text, offsets, strict=True):
        if char == " " and out and out[-1] == " ":
            continue
        out.append(char)
        kept.append(offset)
    return "".join(out), kept


def read_html(path: str, source: str) -> list[EmailInput]:
    """One HTML template: its visible text as the body, the subject from front matter's
    `subject:` or else the <title>, and front-matter keys as the draft's metadata."""
    meta: DraftMeta | None = None
    subject: Piece | None = None
    body_at = 0
    front = _FRONT_MATTER_RE.match(source)
    if front:
        data = load_front_matter(path, front.group(1))
        meta = meta_from_mapping(data, path)
        subject = _front_matter_subject(source, front.end(1), data)
        body_at = front.end()
    text, offsets, title = _convert(source[body_at:], body_at)
    if not text.strip():
        raise DraftError(f"{path}: no visible text in the HTML, skipped")
    draft = draft_from_parts(
        path,
        source,
        "",
        body=Piece(text, offsets=offsets),
        subject=subject or title,
        meta=meta or DraftMeta(),
    )
    return [EmailInput(draft, path, sender=draft.meta.sender)]


def _front_matter_subject(source: str, end: int, data: dict[str, Any]) -> Piece | None:
    """The front matter's subject, located on its line when written plainly or quoted."""
    value = data.get("subject")
    if not isinstance(value, str) or not value.strip():
        return None
    match = _FM_SUBJECT_RE.search(source, 0, end)
    if match is None:
        return Piece(value, offsets=[0] * len(value))
    group = 2 if match.group(2) is not None else 3
    if match.group(group) == value:
        return Piece(value, match.start(group))
    return Piece(value, offsets=[match.start(group)] * len(value))
