"""Reading .eml, mbox and HTML templates: the text a recipient reads, the headers that tell a
real reply, and findings located at the line and column of the file the user gave."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from pitchlint.draft import DraftError
from pitchlint.inputs.eml import read_eml
from pitchlint.inputs.html import html_to_text, read_html
from pitchlint.inputs.mbox import read_mbox


def where(source: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of `phrase` (its nth occurrence) in `source`."""
    offset = -1
    for _ in range(nth + 1):
        offset = source.index(phrase, offset + 1)
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def at(draft, phrase: str) -> tuple[int, int]:
    return draft.line_col(draft.text.index(phrase))


def write(tmp_path: Path, name: str, text: str) -> tuple[str, bytes]:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path), path.read_bytes()


# .eml ------------------------------------------------------------------------------------

PLAIN = (
    "From: Ann Lee <ann@acme.com>\r\n"
    "To: sam@buyer.com\r\n"
    "Subject: Quick question about\r\n the Ohio plant\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Hi Sam,\r\n"
    "\r\n"
    "We’re the world’s leading provider of widgets.\r\n"
    "\r\n"
    "Best,\r\n"
    "Ann\r\n"
)


def test_plain_eml_text_subject_sender_and_locations(tmp_path):
    path, data = write(tmp_path, "plain.eml", PLAIN)
    (email,) = read_eml(path, data)
    draft = email.draft
    assert email.email_id == path
    assert draft.subject == "Quick question about the Ohio plant"  # folded header unfolded
    assert "We’re the world’s leading provider of widgets." in draft.text
    assert "\r" not in draft.text
    assert draft.meta.sender == email.sender == "Ann Lee"
    assert draft.meta.in_reply_to is None
    assert at(draft, "leading") == where(PLAIN, "leading")
    assert at(draft, "Best") == where(PLAIN, "Best")
    assert at(draft, "Ohio") == where(PLAIN, "Ohio")  # on the folded header's second line


QP_ALTERNATIVE = """From: ann@acme.com
Subject: =?utf-8?q?Caf=C3=A9_chat?=
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="XX"

--XX
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hi Sam,

We=E2=80=99re the world's leading provider of widgets for plants that run=
 three shifts.

--XX
Content-Type: text/html; charset=utf-8

<p>Hi Sam, the HTML part</p>
--XX--
"""


def test_quoted_printable_plain_part_is_decoded_and_mapped(tmp_path):
    path, data = write(tmp_path, "qp.eml", QP_ALTERNATIVE)
    (email,) = read_eml(path, data)
    draft = email.draft
    assert draft.subject == "Café chat"  # encoded words decoded
    assert "We’re the world's leading provider of widgets for plants that run three shifts." in draft.text
    assert "HTML part" not in draft.text  # the plain part is preferred
    assert at(draft, "’") == where(QP_ALTERNATIVE, "=E2=80=99")
    assert at(draft, "leading") == where(QP_ALTERNATIVE, "leading")
    assert at(draft, "three shifts") == where(QP_ALTERNATIVE, "three shifts")  # after a soft break
    # an encoded subject has no column of its own: the start of the header's value
    assert at(draft, "Café") == where(QP_ALTERNATIVE, "=?utf-8")


