"""`claims-contradicted-by-email` (rules/value/claims-contradicted-by-email.yaml): Flags a product
claim of personalisation, targeting, engagement or sales excellence in an email that itself is
impersonal, carries template residue or is a late unanswered sequence step; and an attention-to-
detail claim in an email with template residue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from pitchlint.analysis.core import is_question
from pitchlint.analysis.reader import Reader, Specifics, _promise
from pitchlint.analysis.spans import span_text
from pitchlint.checks import check
from pitchlint.checks._shared.reader_facts import CREEPY_RULE, spans_of
from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.params import RuleParams


class Params(RuleParams):
    """`params` of claims-contradicted-by-email.yaml, checked: a key not here is an error."""

    personal_claims: list[str]
    detail_claims: list[str]
    sequence_touch: int


_OBSERVING_ROOTS = frozenset({"see", "notice", "read", "hear", "spot", "know", "wonder", "guess"})
_RESIDUE_RULE = "merge-field-artifacts"


# claims-contradicted-by-email ---------------------------------------------------------------


def _claim_context(reader: Reader, sent: Span) -> bool:
    """A sentence that sells (the seller or product speaking, an imperative, a promise), not a
    question and not a statement of the reader's own situation ("your reps spend hours")."""
    if is_question(sent):
        return False
    root = sent.root
    if root.lemma_.lower() in _OBSERVING_ROOTS and not any(c.dep_ == "auxpass" for c in root.children):
        return False  # "I noticed your reply rates dipped"; not "we are known for ..."
    return not (reader.is_subject(root) and not _promise(root))


@check("claims-contradicted-by-email")
def claims_contradicted_by_email(ctx: RuleContext, rule: LoadedRule) -> Iterator[Finding]:
    """A personalisation/targeting/engagement claim in an email that is impersonal, carries
    template residue, or is a late step of an unanswered sequence; an attention-to-detail
    claim in an email with template residue."""
    analysis = ctx.analysis
    params = ctx.params_for(rule)
    personal = [re.compile(p, re.I) for p in params.get("personal_claims", [])]
    detail = [re.compile(p, re.I) for p in params.get("detail_claims", [])]
    reader = Reader.of(analysis)
    claims: list[tuple[int, int, bool]] = []
    for sent in analysis.body_sentences:
        if not _claim_context(reader, sent):
            continue
        text = span_text(sent)
        for patterns, is_personal in ((personal, True), (detail, False)):
            for pattern in patterns:
                for match in pattern.finditer(text):
                    claims.append(
                        (sent.start_char + match.start(), sent.start_char + match.end(), is_personal)
                    )
    if not claims:
        return
    meta = analysis.draft.meta
    residue = bool(spans_of(ctx, _RESIDUE_RULE))
    creepy = spans_of(ctx, CREEPY_RULE)
    reasons_personal: list[str] = []
    if residue:
        reasons_personal.append("still carries template residue")
    if (
        meta.relationship != "customer"
        and not meta.is_reply
        and not Specifics(analysis, params, creepy).found
    ):
        reasons_personal.append("says nothing specific about this reader")
    if not meta.is_reply and meta.touch >= int(params.get("sequence_touch", 5)):
        reasons_personal.append(f"is touch {meta.touch} of a sequence they have not answered")
    taken: list[tuple[int, int]] = []
    for start, end, is_personal in sorted(claims):
        reasons = reasons_personal if is_personal else (["still carries template residue"] if residue else [])
        if not reasons or any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        yield ctx.finding(rule, start, end, detail=" and ".join(reasons))
