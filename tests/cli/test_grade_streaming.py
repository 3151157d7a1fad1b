"""`grade` reads its inputs as it grades them (issue 18): a folder is walked, not listed first;
the first emails are checked before the last file is read; what waits for the rules across
emails is on disk, each email carrying only its own lines of the file it came from; and a
pool of workers is handed a bounded window of chunks, not the whole input."""

from __future__ import annotations

import csv
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pitchlint import run
from pitchlint.config import load_config
from pitchlint.engine import Engine
from pitchlint.inputs import load as load_module
from pitchlint.inputs.load import Loaded, iter_inputs, load_inputs
from pitchlint.inputs.tabular import read_csv
from pitchlint.spill import EmailSpill, compact


def _tree(root: Path) -> None:
    for name in ("b", "b-c", "b.txt", "a.md", ".hidden.txt", "README.md", "Z.txt", "b/é.txt"):
        path = root / name
        if name in ("b", "b-c"):
            path.mkdir()
        else:
            path.write_text("Hi Sam,\n\nWhat changed in Q3?\n", encoding="utf-8")
    for name in ("b/x.txt", "b/a/y.eml", "b-c/z.txt", ".git/config.txt", "b/.cache/w.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("Hi Sam,\n\nWhat changed in Q3?\n", encoding="utf-8")
    (root / "b" / "notes.bin").write_bytes(b"\x00")


def test_a_folder_is_walked_in_the_order_a_sorted_listing_gives(tmp_path):
    _tree(tmp_path)
    (tmp_path / "linked").symlink_to(tmp_path / "b")  # a link to a folder is not followed
    expanded = load_module._expand([str(tmp_path)])
    walked = [Path(p).relative_to(tmp_path).as_posix() for p, _explicit in expanded]
    listed = [
        child.relative_to(tmp_path).as_posix()
        for child in sorted(tmp_path.rglob("*"))
        if load_module._takes(child) and not any(p.startswith(".") for p in child.relative_to(tmp_path).parts)
    ]
    assert walked == listed
    assert walked == ["Z.txt", "a.md", "b/a/y.eml", "b/x.txt", "b/é.txt", "b-c/z.txt", "b.txt"]


def _folder(root: Path, count: int) -> Path:
    for i in range(count):
        body = f"Hi Sam,\n\nAcme hired {i + 2} account executives this quarter. How is ramp going?\n\nAlex\n"
        (root / f"{i:04d}.txt").write_text(f"Subject: Ramp {i}\n\n{body}", encoding="utf-8")
    return root


def _reads_seen_by_the_engine(monkeypatch, module, reader: str) -> tuple[list[int], list[int]]:  # type: ignore[no-untyped-def]
    """Each call of `module.reader` (a file or a row read), and how many had been made each
    time the engine was handed drafts to check."""
    reads: list[int] = []
    seen: list[int] = []
    read, check = getattr(module, reader), Engine.check

    def reading(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(1)
        return read(*args, **kwargs)

    def checking(self, drafts):  # type: ignore[no-untyped-def]
        seen.append(len(reads))
        return check(self, drafts)

    monkeypatch.setattr(module, reader, reading)
    monkeypatch.setattr(Engine, "check", checking)
    return reads, seen


def test_the_first_emails_are_checked_before_the_last_file_is_read(tmp_path, monkeypatch):
    folder = _folder(tmp_path, 3 * run.CHUNK)
    files_read, read_when_checked = _reads_seen_by_the_engine(monkeypatch, load_module, "_load_one")
    loaded = Loaded()
    config = load_config(None)
    checked = run.check_emails(config, iter_inputs([str(folder)], loaded), loaded, (), use_cache=False)
    assert read_when_checked[0] <= run.CHUNK + 1 < len(files_read) == 3 * run.CHUNK
    assert isinstance(checked.emails, EmailSpill) and len(checked.reports) == 3 * run.CHUNK
    whole = load_inputs([str(folder)])
    assert [e.email_id for e in checked.emails] == [e.email_id for e in whole.emails]
    assert [r.draft.text for r in checked.reports] == [e.draft.text for e in whole.emails]
    at_once = run.check_emails(config, whole.emails, whole, (), use_cache=False).reports
    assert [(r.score, r.findings) for r in checked.reports] == [(r.score, r.findings) for r in at_once]


FILLER = "We help revenue teams ramp new account executives in half the time, from day one."
_cells = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "Zs"), include_characters='"\n,'),
    min_size=1,
    max_size=60,
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_cells, _cells), min_size=40, max_size=60))
def test_an_email_kept_on_its_own_lines_locates_as_in_the_whole_file(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "subject", "body"])
    for n, (subject, body) in enumerate(rows):
        writer.writerow([f"e{n}", subject, f"Hi Sam,\n\n{body} about {n}.\n\n{FILLER}\n"])
    source = out.getvalue()
    emails, _skipped = read_csv("sent.csv", source)
    assert emails
    for email in emails:
        draft, kept = email.draft, compact(email.draft)
        assert kept.text == draft.text
        assert len(kept.origin.text) < len(source) / 4  # its own lines, not the file
        for offset in range(len(draft.text) + 1):
            assert kept.line_col(offset) == draft.line_col(offset)
            assert kept.origin.source_offset(offset) == draft.origin.source_offset(offset)
        for line in {draft.line_col(o)[0] for o in range(len(draft.text))}:
            assert kept.line_text(line) == draft.line_text(line)
        start = draft.origin.source_offset(0)
        end = draft.origin.source_offset(len(draft.text) - 1) + 1
        assert kept.source_slice(start, end) == draft.source_slice(start, end) == source[start:end]


