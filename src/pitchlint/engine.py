"""The rule engine: select rules, parse drafts once with the smallest pipeline the rules
need, run every rule's checker, and score the result."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from pitchlint.config import Config, ConfigError
from pitchlint.directives import apply_directives
from pitchlint.draft import PROSE_ZONES, Draft, DraftMeta
from pitchlint.errors import ParseRequired, RuleError
from pitchlint.findings import Finding
from pitchlint.report import Report, with_added
from pitchlint.rules.loader import LoadedRule, bundled_rules_dir, field_line, load_rules
from pitchlint.rules.schema import COLLECTION_KINDS
from pitchlint.score import CAP_FACTOR, Score, score_findings
from pitchlint.weights import weight_for

if TYPE_CHECKING:  # spaCy is imported when a draft is parsed, not before: rules across
    # emails and cached results need the engine without the pipeline
    from pitchlint.analysis import Analysis
    from pitchlint.kinds import Checker

BASE_REQUIRES = frozenset({"pos", "lemma", "dep"})  # the shared analysis parses every draft
# PITCHLINT_STRICT=1 (the test suite sets it): a rule that raises ends the run with its
# traceback instead of being reported and left out of that draft's grade
STRICT = os.environ.get("PITCHLINT_STRICT") == "1"
# spaCy adds every word it has not seen (a name, a figure) to the pipeline's vocabulary and
# never lets it go, so over a sent history the process that parses grows with every distinct
# word it meets. After this many emails the pipeline is loaded afresh (about a second).
RENEW_AFTER = 20_000


class Engine:
    def __init__(self, config: Config | None = None, rules: Sequence[LoadedRule] | None = None):
        self.config = config or Config()
        if rules is None:
            rules = load_rules([bundled_rules_dir(), *self.config.rule_folders])
        self.rules = tuple(rules)
        _check_config_names(self.config, self.rules)
        _check_rule_links(self.rules)
        for rule in self.rules:  # a python rule's params are checked when its code is loaded
            if rule.kind != "python" and rule.id in self.config.params:
                from pitchlint.rules.params import check_config_params

                check_config_params(rule, self.config)
        self.selected = tuple(
            _with_weight(rule, weight_for(rule, self.config))
            for rule in self.rules
            if _is_selected(rule, self.config)
        )
        # a rule another reads runs for it even when not selected (its findings are not reported)
        self._by_id = {r.id: r for r in self.rules} | {r.id: r for r in self.selected}
        self._yields = {r.id: frozenset(r.spec.yields_to) for r in self.rules if r.spec.yields_to}
        # rules across emails (sequence steps, a whole batch) run after the per-email ones
        self.collection_rules = tuple(r for r in self.selected if r.kind in COLLECTION_KINDS)
        self.per_email_rules = tuple(r for r in self.selected if r.kind not in COLLECTION_KINDS)
        self.notices: list[str] = []
        self.failures: list[str] = []  # a rule that raised on a draft: the run exits 2
        self._checkers: dict[tuple[str, int], Checker] = {}
        self._parsed = 0  # emails parsed with the pipeline now loaded

    def check(self, drafts: Sequence[Draft]) -> list[Report]:
        """Reports only: each draft's Doc and analysis are let go once it is checked, so a
        run over thousands of templates holds their reports, not their parses."""
        return [report for report, _analysis in self._each(drafts)]

    def inspect(self, drafts: Sequence[Draft]) -> list[tuple[Report, Analysis]]:
        """Reports together with the analysis behind them (for `pitchlint explain`)."""
        return list(self._each(drafts))

    def _each(self, drafts: Sequence[Draft]) -> Iterator[tuple[Report, Analysis]]:
        if not drafts:
            return
        from pitchlint.nlp import components_for, load_pipeline, parse_drafts, resolve_model

        model = resolve_model(self.config.model)
        rules = self.per_email_rules
        if model is None:
            runnable = tuple(r for r in rules if not self._requires(r))
            skipped = sorted(r.id for r in rules if self._requires(r))
            if skipped:
                self._notice(f"no trained spaCy pipeline installed: skipped {', '.join(skipped)}")
            rules = runnable
            components: frozenset[str] = frozenset()
        else:
            components = components_for(BASE_REQUIRES.union(*(self._requires(r) for r in rules)))
        nlp = load_pipeline(model, components, _lazy_components(self._with_read(rules)))
        zones = frozenset(PROSE_ZONES).union(*(r.spec.scope for r in rules))
        for rule in self._with_read(rules):  # a rule or config error ends the run before any output
            self._checker(rule, nlp.vocab)
        self._parsed += len(drafts)
        docs = parse_drafts(nlp, drafts, zones)
        for draft, doc in zip(drafts, docs, strict=True):
            yield self._check_one(draft, doc, rules, nlp.vocab)

    def _check_one(self, draft, doc, rules, vocab) -> tuple[Report, Analysis]:  # type: ignore[no-untyped-def]
        from pitchlint import metrics
        from pitchlint.analysis import Analysis
        from pitchlint.context import RuleContext
        from pitchlint.rewrite.declared import fix_from_spec

        analysis = Analysis(draft, doc, self.config.seller_names)
        ctx = RuleContext(draft, doc, analysis, self.config.params)
        ctx.fix_for = lambda spec, start, end: fix_from_spec(spec, analysis, start, end)
        judged: dict[str, list[Finding]] = {}
        ctx.judge = lambda rule_id: self._judged(self._by_id[rule_id], ctx, judged, vocab)
        findings: list[Finding] = []
        ignored = self.config.ignored_for(draft.path)
        for rule in rules:
            if not _applies(rule, draft.meta) or {rule.id, rule.family} & ignored:
                continue
            try:
                found = self._judged(rule, ctx, judged, vocab)
            except ParseRequired:  # its file claims no parse, its code reads one
                self._notice(f"rule {rule.id} reads the parse but its rule file says `requires: []`: skipped")
                continue
            except Exception as exc:  # one rule's bug on one odd draft must not end a batch
                if STRICT:
                    raise
                self.record_failures([f"{draft.path}: rule {rule.id} failed ({type(exc).__name__}: {exc})"])
                continue
            for finding in found:
                if draft.zone_at(finding.start) not in rule.spec.scope:
                    continue
                override = self.config.severity.get(rule.id) or self.config.severity.get(rule.family)
                if override is not None:
                    finding = dataclasses.replace(finding, severity=override)
                findings.append(finding)
        findings = _without_yielded(findings, self._yields)
        findings, unused = apply_directives(draft.text, _dedupe(findings), draft.directives)
        caps = _caps(rules)
        summary = metrics.summary(analysis) if doc.has_annotation("DEP") else {}
        score = score_findings(findings, caps, self.config.grades, summary)
        return Report(draft, tuple(findings), score, unused), analysis

    def with_findings(self, report: Report, extra: Sequence[Finding]) -> Report:
        """The report with findings from the rules across emails added (disable comments
        still apply) and the score taken again."""
        added = self.across_additions(report, extra)
        return report if added is None else with_added(report, *added)

    def across_additions(
        self, report: Report, extra: Sequence[Finding]
    ) -> tuple[tuple[Finding, ...], Score] | None:
        """The findings from the rules across emails that no disable comment silences, and the
        report's score with them; None when every one is silenced."""
        kept, _unused = apply_directives(report.draft.text, list(extra), report.draft.directives)
        if not kept:
            return None
        findings = with_added(report, tuple(kept), report.score).findings
        score = score_findings(findings, _caps(self.selected), self.config.grades, report.score.metrics)
        return tuple(kept), score

    def _judged(self, rule, ctx, judged, vocab) -> list[Finding]:  # type: ignore[no-untyped-def]
        """The rule's own findings on this draft, from one run: the rules that read them and
        the rule itself share it."""
        if rule.id not in judged:
            outer, ctx.current = ctx.current, rule
            try:
                judged[rule.id] = list(self._checker(rule, vocab).check(ctx))
            finally:
                ctx.current = outer
        return judged[rule.id]

    def _with_read(self, rules: Sequence[LoadedRule]) -> tuple[LoadedRule, ...]:
        """The rules and every rule they read, directly or through another."""
        found: dict[str, LoadedRule] = {}
        todo = list(rules)
        while todo:
            rule = todo.pop()
            if rule.id not in found:
                found[rule.id] = rule
                todo.extend(self._by_id[name] for name in getattr(rule.spec, "reads", ()))
        return tuple(found.values())

    def _requires(self, rule: LoadedRule) -> frozenset[str]:
        """What the rule needs from the parse, with what the rules it reads need."""
        return frozenset().union(*(r.requires for r in self._with_read([rule])))

    def renew_pipeline_if_grown(self) -> bool:
        """Let the pipeline go once it has parsed RENEW_AFTER emails, with the rule matchers
        built on its vocabulary; the next check loads it again, with the vocabulary it came
        with. True when it did (the caller then frees what the old pipeline held)."""
        if self._parsed < RENEW_AFTER:
            return False
        from pitchlint.nlp import renew_pipelines

        renew_pipelines()
        self._checkers.clear()
        self._parsed = 0
        return True

    def _checker(self, rule: LoadedRule, vocab) -> Checker:  # type: ignore[no-untyped-def]
        key = (rule.id, id(vocab))
        if key not in self._checkers:
            from pitchlint.kinds import build_checker

            checker = build_checker(rule, vocab)
            _check_params(rule, checker, self.config)
            self._checkers[key] = checker
        return self._checkers[key]

    def record_failures(self, failures: Sequence[str], *, shown: bool = False) -> None:
        """Rules that raised (here or in a worker): the run exits 2. Each is shown on stderr
        unless a worker process already printed it (a Dask worker's stderr is its own log)."""
        self.failures.extend(failures)
        for failure in () if shown else failures:
            self._notice(f"{failure}; graded without it (please report this)")

    def _notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)
            print(f"pitchlint: {message}", file=sys.stderr)


