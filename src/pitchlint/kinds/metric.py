"""metric kind: textstat and counts with bounds, per draft or per sentence."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span
from spacy.vocab import Vocab

from pitchlint import metrics
from pitchlint.analysis.spans import trim
from pitchlint.context import RuleContext
from pitchlint.findings import Finding, Severity
from pitchlint.kinds.thresholds import crossed
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.schema import MetricCheck, MetricRule


class MetricChecker:
    def __init__(self, rule: LoadedRule, vocab: Vocab) -> None:
        spec = rule.spec
        assert isinstance(spec, MetricRule)
        for check in spec.checks:
            known = metrics.DRAFT_METRICS if check.per == "draft" else metrics.SENTENCE_METRICS
            if check.metric not in known:
                raise ValueError(
                    f"{rule.path}: unknown {check.per} metric {check.metric!r}; known: {sorted(known)}"
                )
        self.rule, self.spec = rule, spec

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        overrides = ctx.params_for(self.rule).get("thresholds", {})
        for check in self.spec.checks:
            bounds = overrides.get(check.metric)
            if check.per == "sentence":
                yield from self._per_sentence(ctx, check, bounds)
            else:
                yield from self._per_draft(ctx, check, bounds)

    def _per_draft(self, ctx: RuleContext, check: MetricCheck, bounds: dict | None) -> Iterable[Finding]:
        analysis = ctx.analysis
        if not analysis.body_sentences:
            return
        value = metrics.measure(analysis, check.metric)
        above = check.above
        if ctx.draft.meta.is_follow_up and check.follow_up_above is not None:
            above = check.follow_up_above
        for is_above, limits in ((True, bounds or above), (False, check.below)):
            severity = crossed(value, limits, above=is_above)
            if severity is None:
                continue
            limit = _bound(limits, severity)
            where: Span = analysis.body_sentences[0]
            if check.metric == "words" and is_above:
                where = metrics.word_boundary_sentence(analysis, limit) or where
            detail = check.message or metrics.DRAFT_METRICS[check.metric].description
            yield self._finding(ctx, where, severity, value, limit, detail)
            return

    def _per_sentence(self, ctx: RuleContext, check: MetricCheck, bounds: dict | None) -> Iterable[Finding]:
        measure = metrics.SENTENCE_METRICS[check.metric]
        for sent in ctx.analysis.body_sentences:
            value = measure(sent)
            severity = crossed(value, bounds or check.above, above=True)
            if severity is not None:
                limit = _bound(bounds or check.above, severity)
                detail = check.message or "words in one sentence"
                yield self._finding(ctx, sent, severity, value, limit, detail)

    def _finding(
        self, ctx: RuleContext, where: Span, severity: Severity, value: float, limit: float, detail: str
    ) -> Finding:
        span = trim(where)
        return ctx.finding(
            self.rule,
            span.start_char,
            span.end_char,
            severity=severity,
            value=_fmt(value),
            limit=_fmt(limit),
            detail=detail,
        )


def _bound(limits, severity) -> float:  # type: ignore[no-untyped-def]
    return float(limits[str(severity)] if isinstance(limits, dict) else getattr(limits, str(severity)))


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
