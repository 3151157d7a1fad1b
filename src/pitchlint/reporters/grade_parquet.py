"""`pitchlint grade --format parquet -o FILE`: the JSONL rows (each email with its findings) as
a Parquet table, for a warehouse or a notebook, written a row group at a time so a big history
is never one table in memory. pyarrow comes from the `parquet` extra and is imported only here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pitchlint.errors import MissingExtra
from pitchlint.grading import GradeRun
from pitchlint.reporters.grade_files import email_with_findings

ROWS_PER_GROUP = 4096


def require_pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise MissingExtra("--format parquet needs pyarrow: pip install 'pitchlint[parquet]'") from None
    return pyarrow


def schema() -> Any:
    """The columns: the CSV's, and the findings as a list of structs (the JSON format's)."""
    pa = require_pyarrow()
    finding = pa.struct(
        [
            ("rule", pa.string()),
            ("severity", pa.string()),
            ("line", pa.int64()),
            ("col", pa.int64()),
            ("matched", pa.string()),
            ("message", pa.string()),
        ]
    )
    text = ("source", "id", "template", "sender")
    return pa.schema(
        [
            *((name, pa.string()) for name in text),
            ("score", pa.float64()),
            ("grade", pa.string()),
            *((name, pa.int64()) for name in ("error", "warning", "info")),
            ("top_rules", pa.string()),
            ("findings", pa.list_(finding)),
        ]
    )


def stream_parquet(run: GradeRun) -> Iterator[bytes]:
    """The file's bytes, a row group at a time as the emails are read back."""
    pa = require_pyarrow()
    import pyarrow.parquet as pq

    sink = _Pieces()
    columns = schema()
    with pq.ParquetWriter(sink, columns) as writer:
        rows: list[dict[str, Any]] = []
        for email in run.emails:
            rows.append(email_with_findings(email))
            if len(rows) == ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(rows, schema=columns))
                rows.clear()
                yield sink.take()
        if rows or not len(run.emails):
            writer.write_table(pa.Table.from_pylist(rows, schema=columns))
    yield sink.take()


class _Pieces:
    """A write-only file for pyarrow that hands on what was written since the last `take`."""

    def __init__(self) -> None:
        self._pieces: list[bytes] = []
        self._written = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self._pieces.append(bytes(data))
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        piece = b"".join(self._pieces)
        self._pieces.clear()
        return piece