def _check_params(rule: LoadedRule, checker: Checker, config: Config) -> None:
    """A python rule's params against the `Params` model of its module; other kinds' config
    overrides were checked when the engine was built."""
    function = getattr(checker, "function", None)
    model = getattr(sys.modules.get(getattr(function, "__module__", "")), "Params", None)
    if model is not None:
        from pitchlint.rules.params import check_python_params

        check_python_params(rule, model, config)
    elif rule.kind == "python":
        from pitchlint.rules.params import check_config_params

        check_config_params(rule, config)


def _without_yielded(findings: list[Finding], yields: dict[str, frozenset[str]]) -> list[Finding]:
    """Drop a finding whose rule `yields_to` another rule that reports overlapping words: one
    thing said once, by the rule that says it best (declared in the rule file)."""
    if not yields:
        return findings
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in findings:
        spans[f.rule].append((f.start, f.end))
    return [
        f
        for f in findings
        if not any(
            _overlap((f.start, f.end), span) for other in yields.get(f.rule, ()) for span in spans[other]
        )
    ]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # a point: overlapping when it is inside the other
        return b[0] <= a[0] <= b[1] if a[0] == a[1] else a[0] <= b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def _check_rule_links(rules: Sequence[LoadedRule]) -> None:
    """`yields_to` and `reads` name rules of this rule set; no rule yields to or reads itself,
    and reads form no loop (each would judge the other first)."""
    known = {r.id: r for r in rules}
    for rule in rules:
        for key in ("yields_to", "reads"):
            for i, name in enumerate(getattr(rule.spec, key, ())):
                problem = None
                if name == rule.id:
                    problem = f"a rule cannot name itself in `{key}`"
                elif name not in known:
                    problem = f"no rule {name!r} in the rule set"
                if problem:
                    raise RuleError(rule.path, field_line(rule.path, [key, i]), key, problem)
    for rule in rules:
        todo = list(getattr(rule.spec, "reads", ()))
        seen: set[str] = set()
        while todo:
            name = todo.pop()
            if name == rule.id:
                raise RuleError(rule.path, field_line(rule.path, ["reads"]), "reads", "reads form a loop")
            if name not in seen:
                seen.add(name)
                todo.extend(getattr(known[name].spec, "reads", ()))


