"""A rule's documentation, rendered from its YAML (ruff's skeleton)."""

from __future__ import annotations

from pitchlint.config import Config
from pitchlint.rules.loader import LoadedRule


def rule_page(rule: LoadedRule, config: Config) -> str:
    """The page `pitchlint rule ID` prints, with the weight the config scores it by; the
    language server's hover and the local page show the same."""
    from pitchlint.weights import weight_for

    return rule_markdown(rule, weight_for(rule, config))


def rule_markdown(rule: LoadedRule, weight: float | None = None) -> str:
    """The rule's page; `weight` is the weight in use when it is not the rule file's own."""
    spec = rule.spec
    sign = "+" if spec.positive else ""
    shown = f"{sign}{spec.effective_weight:g}"
    if weight is not None and weight != spec.effective_weight:
        shown = f"{sign}{weight:g} (fitted to outcomes; {shown} in the rule file)"
    lines = [
        f"# {spec.id}",
        "",
        f"Family: {rule.family} · severity: {spec.severity} · kind: {spec.kind}"
        f" · applies to: {spec.when}{'' if spec.replies else ' (not replies)'}"
        f" · weight: {shown}" + (" · a positive signal" if spec.positive else ""),
        "",
    ]
    if spec.kind == "python":
        from pitchlint.checks import check_source

        source = check_source(getattr(spec, "function", None) or spec.id)
        lines += [f"Rule file: `{rule.family}/{rule.path.name}` · code: `{source or 'not found'}`", ""]
    else:
        whole = f"the whole rule: kind {spec.kind} needs no code"
        lines += [f"Rule file: `{rule.family}/{rule.path.name}` ({whole})", ""]
    lines += ["## What it flags", "", spec.summary.strip(), ""]
    lines += ["## Why it hurts replies", "", spec.why.strip(), ""]
    if spec.examples.bad:
        bad = spec.examples.bad[0]
        lines += ["## Example", "", _quote(bad.text), ""]
    lines += ["## Use instead", "", spec.advice.strip(), ""]
    if spec.examples.bad and spec.examples.bad[0].fixed:
        lines += [_quote(spec.examples.bad[0].fixed), ""]
    elif spec.examples.good:
        lines += ["For example:", "", _quote(spec.examples.good[0].text), ""]
    lines += ["## Fix safety", ""]
    if spec.fix is None:
        lines += ["No automatic fix: pitchlint shows advice only.", ""]
    else:
        lines += [f"{spec.fix.title} ({spec.fix.applicability})."]
        if spec.fix_safety:
            lines += ["", spec.fix_safety.strip()]
        lines += [""]
    if spec.references:
        lines += ["## References", "", *[f"- {ref}" for ref in spec.references], ""]
    return "\n".join(lines).rstrip() + "\n"


def _quote(text: str) -> str:
    return "\n".join("    " + line for line in text.strip("\n").splitlines())


README_START = "<!-- rules:start -->"
README_END = "<!-- rules:end -->"


def rules_table(rules: list[LoadedRule] | tuple[LoadedRule, ...]) -> str:
    """The README's rule table, generated from the rule files (a test keeps it in sync)."""
    rows = ["| rule | family | severity | kind | what it flags |", "|---|---|---|---|---|"]
    for rule in rules:
        spec = rule.spec
        summary = " ".join(spec.summary.split()).replace("|", "\\|")
        rows.append(f"| `{spec.id}` | {rule.family} | {spec.severity} | {spec.kind} | {summary} |")
    return "\n".join(rows)
