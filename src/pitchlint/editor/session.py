"""Checking text that is not on disk (an editor's buffer, a pasted draft) through the one
pipeline `check` runs: read as its file name says, with the config found as `check` finds it,
and the config and rule folders read again when they change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pitchlint import run
from pitchlint.cache import BufferCache, ResultsCache
from pitchlint.config import Config, find_config, load_config
from pitchlint.findings import Edit, Finding
from pitchlint.fixer import fix_draft
from pitchlint.inputs.load import load_text
from pitchlint.report import Report
from pitchlint.rules.schema import LoadedRule
from pitchlint.source_edits import has_editable_source, in_source
from pitchlint.sources import Skipped


@dataclass(frozen=True)
class Checked:
    """A document's reports (one per email it holds) and what could not be read."""

    path: str
    reports: tuple[Report, ...]
    skipped: tuple[Skipped, ...]
    config: Config

    @property
    def fixable(self) -> bool:
        """Fixes edit the file where `check --fix` does: a text, Markdown or HTML draft (in
        its markup, `source_edits`); not an .eml or an export of many emails."""
        return len(self.reports) == 1 and has_editable_source(self.reports[0].draft)

    @property
    def plain(self) -> bool:
        """The file's text is the draft's, so offsets in the draft are offsets in the file."""
        return len(self.reports) == 1 and self.reports[0].draft.origin is None

    def file_edits(self, finding: Finding) -> tuple[Edit, ...] | None:
        """The finding's fix as edits of the file (None: no fix, or none that keeps the markup)."""
        if finding.fix is None or not self.fixable:
            return None
        return in_source(self.reports[0].draft, finding.fix.edits)


class Session:
    """A warm pipeline for one editor or page: configs and engines are kept between checks,
    and dropped when a config file or a rule file they came from changes."""

    def __init__(self, config_path: Path | None = None) -> None:
        self.config_path = config_path
        self._stamp: tuple[tuple[str, float], ...] = ()
        self._caches: dict[Config, BufferCache] = {}
        self._rules: dict[Config, dict[str, LoadedRule]] = {}

    def check(self, path: str, text: str) -> Checked:
        config = self.config_for(path)
        if not text.strip():  # a new, empty buffer: nothing to say yet
            return Checked(path, (), (), config)
        loaded = load_text(path, text.encode("utf-8"), config.limits)
        cache = self._cache_for(config)
        reports = (
            run.check_emails(config, loaded.emails, loaded, (), use_cache=cache).reports
            if loaded.emails
            else []
        )
        return Checked(path, tuple(reports), tuple(loaded.skipped), config)

    def fix_all(self, checked: Checked) -> str | None:
        """The document with every safe fix applied (None when nothing changes or the file
        cannot be fixed)."""
        if not checked.fixable:
            return None
        outcome = fix_draft(run.engine_for(checked.config), checked.reports[0].draft)
        return outcome.file_text if outcome.changed else None

    def rule(self, config: Config, rule_id: str) -> LoadedRule | None:
        """A rule of the config's rule set (bundled and its rule folders), by id."""
        if config not in self._rules:
            self._rules[config] = {r.id: r for r in run.rule_set(config)}
        return self._rules[config].get(rule_id)

    def rule_doc(self, config: Config, rule_id: str) -> str | None:
        """The rule's page as `pitchlint rule ID` prints it."""
        from pitchlint.docs import rule_page

        rule = self.rule(config, rule_id)
        return rule_page(rule, config) if rule is not None else None

    def _cache_for(self, config: Config) -> BufferCache:
        if config not in self._caches:
            self._caches[config] = BufferCache(ResultsCache.for_config(config))
        return self._caches[config]

    def config_for(self, path: str) -> Config:
        start = Path(path).parent if path not in ("", "-") else Path.cwd()
        found = self.config_path.resolve() if self.config_path else find_config(start, fresh=True)
        self._reload_if_changed(found)
        return load_config(found)

    def _reload_if_changed(self, found: Path | None) -> None:
        """Configs and engines are cached per process; an edited config or rule pack must be
        seen on the next keystroke, not after a restart."""
        watched = [found] if found is not None else []
        if found is not None:
            for folder in load_config(found).rule_folders:
                watched.extend(sorted(folder.rglob("*.yaml")) if folder.is_dir() else ())
        stamp = tuple((str(p), _mtime(p)) for p in watched)
        if self._stamp and stamp != self._stamp:
            load_config.cache_clear()
            run.ENGINES.clear()
            self._caches.clear()  # their keys hold the old rules' bytes: never found again
            self._rules.clear()
        self._stamp = stamp


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


# comment syntaxes for disable directives (pitchlint.directives reads all of them)
_HANDLEBARS_RE = re.compile(r"\{\{[#/^]")
_JINJA_RE = re.compile(r"\{%|\{#")


def disable_comment(path: str, text: str, rule: str, *, next_line: bool) -> str:
    """A disable directive for `rule` in the comment syntax of the file's template language."""
    suffix = Path(path).suffix.lower()
    verb = "disable-next-line" if next_line else "disable"
    if suffix in (".hbs", ".handlebars", ".mustache") or _HANDLEBARS_RE.search(text):
        return f"{{{{!-- pitchlint: {verb}={rule} --}}}}"
    if suffix == ".liquid":
        return f"{{% comment %}}pitchlint: {verb}={rule}{{% endcomment %}}"
    if suffix in (".j2", ".jinja", ".jinja2") or _JINJA_RE.search(text):
        return f"{{# pitchlint: {verb}={rule} #}}"
    return f"<!-- pitchlint-{verb} {rule} -->"