def test_a_whole_file_origin_is_kept_whole(tmp_path):
    """An HTML template's origin is what fixes edit: never cut, however long the markup."""
    rows = "".join(f"<tr><td style='padding:4px'>&nbsp;</td><td>{n}</td></tr>\n" for n in range(200))
    page = f"<html><body><table>{rows}</table><p>Hi Sam,</p><p>What changed in Q3?</p></body></html>"
    (tmp_path / "t.html").write_text(page, encoding="utf-8")
    draft = load_inputs([str(tmp_path / "t.html")]).emails[0].draft
    assert draft.origin is not None and compact(draft) is draft


def test_a_pool_gets_a_bounded_window_of_chunks_in_order():
    taken: list[int] = []
    out_at_once: list[int] = []
    done: list[int] = []
    lock = threading.Lock()

    def items():  # type: ignore[no-untyped-def]
        for n in range(50):
            taken.append(n)
            out_at_once.append(len(taken) - len(done))
            yield n

    def work(n: int) -> int:
        with lock:
            return n * n

    with ThreadPoolExecutor(2) as pool:
        for result in run._in_order(pool, work, items(), 6):
            done.append(result)
    assert done == [n * n for n in range(50)]
    assert max(out_at_once) == 6 + 1  # the window in the pool, and the result in hand


@pytest.mark.parametrize("jobs", [1, 2])
def test_grade_of_a_lazy_folder_is_the_grade_of_it_read_at_once(tmp_path, jobs):
    folder = _folder(tmp_path, run.CHUNK + 10)
    config = load_config(None)
    loaded = Loaded()
    lazy = run.check_emails(
        config, iter_inputs([str(folder)], loaded), loaded, (), use_cache=False, jobs=jobs
    )
    whole = load_inputs([str(folder)])
    at_once = run.check_emails(config, whole.emails, whole, (), use_cache=False).reports
    assert [r.findings for r in lazy.reports] == [r.findings for r in at_once]
    assert any(f.rule == "template-sameness" for r in lazy.reports for f in r.findings)


def _batch(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "subject", "body"])
        for i in range(count):
            body = f"Hi Sam,\n\nAcme hired {i + 2} account executives. How is ramp going?\n\nAlex\n"
            writer.writerow([f"e{i}", f"Ramp {i}", body])
    return path


def test_a_batch_file_is_graded_as_its_rows_are_read(tmp_path, monkeypatch):
    from pitchlint.inputs import tabular

    batch = _batch(tmp_path / "sent.csv", 3 * run.CHUNK)
    rows_read, read_when_checked = _reads_seen_by_the_engine(monkeypatch, tabular, "_collect")
    loaded = Loaded()
    checked = run.check_emails(
        load_config(None), iter_inputs([str(batch)], loaded), loaded, (), use_cache=False
    )
    assert read_when_checked[0] <= run.CHUNK + 1 < len(rows_read) == 3 * run.CHUNK
    assert [e.email_id for e in checked.emails] == [f"{batch}#e{i}" for i in range(3 * run.CHUNK)]


def test_a_batch_that_breaks_part_way_keeps_the_rows_before(tmp_path, monkeypatch):
    from pitchlint.inputs import tabular

    batch = _batch(tmp_path / "sent.csv", 8)
    collect = tabular._collect

    def breaking(path, source, record_name, *args):  # type: ignore[no-untyped-def]
        if record_name == "row 5":
            raise ValueError("a reader's bug")
        return collect(path, source, record_name, *args)

    monkeypatch.setattr(tabular, "_collect", breaking)
    loaded = load_inputs([str(batch)])
    assert [e.email_id for e in loaded.emails] == [f"{batch}#e{i}" for i in range(4)]
    (skipped,) = loaded.skipped
    assert skipped.reason == (
        f"{batch}: could not be read (ValueError: a reader's bug); the rest of it after 4 emails skipped"
    )
