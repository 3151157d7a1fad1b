"""Reporters share one interface: stream(reports, skipped) yields the output a piece at a
time (a report's worth), so a run over 20,000 files prints as it reads its reports back and
holds none of the output; render(reports, skipped) -> str joins the pieces."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from pitchlint.report import Report
from pitchlint.sources import Skipped

Stream = Callable[[Sequence[Report], Sequence[Skipped]], Iterator[str]]


def get_reporter(name: str) -> Stream:
    from pitchlint.reporters import concise, github, json_report, sarif, text

    streams: dict[str, Stream] = {
        "text": text.stream,
        "full": text.stream,
        "concise": concise.stream,
        "json": json_report.stream,
        "github": github.stream,
        "sarif": sarif.stream,
    }
    return streams[name]


FORMATS = ("text", "full", "concise", "json", "github", "sarif")