def _lazy_components(rules: Sequence[LoadedRule]) -> frozenset[str]:
    """The entity recognizer runs sentence by sentence on demand unless a rule's token
    patterns match on entity types: the Matcher reads them from every token."""
    eager = any("ner" in r.requires and r.kind != "python" for r in rules)
    return frozenset() if eager else frozenset({"ner"})


def _caps(rules: Sequence[LoadedRule]) -> dict[str, float]:
    return {r.id: r.spec.weight_cap or r.spec.effective_weight * CAP_FACTOR for r in rules}


def _is_selected(rule: LoadedRule, config: Config) -> bool:
    names = {rule.id, rule.family}
    if config.select and not names & set(config.select):
        return False
    return not names & set(config.ignore)


def _applies(rule: LoadedRule, meta: DraftMeta) -> bool:
    if meta.is_reply and not rule.spec.replies:
        return False
    when = rule.spec.when
    if when == "first-touch":
        return not meta.is_follow_up
    if when == "follow-up":
        return meta.is_follow_up
    if when == "as-sent":
        return meta.is_sent_as_is
    return True


def _with_weight(rule: LoadedRule, weight: float | None) -> LoadedRule:
    """The rule at a configured weight; a `weight_cap` moves with it, so repeated findings
    still cost at most the same multiple of one."""
    if weight is None:
        return rule
    update: dict[str, float | None] = {"weight": weight}
    spec = rule.spec
    if spec.weight_cap is not None and spec.effective_weight:
        update["weight_cap"] = spec.weight_cap * weight / spec.effective_weight
    return dataclasses.replace(rule, spec=spec.model_copy(update=update))


def _check_config_names(config: Config, rules: Sequence[LoadedRule]) -> None:
    known = {r.id for r in rules} | {r.family for r in rules}
    if config.weights_file is not None:
        from pitchlint.config import read_calibration

        weights, severity = read_calibration(config.weights_file)
        for name in (*weights, *severity):
            if name not in known:
                raise ConfigError(
                    f"{config.weights_file}: unknown rule `{name}` (calibrated for other rules?)"
                )
    where = str(config.path) if config.path else "config"
    named = [*config.select, *config.ignore, *config.severity, *config.weights, *config.params]
    named += [name for _, names in config.per_file_ignores for name in names]
    for name in named:
        if name not in known:
            import difflib

            hint = difflib.get_close_matches(name, sorted(known), n=1)
            suggestion = f" (did you mean `{hint[0]}`?)" if hint else ""
            raise ConfigError(f"{where}: unknown rule or family `{name}`{suggestion}")


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        key = (finding.rule, finding.start, finding.end)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique
