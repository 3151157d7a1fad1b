"""Inline control of rules, in comments that survive template engines and email clients.

    <!-- pitchlint-disable rule-a, rule-b -->   ... until <!-- pitchlint-enable rule-a -->
    <!-- pitchlint-disable-next-line rule-a -->
    {# pitchlint: disable=rule-a,rule-b #}      (Jinja; also enable= and disable-next-line=)
    {% comment %}pitchlint: disable=rule-a{% endcomment %}   (Liquid, the same forms)
    {{!-- pitchlint: disable=rule-a --}}, {{! pitchlint-disable-next-line rule-a }}   (Handlebars)
    front matter:  pitchlint-disable: [rule-a]  (the whole file)

No rule ids means every rule. Comments are never judged as prose and fixes leave them in place
(see `Draft.comments`). `unused` tells which directives suppressed nothing, so stale disables
can be found (`--show-unused-disables`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pitchlint.findings import Finding

# comments that never reach the reader, blanked before the parse so that they are never prose:
# HTML, Liquid's {% comment %} ... {% endcomment %}, Jinja's {# ... #} and Handlebars'
# {{!-- ... --}} and {{! ... }}
HTML_COMMENT_RE = re.compile(
    r"<!--.*?-->|\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}"
    r"|\{#.*?#\}|\{\{!--.*?--\}\}|\{\{![^}]*\}\}",
    re.S,
)
_DIRECTIVE_RE = re.compile(
    r"<!--\s*pitchlint-(?P<html>disable-next-line|disable|enable)\b(?P<html_rules>.*?)-->"
    r"|\{#\s*pitchlint\s*:\s*(?P<jinja>disable-next-line|disable|enable)\s*"
    r"(?:=\s*(?P<jinja_rules>[^#]*?))?\s*#\}"
    r"|\{%-?\s*comment\s*-?%\}\s*pitchlint\s*:\s*(?P<liquid>disable-next-line|disable|enable)\s*"
    r"(?:=\s*(?P<liquid_rules>[^{]*?))?\s*\{%-?\s*endcomment\s*-?%\}"
    # Handlebars, in either spelling: {{!-- pitchlint: disable=a --}}, {{! pitchlint-disable-next-line a }}
    r"|\{\{!(?:--)?\s*pitchlint(?:-|\s*:\s*)(?P<hbs>disable-next-line|disable|enable)\b\s*=?"
    r"(?P<hbs_rules>[^}]*?)\s*(?:--)?\}\}",
    re.I | re.S,
)
_RULE_ID_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Directive:
    action: str  # disable | enable | disable-next-line | file
    rules: frozenset[str]  # empty: every rule
    start: int
    end: int

    def covers(self, rule: str, family: str) -> bool:
        return not self.rules or rule in self.rules or family in self.rules


@dataclass(frozen=True)
class Suppression:
    directive: Directive
    start: int
    end: int


def find_directives(text: str, file_rules: Sequence[str] = ()) -> tuple[Directive, ...]:
    """Every directive in the text, in order; `file_rules` come from front matter."""
    found = [Directive("file", frozenset(file_rules), 0, 0)] if file_rules else []
    for match in _DIRECTIVE_RE.finditer(text):
        kind = next(k for k in ("html", "jinja", "liquid", "hbs") if match.group(k))
        action = match.group(kind).lower()
        names = match.group(f"{kind}_rules") or ""
        found.append(Directive(action, frozenset(_RULE_ID_RE.findall(names.lower())), *match.span()))
    return tuple(found)


def suppressions(text: str, directives: Iterable[Directive]) -> list[Suppression]:
    """The stretch of text each directive silences."""
    ordered = list(directives)
    out = []
    for i, directive in enumerate(ordered):
        if directive.action == "file":
            out.append(Suppression(directive, 0, len(text)))
        elif directive.action == "disable-next-line":
            line_end = text.find("\n", directive.end)
            if line_end != -1:
                next_end = text.find("\n", line_end + 1)
                out.append(Suppression(directive, line_end + 1, len(text) if next_end == -1 else next_end))
        elif directive.action == "disable":
            enables = (d for d in ordered[i + 1 :] if d.action == "enable" and _ends(directive, d))
            stop = next((d.start for d in enables), len(text))
            out.append(Suppression(directive, directive.end, stop))
    return out


def _ends(disable: Directive, enable: Directive) -> bool:
    """An enable without ids ends every disable; with ids, the disables it names."""
    return not enable.rules or not disable.rules or bool(enable.rules & disable.rules)


def apply_directives(
    text: str, findings: Sequence[Finding], directives: Sequence[Directive]
) -> tuple[list[Finding], tuple[Directive, ...]]:
    """The findings no directive silences, and the disabling directives that silenced none."""
    ranges = suppressions(text, directives)
    used: set[Directive] = set()
    kept = []
    for finding in findings:
        hits = [
            r.directive
            for r in ranges
            if r.start <= finding.start < r.end and r.directive.covers(finding.rule, finding.family)
        ]
        used.update(hits)
        if not hits:
            kept.append(finding)
    unused = tuple(r.directive for r in ranges if r.directive not in used)
    return kept, unused
