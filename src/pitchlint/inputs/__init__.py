"""Reading outreach where it lives: text and Markdown drafts, .eml, HTML templates, sequence
YAML, CSV, JSONL and mbox batches, and folders of them. Every reader turns a file into
EmailInputs whose drafts keep an Origin, so findings point into the file the user gave."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pitchlint.draft import Draft, DraftMeta, parse_draft
from pitchlint.origin import TextBuilder, make_origin
from pitchlint.sources import Skipped


@dataclass(frozen=True)
class EmailInput:
    draft: Draft
    email_id: str  # the path, or "path#row 12", "path#message 3", "path#step 2"
    template: str | None = None
    sender: str | None = None
    sequence: str | None = None  # the sequence file a step belongs to
    step: int | None = None  # 1-based position in that sequence
    # a batch row's other columns (label, reply rate, campaign ...), for `pitchlint calibrate`
    fields: tuple[tuple[str, str], ...] = ()
    # the email this one is a spintax variant of (`--spintax every`): one template, not many
    variant_of: str | None = None


def split_batch(items: Iterable[EmailInput | Skipped]) -> tuple[list[EmailInput], list[Skipped]]:
    """A batch reader's emails and what it skipped, as two lists."""
    emails: list[EmailInput] = []
    skipped: list[Skipped] = []
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            emails.append(item)
    return emails, skipped


def every_variant(emails: Iterable[EmailInput]) -> Iterator[EmailInput]:
    """Each email with spintax as each of its variants (`--spintax every`): variant k reads
    every group as its k-th variant, in place, so findings keep the file's offsets."""
    import dataclasses

    from pitchlint.mergetags import variant_count

    for email in emails:
        count = variant_count(email.draft.text)
        yield email
        for spin in range(1, count):
            draft = dataclasses.replace(email.draft, spin=spin)
            yield dataclasses.replace(
                email,
                draft=draft,
                email_id=f"{email.email_id}#variant {spin + 1}",
                variant_of=email.email_id,
            )


@dataclass(frozen=True)
class Piece:
    """Text taken from the source: it runs in step from `at`, or each character has its own
    source offset in `offsets` (when escapes were decoded)."""

    text: str
    at: int = 0
    offsets: Sequence[int] | None = None


def draft_from_parts(
    path: str,
    source_text: str,
    record: str,
    *,
    body: Piece,
    subject: Piece | None = None,
    meta: DraftMeta | None = None,
) -> Draft:
    """A draft "Subject: ...\\n\\n<body>" whose offsets map back into `source_text`."""
    builder = TextBuilder()
    if subject is not None and subject.text.strip():
        builder.add_pinned("Subject: ", subject.at if subject.offsets is None else subject.offsets[0])
        _add(builder, Piece(subject.text.replace("\n", " ").replace("\r", " "), subject.at, subject.offsets))
        builder.add_pinned("\n\n", body.at if body.offsets is None else (body.offsets or [body.at])[0])
    _add(builder, body)
    draft = parse_draft(builder.text, path, meta)
    origin = make_origin(path, source_text, record, builder.anchors)
    return _with_origin(draft, origin)


def _add(builder: TextBuilder, piece: Piece) -> None:
    if piece.offsets is None:
        builder.add(piece.text, piece.at)
    else:
        builder.add_mapped(piece.text, piece.offsets)


def _with_origin(draft: Draft, origin) -> Draft:  # type: ignore[no-untyped-def]
    import dataclasses

    return dataclasses.replace(draft, origin=origin)
