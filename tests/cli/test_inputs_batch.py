"""CSV, JSONL and sequence YAML inputs: each email read with its metadata, findings located
at the line and column of the original file, and bad rows skipped by number while the rest
are still read."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pitchlint.inputs.load import load_inputs
from pitchlint.inputs.sequence import read_sequence
from pitchlint.inputs.tabular import read_csv, read_jsonl
from pitchlint.origin import TextBuilder, make_origin


def _line_col(source: str, offset: int) -> tuple[int, int]:
    before = source[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _points_at(draft, source: str, phrase: str) -> None:
    """The draft's phrase is reported where the phrase sits in the source file."""
    assert draft.line_col(draft.text.index(phrase)) == _line_col(source, source.index(phrase))


CSV = (
    "id,subject,body,sender,template,touch\n"
    'a1,Ohio rates,"Hi Sam,\n\nWe are the ""leading"" provider of tax software.",liam,intro,1\n'
    "a2,,,liam,intro,1\n"
    'a3,Re: Ohio rates,"Hi Dana,\r\n\r\nJust checking in.",ava,follow,two\n'
    'a4,Texas,"Hi Lee,\n\nYour Texas filing is due Friday.",ava,intro,2\n'
)


def test_csv_rows_carry_metadata_and_point_into_the_file():
    emails, skipped = read_csv("batch.csv", CSV)
    assert [e.email_id for e in emails] == ["batch.csv#a1", "batch.csv#a4"]
    first, fourth = emails
    assert first.draft.subject == "Ohio rates"
    assert (first.sender, first.template, fourth.draft.meta.touch) == ("liam", "intro", 2)
    assert 'the "leading" provider' in first.draft.text
    _points_at(first.draft, CSV, "provider of tax")
    _points_at(first.draft, CSV, "Ohio rates")
    _points_at(fourth.draft, CSV, "Your Texas filing")
    # the doubled quote maps each decoded character to its place
    quote = first.draft.text.index('"leading"')
    assert first.draft.line_col(quote + 1) == _line_col(CSV, CSV.index('""leading') + 2)
    reasons = [s.reason for s in skipped]
    assert reasons == [
        "batch.csv: row 2: empty body, skipped",
        "batch.csv: row 3: `touch` must be a whole number from 1 to 1000, got 'two'",
    ]


def test_csv_without_a_body_column_is_named():
    with pytest.raises(Exception, match=r"notes\.csv: no body column"):
        read_csv("notes.csv", "name,amount\nx,1\n")


def test_jsonl_decodes_escapes_and_points_into_the_line():
    line = {
        "id": "j1",
        "subject": "Quick one",
        "body": 'Hi Ann,\n\nAs promised, our team\u2019s deck.\t"Free" trial.',
    }
    source = "\n" + json.dumps(line) + "\n" + json.dumps(line, ensure_ascii=False) + "\n[1]\n{bad\n"
    emails, skipped = read_jsonl("out.jsonl", source)
    assert len(emails) == 2
    for email, number in zip(emails, (2, 3), strict=True):
        draft = email.draft
        assert draft.text.endswith(line["body"])
        row_start = sum(len(x) + 1 for x in source.split("\n")[: number - 1])
        raw = source.split("\n")[number - 1]
        for phrase, raw_phrase in (("deck", "deck"), ('"Free"', '\\"Free')):
            assert draft.line_col(draft.text.index(phrase)) == (number, raw.index(raw_phrase) + 1)
        assert row_start >= 0
    assert [s.reason for s in skipped] == [
        "out.jsonl: line 4: not a JSON object",
        "out.jsonl: line 5: not JSON (Expecting property name enclosed in double quotes)",
    ]


SEQUENCE = """\
name: Q3 retail
stop_on_reply: true
sender: liam
steps:
  - subject: Ohio rate change
    delay: 0
    body: |
      Hi {{first_name}},

      We are the world's leading provider of sales tax software.
  - subject: "Re: Ohio rate change"
    delay: 3
    body: "Hi {{first_name}},\\n\\nTexas follows in August.\\n"
  - subject: Texas
    delay: 4
    body: >
      Hi {{first_name}},
      the Texas form is attached.
"""


