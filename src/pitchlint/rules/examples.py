"""A rule file's examples, run as tests: `pitchlint test-rules` for a team's own rule folder,
and the suite's test of the bundled rules (tests/rules/test_rule_examples.py), by one judge.

A bad example must fire its rule, on `match` when given, with every finding's span reading as
its matched words; its `fixed` must be exactly what the rule's fix makes (every applicability
applied, as `rewrite` does, the rule judged alone) and must no longer fire. A bad example with
no `fixed` must be one the fix declines or leaves firing. A good example (a near miss) must
not fire. A rule is judged with the rules it `yields_to`, as it runs in the full set."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pitchlint.config import Config
from pitchlint.draft import Draft, DraftError, parse_draft
from pitchlint.findings import Finding
from pitchlint.rules.schema import COLLECTION_KINDS, BadExample, GoodExample, LoadedRule

if TYPE_CHECKING:
    from pitchlint.engine import Engine


class UnreadableExample(Exception):
    """A sequence or batch example some of whose steps or rows cannot be read."""


@dataclass(frozen=True)
class ExampleResult:
    rule: LoadedRule
    kind: str  # "bad" or "good"
    index: int
    text: str
    problem: str | None  # None: the example holds

    @property
    def where(self) -> str:
        return f"{self.rule.path}: {self.rule.id}: {self.kind} example {self.index}"


class ExampleJudge:
    """Judges examples against `rules` (the whole rule set the examples' rules run in)."""

    def __init__(self, rules: Sequence[LoadedRule], config: Config | None = None) -> None:
        self.rules = tuple(rules)
        self.config = config or Config()
        self._engines: dict[tuple[str, ...], Engine] = {}

    def results(self, judged: Sequence[LoadedRule]) -> Iterator[ExampleResult]:
        for rule in judged:
            if not rule.spec.examples.bad:
                yield ExampleResult(
                    rule, "bad", 0, "", "no bad example: nothing shows what the rule fires on"
                )
            for index, bad in enumerate(rule.spec.examples.bad):
                yield ExampleResult(rule, "bad", index, bad.text, self.bad(rule, bad))
            for index, good in enumerate(rule.spec.examples.good):
                yield ExampleResult(rule, "good", index, good.text, self.good(rule, good))

    def bad(self, rule: LoadedRule, example: BadExample) -> str | None:
        try:
            found = self.findings(rule, example.text)
        except UnreadableExample as exc:
            return str(exc)
        if not found:
            return f"did not fire on {example.text!r}"
        for draft, finding in found:
            if draft.text[finding.start : finding.end] != finding.matched:
                return f"a finding's span does not read as its matched words {finding.matched!r}"
        matched = [f.matched for _, f in found]
        if example.match is not None and example.match not in matched:
            return f"expected a match on {example.match!r}, got {matched}"
        if rule.spec.fix is None or rule.kind in COLLECTION_KINDS:
            return None
        from pitchlint.fixer import rewrite_draft

        outcome = rewrite_draft(self._engine((rule.id,)), found[0][0], judged=False)
        if example.fixed is not None:
            if outcome.draft.text != example.fixed:
                return f"the fix gives {outcome.draft.text!r}, not `fixed` {example.fixed!r}"
            if outcome.report.findings:
                return f"the fixed text still fires: {[f.matched for f in outcome.report.findings]}"
        elif outcome.draft.text != example.text and not outcome.report.findings:
            return f"the fix rewrites it to {outcome.draft.text!r}; add that as `fixed`"
        return None

    def good(self, rule: LoadedRule, example: GoodExample) -> str | None:
        try:
            found = [f for _, f in self.findings(rule, example.text)]
        except UnreadableExample as exc:
            return str(exc)
        return f"fired on a near miss, on {[f.matched for f in found]}" if found else None

    def findings(self, rule: LoadedRule, text: str) -> list[tuple[Draft, Finding]]:
        """The rule's findings on an example: a draft; a sequence YAML document or a CSV
        batch for a rule across emails (judged with every rule: it reads their findings)."""
        if rule.kind in COLLECTION_KINDS:
            return self._across(rule, text)
        engine = self._engine((rule.id, *rule.spec.yields_to))
        draft = parse_draft(text, f"<{rule.id} example>")
        (report,) = engine.check([draft])
        return [(report.draft, f) for f in report.findings if f.rule == rule.id]

    def _across(self, rule: LoadedRule, text: str) -> list[tuple[Draft, Finding]]:
        from pitchlint.inputs.load import Loaded
        from pitchlint.run import check_loaded

        try:
            if rule.kind == "sequence":
                from pitchlint.inputs.sequence import read_sequence

                emails, info = read_sequence(f"<{rule.id} example>.yaml", text)
                loaded = Loaded(emails, [], [info])
            else:
                from pitchlint.inputs.tabular import read_csv

                emails, skipped = read_csv(f"<{rule.id} example>.csv", text)
                if skipped:
                    raise DraftError(f"rows that cannot be read: {'; '.join(s.reason for s in skipped)}")
                loaded = Loaded(emails)
        except DraftError as exc:
            raise UnreadableExample(str(exc)) from None
        reports = check_loaded(self._engine(()), loaded)
        return [(r.draft, f) for r in reports for f in r.findings if f.rule == rule.id]

    def _engine(self, selection: tuple[str, ...]) -> Engine:
        """An engine running these rules (all of them for an empty selection); every engine
        shares the loaded pipeline."""
        from pitchlint.engine import Engine

        if selection not in self._engines:
            config = dataclasses.replace(self.config, select=selection) if selection else self.config
            self._engines[selection] = Engine(config, rules=self.rules)
        return self._engines[selection]
