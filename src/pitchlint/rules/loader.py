"""Load rule folders into validated rules, naming the file, line and field of any error."""

from __future__ import annotations

import difflib
import functools
import string
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from pitchlint.errors import RuleError
from pitchlint.rules import bundled_rules_dir  # noqa: F401  (re-exported)
from pitchlint.rules.schema import (
    DependencyRule,
    LoadedRule,
    PatternRule,
    PhraseRule,
    RatioRule,
    RegexRule,
    Rule,
    RuleBase,
)

_RULE_ADAPTER: TypeAdapter[Any] = TypeAdapter(Rule)
_AGENCY_NEEDS = frozenset({"pos", "lemma", "dep"})
_ATTR_NEEDS = {
    "POS": "pos",
    "TAG": "pos",
    "MORPH": "pos",
    "LEMMA": "lemma",
    "DEP": "dep",
    "ENT_TYPE": "ner",
    "ENT_IOB": "ner",
    "ENT_ID": "ner",
    "SENT_START": "sents",
    "IS_SENT_START": "sents",
}


def load_rules(folders: Sequence[Path], *, with_spacy: bool = True) -> tuple[LoadedRule, ...]:
    """Every `*.yaml` rule under the folders (folder name = family), in a stable order.
    `with_spacy=False` skips the checks that import spaCy (each `fix.move` exists, Matcher
    patterns are valid): for scoring cached results, which never matches or fixes anything;
    the engine that parses loads the rules with them."""
    rules: dict[str, LoadedRule] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RuleError(folder, None, None, "rule folder does not exist")
        for path in sorted(folder.rglob("*.y*ml")):
            rule = load_rule_file(path, with_spacy=with_spacy)
            if rule.id in rules:
                raise RuleError(path, None, "id", f"duplicate rule id, also in {rules[rule.id].path}")
            rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda r: (r.family, r.id)))


# libyaml's loader when PyYAML was built with it: every check that is not served from the
# cache loads all rule files, and the pure-Python parser made that most of a warm run
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_rule_file(path: Path, *, with_spacy: bool = True) -> LoadedRule:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, None, None, f"cannot read rule file: {exc}") from exc
    node = _Composed(text)  # the node tree, for the line of a problem: built only if one is found
    try:
        data = yaml.load(text, Loader=_LOADER)  # a safe loader, C or Python
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleError(path, mark.line + 1 if mark else None, None, f"invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(path, 1, None, "a rule file must be a mapping of keys")
    try:
        spec = _RULE_ADAPTER.validate_python(data)
    except ValidationError as exc:
        errors = exc.errors()
        error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        loc = [part for part in error["loc"] if part != data.get("kind")]
        field = ".".join(str(p) for p in loc) or None
        problem = error["msg"]
        if error["type"] == "extra_forbidden":
            missing = [str(e["loc"][-1]) for e in errors if e["type"] == "missing"]
            hint = difflib.get_close_matches(str(loc[-1]), missing, n=1)
            problem = "unknown key" + (f" (did you mean `{hint[0]}`?)" if hint else "")
        elif error["type"] == "union_tag_invalid":
            problem = f"unknown kind {data.get('kind')!r}; kinds: {', '.join(_kinds())}"
            field = "kind"
        raise RuleError(path, _line_of(node, loc), field, problem) from None
    family = path.parent.name
    if spec.family is not None and spec.family != family:
        raise RuleError(
            path,
            _line_of(node, ["family"]),
            "family",
            f"{spec.family!r} does not match its folder {family!r}",
        )
    if spec.id != path.stem:
        raise RuleError(
            path,
            _line_of(node, ["id"]),
            "id",
            f"{spec.id!r} does not match the file name {path.stem!r}",
        )
    _check_placeholders(spec, path, node)
    if with_spacy:
        _check_move(spec, path, node)
        _validate_spacy_patterns(spec, path, node)
    requires = frozenset(spec.requires) | _derived_requires(spec)
    return LoadedRule(spec=spec, path=path, family=family, requires=requires)


def _kinds() -> Iterable[str]:
    from pitchlint.rules.schema import KINDS

    return KINDS


def field_line(path: Path, loc: Sequence[Any]) -> int | None:
    """The line of a field in a rule file, for problems found after loading (a name of
    another rule that the rule set does not have)."""
    try:
        return _line_of(yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER), loc)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