def test_sequence_steps_know_their_position_and_thread():
    emails, info = read_sequence("seq.yaml", SEQUENCE)
    assert [e.step for e in emails] == [1, 2, 3]
    assert [e.draft.meta.touch for e in emails] == [1, 2, 3]
    assert emails[0].draft.meta.in_reply_to is None  # a "Re:" here would be fake
    # step 2 goes out in step 1's thread but answers nothing the reader wrote
    assert emails[1].draft.meta.in_reply_to is None
    assert emails[1].draft.meta.touch == 2
    assert (info.steps, info.delays, info.stop_on_reply) == (3, (0.0, 3.0, 4.0), True)
    assert emails[0].sender == "liam" and emails[0].template == "Q3 retail"
    _points_at(emails[0].draft, SEQUENCE, "world's leading provider")
    _points_at(emails[0].draft, SEQUENCE, "Ohio rate change")
    _points_at(emails[1].draft, SEQUENCE, "Re: Ohio")
    # a folded block has no character map: it points at where the value starts
    assert emails[2].draft.line_col(emails[2].draft.text.index("Texas form"))[0] == 16


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("steps: []\n", "needs a non-empty `steps:` list"),
        ("steps:\n  - subject: x\n", "seq.yaml: step 1 (line 2): a step needs a `body:` text"),
        ("steps:\n  - body: x\n    delay: soon\n", "`delay` must be a number of days"),
        ("steps:\n  - body: x\n    cadence: 2\n", "unknown key `cadence`"),
        ("steps:\n  - body: [x\n", "seq.yaml:"),
    ],
)
def test_bad_sequences_name_file_and_step(text, message):
    with pytest.raises(Exception, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        read_sequence("seq.yaml", text)


def test_folders_take_batches_and_sequences_but_not_other_data(tmp_path):
    (tmp_path / "seq.yaml").write_text(SEQUENCE)
    (tmp_path / "config.yaml").write_text("select: [x]\n")
    (tmp_path / "notes.csv").write_text("name,amount\nx,1\n")
    (tmp_path / "batch.csv").write_text(CSV)
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01")
    loaded = load_inputs([str(tmp_path)])
    assert len(loaded.emails) == 5  # 2 rows + 3 steps
    assert [s.path for s in loaded.sequences] == [str(tmp_path / "seq.yaml")]
    reasons = " | ".join(s.reason for s in loaded.skipped)
    assert "empty.txt: empty file" in reasons and "bin.jsonl: binary file" in reasons
    assert "config.yaml" not in reasons  # a repository's other YAML is passed over
    (data,) = [s for s in loaded.skipped if "notes.csv" in s.reason]  # a CSV of no emails is said
    assert "no body column" in data.reason and not data.error  # ... but is no unreadable input
    named = load_inputs([str(tmp_path / "config.yaml"), str(tmp_path / "notes.csv")])
    config, notes = named.skipped
    assert config.reason.startswith(str(tmp_path / "config.yaml")) and not config.error  # other YAML
    assert notes.reason.startswith(str(tmp_path / "notes.csv")) and notes.error


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=12), st.booleans()), min_size=1, max_size=8))
def test_origin_maps_every_character_back(pieces):
    """Text built from pieces of a source maps each character to where it came from."""
    source = "".join(text for text, _ in pieces) + "|tail"
    builder = TextBuilder()
    expected = []
    at = 0
    for text, pinned in pieces:
        if pinned:
            builder.add_pinned(text, at)
            expected += [at] * len(text)
        else:
            builder.add(text, at)
            expected += list(range(at, at + len(text)))
        at += len(text)
    origin = make_origin("x", source, "", builder.anchors)
    assert [origin.source_offset(i) for i in range(len(builder.text))] == expected


def test_emails_of_one_file_share_its_line_index():
    """Every row of a batch points into the same file: its line starts are computed once, not
    once per row (which made grading 20,000 rows quadratic)."""
    emails, _ = read_csv("batch.csv", CSV)
    first, second = (e.draft.origin for e in emails)
    assert first is not None and second is not None
    assert first._line_starts is second._line_starts


@pytest.mark.parametrize("body", ["Email Body", "Body Text", "Email body", "emailBody", "email_body", "BODY"])
def test_sequencer_export_headers_name_the_body_subject_id_and_step(body):
    csv_text = (
        f"Email ID,Subject Line,{body},Step Number\n"
        'q-1,Ohio rates,"Hi Sam, what changed in your Q3 plans?",1\n'
        'q-2,Re: Ohio rates,"Hi Sam,\n\nJust checking in.",2\n'
    )
    emails, skipped = read_csv("export.csv", csv_text)
    assert skipped == []
    assert [e.email_id for e in emails] == ["export.csv#q-1", "export.csv#q-2"]
    assert [e.draft.meta.touch for e in emails] == [1, 2]  # step 2 is a follow-up, not a first touch
    assert emails[1].draft.subject == "Re: Ohio rates"
    _points_at(emails[0].draft, csv_text, "what changed")


def test_jsonl_keys_are_read_the_same_way():
    line = '{"emailBody": "Hi Sam, what changed in your Q3 plans?", "sequenceStep": 3, "Subject": "Q3"}\n'
    (email,), skipped = read_jsonl("rows.jsonl", line)
    assert skipped == [] and email.draft.meta.touch == 3 and email.draft.subject == "Q3"
    _points_at(email.draft, line, "what changed")


def test_a_contacts_export_is_not_graded_as_email_bodies(tmp_path):
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("name,email,company\nMaria,maria@acme.com,Acme\nLee,lee@kestrel.io,Kestrel\n")
    loaded = load_inputs([str(contacts)])
    assert loaded.emails == []
    assert [s.reason for s in loaded.skipped] == [
        f"{contacts}: no body column (one of body, text, content, email, message, Email Body, Body HTML ...;"
        " or --body-column) in the header (name, email, company), skipped"
    ]
    # an `email` column holding email text is still a body
    bodies = tmp_path / "bodies.csv"
    bodies.write_text('id,email\nx,"Hi Sam, what changed in your Q3 plans?"\n')
    assert [e.email_id for e in load_inputs([str(bodies)]).emails] == [f"{bodies}#x"]
