"""Reporters share one interface: render(reports, skipped) -> str."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pitchlint.report import Report
from pitchlint.sources import Skipped

Render = Callable[[Sequence[Report], Sequence[Skipped]], str]


def get_reporter(name: str) -> Render:
    from pitchlint.reporters import concise, github, json_report, sarif, text

    renderers = {
        "text": text.render,
        "full": text.render,
        "concise": concise.render,
        "json": json_report.render,
        "github": github.render,
        "sarif": sarif.render,
    }
    return renderers[name]


FORMATS = ("text", "full", "concise", "json", "github", "sarif")
