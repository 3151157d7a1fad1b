"""The schema of a rule file. Unknown keys are errors; every kind is a closed model.

Validation happens once at load time, so that a typo in a rule pack stops the run with the
file, the line and the field instead of silently matching nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Zone = Literal["subject", "greeting", "body", "ps", "signature", "quoted"]
Annotation = Literal["pos", "lemma", "dep", "ner", "sents"]
Agency = Literal["seller", "reader", "other"]
# whom a claim praises (pitchlint.analysis.claims): an agency, nobody (the object of an
# action, a denied claim), or a named source's verdict
Praised = Literal["seller", "reader", "other", "nobody", "sourced"]
SeverityName = Literal["info", "warning", "error"]

RULE_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DEFAULT_WEIGHTS = {"error": 15.0, "warning": 8.0, "info": 2.0}


class Strict(BaseModel):
    # allow_inf_nan=False: a `weight: .inf` or `ratio: .nan` in a rule file is an error naming
    # its field, not a score that overflows later
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class BadExample(Strict):
    text: str
    match: str | None = None
    fixed: str | None = None
    note: str | None = None


class GoodExample(Strict):
    text: str
    note: str | None = None


class Examples(Strict):
    bad: list[BadExample] = Field(default_factory=list)
    good: list[GoodExample] = Field(default_factory=list)

    @field_validator("bad", "good", mode="before")
    @classmethod
    def _plain_strings(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


class FixSpec(Strict):
    """A fix on the matched words: delete them, replace them with fixed text, or apply a named
    rewrite move (`pitchlint.rewrite`), which may edit the whole sentence around the match.
    `replacement` is the move's text where it takes one (a placeholder, a question)."""

    title: str
    applicability: Literal["safe", "unsafe", "suggestion"]
    action: Literal["delete", "replace"] = "delete"
    replacement: str = ""
    move: str | None = None


class Filters(Strict):
    """Where a match counts: the agency of its clause, whom it praises, the first N body
    sentences, questions."""

    agency: list[Agency] | None = None
    about: list[Praised] | None = None
    sentences: int | None = Field(default=None, ge=1)
    questions: Literal["any", "exclude", "only"] = "any"


class TokenPattern(Strict):
    tokens: list[dict[str, Any]]
    filters: Filters | None = None
    label: str | None = None


class Thresholds(Strict):
    info: float | None = None
    warning: float | None = None
    error: float | None = None


class MetricCheck(Strict):
    metric: str
    per: Literal["draft", "sentence"] = "draft"
    above: Thresholds | None = None
    below: Thresholds | None = None
    follow_up_above: Thresholds | None = None
    message: str | None = None

    @model_validator(mode="after")
    def _has_bound(self) -> MetricCheck:
        if self.above is None and self.below is None:
            raise ValueError("a metric check needs `above` or `below` thresholds")
        return self


def _regexes_compile(value: list[str]) -> list[str]:
    for i, pattern in enumerate(value):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {i} is not a valid regular expression: {exc}") from exc
    return value


def _rule_ids(names: list[str]) -> list[str]:
    for name in names:
        if not RULE_ID_RE.match(name):
            raise ValueError(f"{name!r} is not a rule id")
    return names


class RuleBase(Strict):
    id: str
    family: str | None = None
    summary: str
    severity: SeverityName
    scope: list[Zone] = Field(default_factory=lambda: ["greeting", "body", "ps"])
    # as-sent: only a draft judged as the reader gets it (a finished email, a rewrite as sent)
    when: Literal["any", "first-touch", "follow-up", "as-sent"] = "any"
    # false: drafts that answer the reader's own message (front matter `in_reply_to`) are not
    # judged, e.g. length when the reader asked three detailed questions
    replies: bool = True
    requires: list[Annotation] = Field(default_factory=list)
    message: str
    why: str
    advice: str
    weight: float | None = Field(default=None, ge=0, le=100)
    weight_cap: float | None = Field(default=None, ge=0)
    # the least weight `pitchlint calibrate` may fit: a smell the outcome data are too few to
    # weigh but the product must grade down (a follow-up that is only a bump grades D or F)
    min_weight: float | None = Field(default=None, ge=0, le=95)
    # a positive signal (evidence of real research about the reader): its findings give points
    # back instead of taking them, and never fail a run; only such a rule may carry a bonus
    positive: bool = False
    fix: FixSpec | None = None
    fix_safety: str | None = None
    references: list[str] = Field(default_factory=list)
    params: dict[str, Any] = Field(default_factory=dict)
    # rules whose finding wins where both report the same words: the engine drops this rule's
    # finding when it overlaps one of theirs (no rule looks at another to stay quiet)
    yields_to: list[str] = Field(default_factory=list)
    examples: Examples

    @field_validator("id")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not RULE_ID_RE.match(value):
            raise ValueError("must be kebab-case, e.g. fake-reply-subject")
        return value

    @field_validator("yields_to")
    @classmethod
    def _yields_to_ids(cls, value: list[str]) -> list[str]:
        return _rule_ids(value)

    @model_validator(mode="after")
    def _fix_safety_documented(self) -> RuleBase:
        if self.fix is not None and self.fix.applicability != "safe" and not self.fix_safety:
            raise ValueError("a fix that is not safe needs `fix_safety` saying why")
        return self

    @model_validator(mode="after")
    def _positive_is_info(self) -> RuleBase:
        if self.positive and (self.severity != "info" or self.fix is not None):
            raise ValueError("a positive signal has severity info and no fix")
        return self

    @property
    def effective_weight(self) -> float:
        return self.weight if self.weight is not None else DEFAULT_WEIGHTS[self.severity]


class MatcherRule(RuleBase):
    filters: Filters = Field(default_factory=Filters)


