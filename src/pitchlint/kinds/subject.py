"""subject kind: regular expressions and a length bound on the subject line."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.vocab import Vocab

from pitchlint.context import RuleContext
from pitchlint.findings import Finding
from pitchlint.rules.loader import LoadedRule
from pitchlint.rules.schema import SubjectRule


class SubjectChecker:
    def __init__(self, rule: LoadedRule, vocab: Vocab) -> None:
        spec = rule.spec
        assert isinstance(spec, SubjectRule)
        self.rule, self.spec = rule, spec
        self.patterns = [re.compile(p) for p in spec.patterns]  # as written; (?i) for any case

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        zone = ctx.draft.zone("subject")
        if zone is None:
            return
        text = ctx.draft.text
        for pattern in self.patterns:
            for match in pattern.finditer(text, zone.start, zone.end):
                if match.end() > match.start():
                    yield ctx.finding(self.rule, match.start(), match.end())
        limit = ctx.params_for(self.rule).get("max_chars", self.spec.max_chars)
        length = zone.end - zone.start
        if limit is not None and length > limit:
            yield ctx.finding(self.rule, zone.start + limit, zone.end, value=length, limit=limit)