def _decoded_at(source: str, start: int, end: int) -> bytes:
    """The bytes the base64 letters at source[start:end] encode, from the 4-letter group that
    holds `start` to the one that holds `end` (letters counted from the part's first)."""
    body_at = source.index("\n\n") + 2
    letters = [i for i in range(body_at, len(source)) if source[i] not in "\r\n"]
    first, last = letters.index(start), letters.index(max(i for i in letters if i < end))
    stream = "".join(source[i] for i in letters)
    return base64.b64decode(stream[first // 4 * 4 : (last // 4 + 1) * 4])


@pytest.mark.parametrize(
    "text",
    [
        "Hi Sam,\n\nJust checking in on my last email.\n",
        "Hi Zoë,\n\n"
        + "Your team shipped three releases this quarter — congrats. " * 6
        + "Just checking in.\n",
    ],
)
def test_base64_plain_part_maps_each_character_to_the_letters_that_encode_it(tmp_path, text):
    body = base64.encodebytes(text.encode("utf-8")).decode()  # wrapped at 76 letters
    source = (
        "From: ann@acme.com\nSubject: Hello\nContent-Type: text/plain; charset=utf-8\n"
        f"Content-Transfer-Encoding: base64\n\n{body}"
    )
    path, data = write(tmp_path, "b64.eml", source)
    (email,) = read_eml(path, data)
    draft = email.draft
    phrase_at = draft.text.index("Just checking in")
    start = draft.origin.source_offset(phrase_at)
    end = draft.origin.source_offset(phrase_at + len("Just checking in") - 1) + 1
    assert b"Just checking in" in _decoded_at(source, start, end)
    line, _col = draft.line_col(phrase_at)
    assert line == source[:start].count("\n") + 1  # on the line that encodes it, not the part's first


HTML_ONLY = """From: "Ann Lee" <ann@acme.com>
Subject: Widgets
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><head><style>p { color: red }</style></head><body>
<div style="display: none; max-height: 0px; overflow: hidden">Preview: save 50% today&zwnj;&nbsp;</div>
<script>track("Just checking in");</script>
<p>Hi {{first_name}},</p>
<p>We cut Acme&#8217;s scrap rate by 30% &amp; can do the same for you.</p>
</body></html>
"""


def test_html_only_eml_drops_preheader_and_script(tmp_path):
    path, data = write(tmp_path, "html.eml", HTML_ONLY)
    (email,) = read_eml(path, data)
    text = email.draft.text
    assert text == (
        "Subject: Widgets\n\nHi {{first_name}},\n\nWe cut Acme’s scrap rate by 30% & can do the same for you."
    )
    assert "Preview" not in text and "track" not in text and "color" not in text
    assert at(email.draft, "scrap") == where(HTML_ONLY, "scrap")
    assert at(email.draft, "’") == where(HTML_ONLY, "&#8217;")
    assert at(email.draft, "&") == where(HTML_ONLY, "&amp;")
    assert email.draft.merge_tags  # {{first_name}} survived as a merge tag


def reply(headers: str) -> str:
    return (
        f"From: ann@acme.com\nSubject: Re: Ohio plant\n{headers}"
        "Content-Type: text/plain\n\nThanks Sam, Tuesday at 10 works.\n"
    )


def test_in_reply_to_tells_a_real_reply_from_a_fake_re(tmp_path):
    real_path, real = write(tmp_path, "real.eml", reply("In-Reply-To: <abc@buyer.com>\n"))
    refs_path, refs = write(tmp_path, "refs.eml", reply("References: <a@x.com> <b@buyer.com>\n"))
    fake_path, fake = write(tmp_path, "fake.eml", reply(""))
    (real_email,) = read_eml(real_path, real)
    (refs_email,) = read_eml(refs_path, refs)
    (fake_email,) = read_eml(fake_path, fake)
    assert real_email.draft.subject == "Re: Ohio plant"
    assert real_email.draft.meta.in_reply_to == "<abc@buyer.com>"
    assert real_email.draft.meta.is_reply
    assert refs_email.draft.meta.in_reply_to == "<b@buyer.com>"
    assert fake_email.draft.subject == "Re: Ohio plant"
    assert not fake_email.draft.meta.is_reply


def test_unreadable_eml_is_a_draft_error_naming_the_path(tmp_path):
    attachment_only = (
        "From: ann@acme.com\nSubject: Deck\nContent-Type: application/pdf\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n"
    )
    path, data = write(tmp_path, "pdf.eml", attachment_only)
    with pytest.raises(DraftError, match=r"pdf\.eml: no text part, skipped"):
        read_eml(path, data)
    binary = tmp_path / "bin.eml"
    binary.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(DraftError, match=r"^.*bin\.eml: binary file"):
        read_eml(str(binary), binary.read_bytes())
    with pytest.raises(DraftError, match=r"^.*note\.eml: not an email"):
        read_eml(*write(tmp_path, "note.eml", "Hi Sam,\n\nno headers at all\n"))


# mbox ------------------------------------------------------------------------------------

MBOX = """From ann@acme.com Mon Jan  1 10:00:00 2024
From: Ann Lee <ann@acme.com>
Subject: Ohio plant

Hi Sam,

We are the world's leading provider of widgets.

From bad@acme.com Mon Jan  1 10:05:00 2024
this message lost its headers

From ann@acme.com Mon Jan  1 11:00:00 2024
From: Ann Lee <ann@acme.com>
Subject: Re: Ohio plant
In-Reply-To: <xyz@buyer.com>

Thanks Sam, Tuesday works.
"""


def test_mbox_reads_each_message_and_skips_the_malformed_one(tmp_path):
    path, data = write(tmp_path, "batch.mbox", MBOX)
    emails, skipped = read_mbox(path, data)
    assert [e.email_id for e in emails] == [f"{path}#message 1", f"{path}#message 3"]
    assert [e.draft.label for e in emails] == [f"{path}#message 1", f"{path}#message 3"]
    assert [s.path for s in skipped] == [f"{path}#message 2"]
    assert skipped[0].reason.startswith(f"{path}#message 2: not an email")
    first, third = emails
    assert first.draft.subject == "Ohio plant" and not first.draft.meta.is_reply
    assert third.draft.meta.in_reply_to == "<xyz@buyer.com>"
    assert at(first.draft, "leading") == where(MBOX, "leading")
    assert at(third.draft, "Tuesday") == where(MBOX, "Tuesday")
    assert at(third.draft, "Re: Ohio") == where(MBOX, "Re: Ohio")


def test_a_file_without_from_lines_is_not_an_mbox(tmp_path):
    with pytest.raises(DraftError, match=r"x\.mbox: not an mbox"):
        read_mbox(*write(tmp_path, "x.mbox", "Subject: hi\n\nbody\n"))


# HTML ------------------------------------------------------------------------------------


def test_html_to_text_lays_out_blocks_and_maps_every_character():
    source = (
        "<div>Hi  {{first_name}},</div>\n<p>Line one<br>line\n   two &amp; more</p>"
        "<ul><li>alpha</li><li>beta</ul><p>See <a href='https://x.io'>the report</a><a href='y'></a>.</p>"
    )
    text, offsets = html_to_text(source, start=100)
    assert text == "Hi {{first_name}},\n\nLine one\nline two & more\n\nalpha\nbeta\n\nSee the report."
    assert len(offsets) == len(text)
    assert offsets[text.index("two")] == 100 + source.index("two")
    assert offsets[text.index("&")] == 100 + source.index("&amp;")
    assert offsets[text.index("the report")] == 100 + source.index("the report")


TEMPLATE = """<!DOCTYPE html>
<html>
<head>
  <title>Widgets for {{company}}</title>
  <style>.x { display: none }</style>
</head>
<body>
  <span class="preheader" style="color:#fff">You won't believe this offer</span>
  <div hidden>also hidden</div>
  <script>var s = "We are the world's leading provider";</script>
  <table role="presentation"><tr><td>
    <p>Hi {{first_name}},</p>
    <p>We are the world&rsquo;s leading provider of industrial widgets&nbsp;&mdash; trusted by
       teams like yours.</p>
    <p>Best,<br>Ann</p>
  </td></tr></table>
</body>
</html>
"""


def test_html_template_text_subject_and_locations(tmp_path):
    path, _ = write(tmp_path, "welcome.html", TEMPLATE)
    (email,) = read_html(path, TEMPLATE)
    draft = email.draft
    assert draft.subject == "Widgets for {{company}}"
    assert draft.text.endswith(
        "Hi {{first_name}},\n\n"
        "We are the world’s leading provider of industrial widgets — trusted by teams like yours.\n\n"
        "Best,\nAnn"
    )
    assert "offer" not in draft.text and "also hidden" not in draft.text and "var s" not in draft.text
    assert at(draft, "industrial") == where(TEMPLATE, "industrial")
    assert at(draft, "teams") == where(TEMPLATE, "teams")
    assert at(draft, "’") == where(TEMPLATE, "&rsquo;")
    assert at(draft, "—") == where(TEMPLATE, "&mdash;")
    assert at(draft, "{{company}}") == where(TEMPLATE, "{{company}}")


def test_html_front_matter_gives_meta_and_subject():
    source = (
        "---\nsubject: Ohio rates\ntouch: 2\nsender: Ann Lee\n---\n"
        "<html><head><title>Newsletter</title></head><body><p>Hi Sam, one more idea.</p></body></html>\n"
    )
    (email,) = read_html("fm.html", source)
    assert email.draft.subject == "Ohio rates"  # front matter wins over <title>
    assert email.draft.meta.touch == 2
    assert email.sender == "Ann Lee"
    assert at(email.draft, "Ohio") == where(source, "Ohio")
    assert at(email.draft, "one more") == where(source, "one more")


def test_html_without_visible_text_is_a_draft_error():
    with pytest.raises(DraftError, match=r"^empty\.html: no visible text"):
        read_html("empty.html", "<html><body><div style='display:none'>hidden</div></body></html>")


def test_a_rule_on_an_html_template_reports_inside_the_html_file(engine):
    (email,) = read_html("welcome.html", TEMPLATE)
    silenced_source = TEMPLATE.replace(
        "<p>We are", "<!-- pitchlint-disable-next-line hype-superlatives -->\n    <p>We are"
    )
    (silenced,) = read_html("silenced.html", silenced_source)
    report, silenced_report = engine.check([email.draft, silenced.draft])
    (hype,) = [f for f in report.findings if f.rule == "hype-superlatives"]
    assert email.draft.text[hype.start : hype.end] == "world’s leading provider"
    # in the paragraph, not the script's string
    assert email.draft.line_col(hype.start) == where(TEMPLATE, "world&rsquo;s leading provider")
    assert not [f for f in silenced_report.findings if f.rule == "hype-superlatives"]