class PhraseRule(MatcherRule):
    kind: Literal["phrase"]
    phrases: list[str] = Field(min_length=1)
    attr: Literal["LOWER", "ORTH"] = "LOWER"


class PatternRule(MatcherRule):
    kind: Literal["pattern"]
    patterns: list[TokenPattern] = Field(min_length=1)

    @field_validator("patterns", mode="before")
    @classmethod
    def _bare_lists(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"tokens": v} if isinstance(v, list) else v for v in value]
        return value


class DependencyRule(MatcherRule):
    kind: Literal["dependency"]
    dependency_patterns: list[list[dict[str, Any]]] = Field(min_length=1)
    patterns: list[TokenPattern] = Field(default_factory=list)

    _bare_lists = field_validator("patterns", mode="before")(PatternRule._bare_lists.__func__)


class RatioRule(RuleBase):
    kind: Literal["ratio"]
    numerator: str
    denominator: list[str] = Field(min_length=1)
    above: Thresholds
    min_total: int = Field(default=1, ge=1)


class MetricRule(RuleBase):
    kind: Literal["metric"]
    checks: list[MetricCheck] = Field(min_length=1)


class SubjectRule(RuleBase):
    kind: Literal["subject"]
    scope: list[Zone] = Field(default_factory=lambda: ["subject"])
    patterns: list[str] = Field(default_factory=list)
    max_chars: int | None = Field(default=None, ge=1)

    _patterns_compile = field_validator("patterns")(_regexes_compile)


class RegexCase(Strict):
    """One way a `regex` rule fires: its patterns, and what a hit is reported as. In each
    sentence (or zone) the first case with a hit reports it; later cases are not searched."""

    patterns: list[str] = Field(min_length=1)
    severity: SeverityName | None = None  # at most the rule's; default the rule's
    when: Literal["any", "first-touch", "follow-up"] = "any"
    detail: str = ""  # the message's `{detail}`
    # hits of this case in adjacent sentences of one zone are one finding ("Register now.
    # Seating is limited.")
    merge_runs: bool = False

    _patterns_compile = field_validator("patterns")(_regexes_compile)


# draft facts a `regex` rule can be quiet for (pitchlint.kinds.regex names what each reads)
QuietFact = Literal["customer", "genuine-question", "remembered-meeting"]


class RegexRule(RuleBase):
    """Regular expressions and conditions: for rules that need no code of their own.
    Patterns are case-insensitive and a space in one also matches a line break."""

    kind: Literal["regex"]
    # sentence: each sentence of the rule's zones; zone: each zone's whole text (no parse)
    unit: Literal["sentence", "zone"] = "sentence"
    cases: list[RegexCase] = Field(min_length=1)
    # only the last N sentences count (the closing), not counting those that match a skip
    # pattern (sign-offs, courtesy lines, unsubscribe footers)
    closing_sentences: int | None = Field(default=None, ge=1)
    closing_skip_patterns: list[str] = Field(default_factory=list)
    # a match in any of the rule's sentences keeps the whole rule quiet on the draft
    quiet_patterns: list[str] = Field(default_factory=list)
    quiet_when: list[QuietFact] = Field(default_factory=list)
    # rules whose findings a quiet fact reads (remembered-meeting: creepy-personal-reference)
    reads: list[str] = Field(default_factory=list)

    _patterns_compile = field_validator("closing_skip_patterns", "quiet_patterns")(_regexes_compile)

    @field_validator("reads")
    @classmethod
    def _read_names(cls, value: list[str]) -> list[str]:
        return _rule_ids(value)

    @model_validator(mode="after")
    def _closing_needs_sentences(self) -> RegexRule:
        if self.unit == "zone" and (self.closing_sentences or self.quiet_patterns):
            raise ValueError("`closing_sentences` and `quiet_patterns` count sentences: use unit: sentence")
        return self


class PythonRule(RuleBase):
    kind: Literal["python"]
    function: str | None = None
    # code may read anything of the parse: a python rule needs the shared analysis's parse
    # unless its file says `requires: []` (a check on the raw text or the subject line)
    requires: list[Annotation] = Field(default_factory=lambda: ["pos", "lemma", "dep"])
    # rules whose findings on the same draft this check reads (`ctx.findings_of`), judged by
    # the engine with their own params, whether or not they are selected
    reads: list[str] = Field(default_factory=list)

    @field_validator("reads")
    @classmethod
    def _read_names(cls, value: list[str]) -> list[str]:
        return _rule_ids(value)


class SequenceRule(RuleBase):
    """Judged across the steps of one sequence file; examples are sequence YAML documents."""

    kind: Literal["sequence"]


class BatchRule(RuleBase):
    """Judged across a whole graded set; examples are CSV batches (id, body columns)."""

    kind: Literal["batch"]


Rule = Annotated[
    PhraseRule
    | PatternRule
    | DependencyRule
    | RatioRule
    | MetricRule
    | SubjectRule
    | RegexRule
    | PythonRule
    | SequenceRule
    | BatchRule,
    Field(discriminator="kind"),
]
KINDS = (
    "phrase",
    "pattern",
    "dependency",
    "ratio",
    "metric",
    "subject",
    "regex",
    "python",
    "sequence",
    "batch",
)
# kinds that look across emails, run after every email has been checked on its own
COLLECTION_KINDS = ("sequence", "batch")


@dataclass(frozen=True)
class LoadedRule:
    """A validated rule file: its spec, where it is, its family (folder) and what it needs
    from the parse (declared and derived)."""

    spec: RuleBase
    path: Path
    family: str
    requires: frozenset[str]

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def kind(self) -> str:
        return self.spec.kind  # type: ignore[attr-defined,no-any-return]
