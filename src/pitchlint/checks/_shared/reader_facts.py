"""Reader facts as the rules read them on one draft: the reader-fact model of
`pitchlint.analysis.reader`, run once per draft, with the personal-life sentences that
creepy-personal-reference reports (the reading rule declares `reads:` for it) kept out."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from pitchlint.analysis.reader import SPECIFICS_DEFAULTS, TEMPLATE_EVIDENCE, Specifics
from pitchlint.context import RuleContext

CREEPY_RULE = "creepy-personal-reference"


def spans_of(ctx: RuleContext, rule_id: str) -> list[tuple[int, int]]:
    """Where another rule reports on this draft, as that rule's own check judges it (so
    "template residue" means what merge-field-artifacts says, "personal-life fact" what
    creepy-personal-reference says). The asking rule declares it under `reads:`."""
    return [(f.start, f.end) for f in ctx.findings_of(rule_id)]


def reader_facts(ctx: RuleContext, params: dict[str, Any]) -> list[tuple[Span, str]]:
    """The sentences that hold a fact about this reader, and what it is (once per draft for
    the rules that read it with the default lists)."""
    creepy = spans_of(ctx, CREEPY_RULE)
    if any(params.get(k) not in (None, SPECIFICS_DEFAULTS[k]) for k in SPECIFICS_DEFAULTS):
        return Specifics(ctx.analysis, params, creepy).found  # a config override of the lists
    if "reader_facts" not in ctx.memo:
        ctx.memo["reader_facts"] = Specifics(ctx.analysis, {}, creepy).found
    return list(ctx.memo["reader_facts"])


def researched(ctx: RuleContext, params: dict[str, Any]) -> list[tuple[Span, str]]:
    """The body sentences that show research done, not a merge field or a CRM company name."""
    return [
        (sent, reason)
        for sent, reason in reader_facts(ctx, params)
        if not reason.startswith(TEMPLATE_EVIDENCE) and ctx.draft.zone_at(sent.start_char) != "subject"
    ]
