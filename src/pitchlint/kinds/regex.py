"""regex kind: regular expressions plus the conditions rules like passive-cta need (a closing
window, cases with their own severity and touch, runs of sentences merged, quiet facts).

A rule that is only patterns and conditions is data, not code: its YAML says all of it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.vocab import Vocab

from pitchlint.analysis.spans import Hit, any_match, earliest, hit_at, hit_of, matches_in, span_text
from pitchlint.context import RuleContext
from pitchlint.draft import Draft
from pitchlint.findings import Finding, Severity
from pitchlint.params import compile_all
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.schema import RegexCase, RegexRule

_WORD_RE = re.compile(r"\w")


def _remembered_meeting(ctx: RuleContext) -> bool:
    """The reader-fact model found a meeting with a name, a place or a date ("I met you last
    June at Smith & Wollensky's"): what fake-familiarity must not call fake."""
    from pitchlint.checks._shared.reader_facts import researched

    return any(reason == "a meeting they will remember" for _sent, reason in researched(ctx, {}))


# what each `quiet_when` fact reads; the schema's QuietFact names the same set
QUIET_FACTS: dict[str, Callable[[RuleContext], bool]] = {
    "customer": lambda ctx: ctx.draft.meta.relationship == "customer",
    "genuine-question": lambda ctx: ctx.analysis.genuine_questions > 0,
    "remembered-meeting": _remembered_meeting,
}


@dataclasses.dataclass(frozen=True)
class _Case:
    spec: RegexCase
    patterns: tuple[re.Pattern[str], ...]
    severity: Severity | None


@dataclasses.dataclass(frozen=True)
class _Compiled:
    """A regex rule's settings with their patterns compiled (the file's, or a config's
    override laid over them)."""

    spec: RegexRule
    cases: tuple[_Case, ...]
    skip: tuple[re.Pattern[str], ...]
    quiet: tuple[re.Pattern[str], ...]


def _patterns(values: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return compile_all(tuple(values), wrapping=True)


def _compiled(spec: RegexRule) -> _Compiled:
    cases = tuple(
        _Case(c, _patterns(c.patterns), Severity.parse(c.severity) if c.severity else None)
        for c in spec.cases
    )
    return _Compiled(spec, cases, _patterns(spec.closing_skip_patterns), _patterns(spec.quiet_patterns))


class RegexChecker:
    def __init__(self, rule: LoadedRule, vocab: Vocab) -> None:
        spec = rule.spec
        assert isinstance(spec, RegexRule)
        self.rule = rule
        self.own = _compiled(spec)
        self._overridden: dict[str, _Compiled] = {}  # per config override, compiled once

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        settings = self._settings(ctx.params.get(self.rule.id))
        if any(QUIET_FACTS[name](ctx) for name in settings.spec.quiet_when):
            return
        hits = (
            self._zone_hits(ctx, settings)
            if settings.spec.unit == "zone"
            else self._sentence_hits(ctx, settings)
        )
        for case, (start, end) in hits:
            finding = ctx.finding(self.rule, start, end, severity=case.severity, detail=case.spec.detail)
            if finding.fix is not None and self._empties_zone(ctx.draft, start, end):
                finding = dataclasses.replace(finding, fix=None)  # nothing would be left: advise
            yield finding

    def _settings(self, overrides: dict[str, Any] | None) -> _Compiled:
        if not overrides:  # (checked against the schema when the engine was built)
            return self.own
        key = json.dumps(overrides, sort_keys=True, default=str)
        if key not in self._overridden:
            merged = {**self.own.spec.model_dump(), **overrides}
            self._overridden[key] = _compiled(RegexRule.model_validate(merged))
        return self._overridden[key]

    def _sentence_hits(self, ctx: RuleContext, settings: _Compiled) -> Iterator[tuple[_Case, Hit]]:
        spec = settings.spec
        sentences = ctx.analysis.sentences_in(self.rule.spec.scope)
        if settings.quiet and any(any_match(sent, settings.quiet) for sent in sentences):
            return
        if spec.closing_sentences is not None:
            content = [s for s in sentences if not any(p.search(span_text(s).strip()) for p in settings.skip)]
            sentences = tuple(content[-spec.closing_sentences :])
        cases = _cases_for(ctx, settings)
        zone = ctx.draft.zone_at
        run: tuple[_Case, Hit] | None = None
        for sent in sentences:
            found = _first_case(
                cases, lambda case, sent=sent: (hit_of(sent, m) for m in matches_in(sent, case.patterns))
            )
            if (
                found is not None
                and run is not None
                and found[0] is run[0]
                and zone(run[1][0]) == zone(found[1][0])
            ):
                run = (run[0], (run[1][0], found[1][1]))
                continue
            if run is not None:
                yield run
                run = None
            if found is not None and found[0].spec.merge_runs:
                run = found
            elif found is not None:
                yield found
        if run is not None:
            yield run

    def _zone_hits(self, ctx: RuleContext, settings: _Compiled) -> Iterator[tuple[_Case, Hit]]:
        draft = ctx.draft
        cases = _cases_for(ctx, settings)
        for zone in draft.zones:
            if zone.name not in self.rule.spec.scope:
                continue
            text = draft.text[zone.start : zone.end]
            found = _first_case(
                cases,
                lambda case, text=text, at=zone.start: (
                    hit_at(at, m) for p in case.patterns for m in p.finditer(text)
                ),
            )
            if found is not None:
                yield found

    def _empties_zone(self, draft: Draft, start: int, end: int) -> bool:
        """Whether deleting the hit would leave its zone without a word ("(Re: Re:)" as the
        whole subject): then the finding advises instead of editing."""
        fix = self.rule.spec.fix
        if fix is None or fix.action != "delete" or fix.move is not None:
            return False
        zone = next((z for z in draft.zones if z.start <= start < z.end), None)
        if zone is None:
            return False
        rest = draft.text[zone.start : start] + draft.text[end : zone.end]
        return _WORD_RE.search(rest) is None


def _cases_for(ctx: RuleContext, settings: _Compiled) -> tuple[_Case, ...]:
    """The cases that apply to this draft's touch."""
    follow_up = ctx.draft.meta.is_follow_up
    return tuple(
        case
        for case in settings.cases
        if case.spec.when == "any" or (case.spec.when == "follow-up") == follow_up
    )


def _first_case(
    cases: Iterable[_Case], hits_of: Callable[[_Case], Iterable[Hit]]
) -> tuple[_Case, Hit] | None:
    """The first case with a hit, and its earliest hit (widened by those overlapping it)."""
    for case in cases:
        hit = earliest(hits_of(case))
        if hit is not None:
            return case, hit
    return None
