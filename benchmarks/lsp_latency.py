"""Time from `didChange` to `publishDiagnostics` on a warm `pitchlint server`, over a real
LSP connection (pygls's client, the server as a subprocess), against checking the same
drafts in one process through the same Session (the floor: the check itself).

Usage: python benchmarks/lsp_latency.py EVAL_DIR [EVAL_DIR ...] [--drafts 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from pitchlint.editor.session import Session
from pitchlint.inputs.load import load_inputs


def _drafts(folders: list[str], count: int) -> list[str]:
    emails = load_inputs(folders).emails
    texts = [e.draft.text for e in emails if e.draft.origin is None][:count]
    if not texts:
        sys.exit("no text drafts found in " + ", ".join(folders))
    return texts


def _quantiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


async def _over_lsp(texts: list[str], root: Path) -> list[float]:
    client = LanguageClient("pitchlint-bench", "1")
    arrived: asyncio.Queue[float] = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: lsp.PublishDiagnosticsParams) -> None:
        arrived.put_nowait(time.perf_counter())

    await client.start_io(sys.executable, "-m", "pitchlint", "server", cwd=str(root))
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
    client.initialized(lsp.InitializedParams())
    uri = (root / "draft.txt").as_uri()
    item = lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=texts[0])
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=item))
    await asyncio.wait_for(arrived.get(), 300)  # warm: the pipeline is loaded
    times = []
    for version, text in enumerate(texts, start=2):
        sent = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        times.append(await asyncio.wait_for(arrived.get(), 60) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def _in_process(texts: list[str], root: Path) -> list[float]:
    session = Session()
    path = str(root / "draft.txt")
    session.check(path, texts[0])  # warm
    times = []
    for text in texts:
        start = time.perf_counter()
        session.check(path, text)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--drafts", type=int, default=200)
    args = parser.parse_args()
    texts = _drafts(args.folders, args.drafts)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        floor = _in_process(texts, root)
        served = asyncio.run(_over_lsp(texts, root))
    floor_median, floor_p95 = _quantiles(floor)
    median, p95 = _quantiles(served)
    print(f"drafts: {len(texts)}")
    rows = (
        ("check in process (baseline):", f"{floor_median * 1000:.1f} ms", f"{floor_p95 * 1000:.1f} ms"),
        ("didChange -> diagnostics:", f"{median * 1000:.1f} ms", f"{p95 * 1000:.1f} ms"),
        ("ratio (LSP / in process):", f"{median / floor_median:.2f}x", f"{p95 / floor_p95:.2f}x"),
    )
    for label, mid, high in rows:
        print(f"{label:<30}median {mid:>9}   p95 {high:>9}")


if __name__ == "__main__":
    main()