class _Composed:
    """A rule file's YAML node tree, composed when a line number is first asked for: a valid
    file (nearly every load) needs none, and composing doubled the YAML work of a cold check."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def node(self) -> yaml.Node | None:
        try:
            return yaml.compose(self.text, Loader=_LOADER)
        except yaml.YAMLError:
            return None


def _line_of(node: yaml.Node | _Composed | None, loc: Sequence[Any]) -> int | None:
    """The 1-based line of the YAML node at `loc` (or of its nearest existing parent)."""
    if isinstance(node, _Composed):
        node = node.node
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                return line
            key, node = match
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _check_placeholders(spec: RuleBase, path: Path, node: _Composed) -> None:
    allowed = {"match", *spec.params.get("message_fields", [])}
    allowed |= {"value", "limit", "count", "total", "ratio", "detail"}
    for _, name, _, _ in string.Formatter().parse(spec.message):
        if name and name.split(".")[0] not in allowed:
            raise RuleError(
                path,
                _line_of(node, ["message"]),
                "message",
                f"unknown placeholder {{{name}}}; use {sorted(allowed)}",
            )


def _check_move(spec: RuleBase, path: Path, node: _Composed) -> None:
    if spec.fix is None or spec.fix.move is None:
        return
    from pitchlint.rewrite import declared_moves

    moves = declared_moves()  # read from the source: importing every move would load spaCy
    if spec.fix.move not in moves:
        raise RuleError(
            path,
            _line_of(node, ["fix", "move"]),
            "fix.move",
            f"no rewrite move named {spec.fix.move!r}; known: {', '.join(sorted(moves))}",
        )


def _derived_requires(spec: RuleBase) -> frozenset[str]:
    """Annotations a rule's patterns and filters use, whatever its `requires` says."""
    needs: set[str] = set()
    patterns: list[list[dict[str, Any]]] = []
    if isinstance(spec, (PatternRule, DependencyRule)):
        patterns.extend(p.tokens for p in spec.patterns)
        for p in spec.patterns:
            if p.filters and (p.filters.agency or p.filters.questions != "any"):
                needs |= _AGENCY_NEEDS
    if isinstance(spec, RatioRule):  # counts seller and reader clauses
        needs |= {"pos", "lemma", "dep"}
    if isinstance(spec, RegexRule):
        if spec.unit == "sentence":
            needs.add("sents")
        if set(spec.quiet_when) & {"genuine-question", "remembered-meeting"}:
            needs |= {"pos", "lemma", "dep"}  # questions and reader facts read the parse
    if isinstance(spec, DependencyRule):
        needs.add("dep")
        patterns.extend([n.get("RIGHT_ATTRS", {}) for n in p] for p in spec.dependency_patterns)
    if isinstance(spec, (PhraseRule, PatternRule, DependencyRule)):
        filters = spec.filters
        if filters.agency or filters.questions != "any":
            needs |= _AGENCY_NEEDS
        if filters.sentences:
            needs.add("sents")
    for pattern in patterns:
        for token in pattern:
            for attr in token:
                if attr.upper() in _ATTR_NEEDS:
                    needs.add(_ATTR_NEEDS[attr.upper()])
    return frozenset(needs)


@functools.lru_cache(maxsize=1)
def _validation_vocab():  # type: ignore[no-untyped-def]
    """A bare vocabulary: the Matcher's pattern schema needs no language (`spacy.blank("en")`
    built one in 0.17 s of every cold check for nothing)."""
    from spacy.vocab import Vocab

    return Vocab()


def _validate_spacy_patterns(spec: RuleBase, path: Path, node: _Composed) -> None:
    """Let spaCy's own pattern schema judge Matcher and DependencyMatcher patterns."""
    from spacy.matcher import DependencyMatcher, Matcher

    if isinstance(spec, (PatternRule, DependencyRule)):
        matcher = Matcher(_validation_vocab(), validate=True)
        for i, pattern in enumerate(spec.patterns):
            try:
                matcher.add(f"p{i}", [pattern.tokens])
            except Exception as exc:  # spaCy raises MatchPatternError / ValueError
                raise RuleError(
                    path, _line_of(node, ["patterns", i]), f"patterns.{i}", _one_line(exc)
                ) from None
    if isinstance(spec, DependencyRule):
        dep_matcher = DependencyMatcher(_validation_vocab(), validate=True)
        for i, pattern in enumerate(spec.dependency_patterns):
            try:
                dep_matcher.add(f"d{i}", [pattern])
            except Exception as exc:
                raise RuleError(
                    path,
                    _line_of(node, ["dependency_patterns", i]),
                    f"dependency_patterns.{i}",
                    _one_line(exc),
                ) from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:400]
