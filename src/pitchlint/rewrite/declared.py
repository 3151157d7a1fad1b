"""A rule's declared `fix:` made into edits on one finding: a rewrite move by name, or
deleting or replacing the match. Moves read the draft's analysis, not the rule context: the
engine hands this to the context as `fix_for`, and nothing here imports the context."""

from __future__ import annotations

from pitchlint.analysis import Analysis
from pitchlint.findings import Applicability, Edit, Fix
from pitchlint.fixes import deletion, empties_body
from pitchlint.rewrite import get_move
from pitchlint.rewrite.topic import with_draft_topic
from pitchlint.rules.schema import FixSpec


def fix_from_spec(spec: FixSpec, analysis: Analysis, start: int, end: int) -> Fix | None:
    """The declared fix on a match: a rewrite move, or delete the match (with the space it
    leaves), or replace it. None when the move has nothing safe to offer here."""
    if spec.move is not None:
        spec = with_draft_topic(spec, analysis)
        function = get_move(spec.move)
        edits = function(analysis, start, end, spec) if function else None
        if not edits or empties_body(analysis.draft, edits):
            return None
        return Fix(tuple(edits), Applicability(spec.applicability), spec.title)
    if spec.action == "replace":
        edit = Edit(start, end, spec.replacement)
    else:
        edit = deletion(analysis.draft.text, start, end)
    return Fix((edit,), Applicability(spec.applicability), spec.title)
