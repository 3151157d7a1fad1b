"""Results cache for `pitchlint check`: a commit that touches one template out of 200 pays for
one, because the other 199 reports come from disk without loading spaCy.

A result is keyed by everything it depends on: the file's path and content, the pitchlint
version, the bytes of every rule file, the config file and the command line's rule selection.
Change any of them and the entry is simply not found. Entries live in `.pitchlint_cache/` next
to the config file (or in the working folder), which carries its own `.gitignore`.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import os
import tempfile
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from pitchlint import __version__
from pitchlint.config import Config
from pitchlint.directives import Directive
from pitchlint.draft import Draft
from pitchlint.findings import Applicability, Edit, Finding, Fix, Severity
from pitchlint.report import Report
from pitchlint.rules import bundled_rules_dir
from pitchlint.score import Penalty, Score
from pitchlint.weights import BUNDLED_WEIGHTS

CACHE_DIR = ".pitchlint_cache"
FORMAT = 1
# what reading an entry that another process truncated, a disk garbled or an older pitchlint
# wrote can raise: the entry is dropped and the draft checked again
# a draft's index in the run, the findings the rules across files added to it, its new score
AcrossResult = tuple[int, tuple[Finding, ...], Score]
_UNUSABLE = (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError)


class ResultsCache:
    def __init__(self, root: Path, context: str) -> None:
        self.folder = root / CACHE_DIR / f"v{FORMAT}"
        self.context = context

    @classmethod
    def for_config(cls, config: Config, selection: Iterable[str] = ()) -> ResultsCache:
        digest = hashlib.sha256(f"{__version__}\0{FORMAT}\0{sorted(selection)}\0{config.model}".encode())
        digest.update(_code_stamp().encode())
        for folder in (bundled_rules_dir(), *config.rule_folders):
            for path in sorted(folder.rglob("*.yaml")) if folder.is_dir() else ():
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
        for path in (config.path, config.weights_file, BUNDLED_WEIGHTS):  # refitted weights rescore all
            if path is not None and path.is_file():
                digest.update(path.read_bytes())
        root = config.path.parent if config.path is not None else Path.cwd()
        return cls(root, digest.hexdigest())

    def key(self, draft: Draft) -> str:
        # metadata and origin too: a CSV row's touch is not in its text, and its line is where it sits
        where = f"{draft.origin.record}\0{draft.origin.anchors}" if draft.origin is not None else ""
        stamp = f"{self.context}\0{draft.path}\0{draft.meta!r}\0{where}\0{draft.spin}\0{draft.text}"
        return hashlib.sha256(stamp.encode()).hexdigest()

    def get(self, draft: Draft) -> Report | None:
        if draft.path == "-":
            return None
        try:
            return _report(draft, self._read(self._path(draft)))
        except _UNUSABLE:
            return None  # missing, truncated, garbled or from another version: check again

    def put(self, report: Report) -> None:
        if report.draft.path == "-":
            return
        self._write(self._path(report.draft), _data(report))

    def _read(self, target: Path) -> Any:
        return json.loads(target.read_text(encoding="utf-8"))

    def _write(self, target: Path, data: dict[str, Any]) -> None:
        with self._writing_lines(target) as write:
            write(json.dumps(data))

    def _read_lines(self, target: Path) -> Iterator[str]:
        with target.open(encoding="utf-8") as lines:
            yield from lines

    @contextlib.contextmanager
    def _writing_lines(self, target: Path) -> Iterator[Callable[[str], None]]:
        """A writer of the entry's lines, in place when the block ends (never one cut short:
        an error, or a run stopped early, leaves no entry)."""
        out = _LineFile(self.folder, target)
        try:
            yield out.write
        except BaseException:
            out.discard()
            raise
        out.commit()

    def get_across(self, drafts: Sequence[Draft], extra: str) -> Iterator[AcrossResult] | None:
        """What the rules across files added to which draft (their findings, the new score),
        when no draft, rule or config changed since it was put: a warm run then needs neither
        those rules nor an engine to score again. The entry is read line by line twice: once
        to see that all of it is usable (a damaged line drops it before any draft takes from
        it), then as the run takes it, so it is never held whole."""
        if any(d.path == "-" for d in drafts):
            return None
        target = self._across_path(drafts, extra)
        try:
            deque(self._across_entries(target, drafts), maxlen=0)
        except _UNUSABLE:
            return None
        return self._across_entries(target, drafts)

    def _across_entries(self, target: Path, drafts: Sequence[Draft]) -> Iterator[AcrossResult]:
        for count, line in enumerate(self._read_lines(target)):
            data = json.loads(line)
            if isinstance(data, dict):
                if data["end"] != count:
                    raise ValueError("an entry's count is off")
                return
            index, findings, score = _list(data)
            at = _whole(index, 0)
            yield at, tuple(_finding(f, drafts[at]) for f in _list(findings)), _score(score)
        raise ValueError("an entry cut short")

    def putting_across(
        self, drafts: Sequence[Draft], changed: Iterable[AcrossResult], extra: str
    ) -> Iterator[AcrossResult]:
        """`changed`, passed on as the run takes it and written to the entry as it passes (one
        line a draft, then the count): the entry is in place once the last one is taken."""
        if any(d.path == "-" for d in drafts):
            yield from changed
            return
        with self._writing_lines(self._across_path(drafts, extra)) as write:
            count = 0
            for at, found, score in changed:
                write(json.dumps([at, [_finding_data(f) for f in found], _score_data(score)]))
                count += 1
                yield at, found, score
            write(json.dumps({"end": count}))

    def _across_path(self, drafts: Sequence[Draft], extra: str) -> Path:
        digest = hashlib.sha256(f"{self.context}\0across\0{extra}".encode())
        for draft in drafts:
            digest.update(self.key(draft).encode())
        key = digest.hexdigest()
        return self.folder / "across" / f"{key}.jsonl"

    def _path(self, draft: Draft) -> Path:
        key = self.key(draft)
        return self.folder / key[:2] / f"{key}.json"


class _LineFile:
    """An entry written a line at a time to a temporary file beside it, then moved in place.
    A read-only checkout, or a full disk, still gets its results, just not cached: the first
    error stops the writing and nothing is moved."""

    def __init__(self, folder: Path, target: Path) -> None:
        self.target = target
        self._out: IO[str] | None = None
        self._temporary: Path | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            ignore = folder.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by pitchlint\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            self._temporary = Path(temporary)
            self._out = os.fdopen(handle, "w", encoding="utf-8")
        except OSError:
            pass

    def write(self, line: str) -> None:
        if self._out is None:
            return
        try:
            self._out.write(line + "\n")
        except OSError:
            self.discard()

    def commit(self) -> None:
        if self._out is None or self._temporary is None:
            return
        try:
            self._out.close()
            self._out = None
            self._temporary.replace(self.target)
        except OSError:
            self.discard()

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            if self._out is not None:
                self._out.close()
            if self._temporary is not None:
                self._temporary.unlink(missing_ok=True)
        self._out = None


class BufferCache(ResultsCache):
    """The results cache for a language server or the page: what is typed is kept in memory
    (a keystroke must not write a file, and undo or a second request is then free), while the
    entries `check` wrote are still read, so a file checked by the hook opens checked."""

    def __init__(self, disk: ResultsCache, size: int = 512) -> None:
        super().__init__(disk.folder.parent.parent, disk.context)
        self.size = size
        self._memory: OrderedDict[Path, Any] = OrderedDict()  # an entry's data, or its lines

    def _read(self, target: Path) -> Any:
        if target in self._memory:
            self._memory.move_to_end(target)
            return self._memory[target]
        return super()._read(target)

    def _write(self, target: Path, data: dict[str, Any]) -> None:
        self._keep(target, data)

    def _read_lines(self, target: Path) -> Iterator[str]:
        if target in self._memory:
            self._memory.move_to_end(target)
            return iter(self._memory[target])
        return super()._read_lines(target)

    @contextlib.contextmanager
    def _writing_lines(self, target: Path) -> Iterator[Callable[[str], None]]:
        lines: list[str] = []
        yield lines.append
        self._keep(target, lines)

    def _keep(self, target: Path, entry: Any) -> None:
        self._memory[target] = entry
        self._memory.move_to_end(target)
        while len(self._memory) > self.size:
            self._memory.popitem(last=False)


@functools.cache
def _code_stamp() -> str:
    """Size and modification time of pitchlint's own modules: in a source checkout the code
    changes without the version changing, and a cached result must not outlive it."""
    package = Path(__file__).resolve().parent
    return ";".join(
        f"{p.relative_to(package)}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
        for p in sorted(package.rglob("*.py"))
    )


def _data(report: Report) -> dict[str, Any]:
    return {
        "findings": [_finding_data(f) for f in report.findings],
        "score": _score_data(report.score),
        "unused": [[d.action, sorted(d.rules), d.start, d.end] for d in report.unused_disables],
    }


def _score_data(score: Score) -> dict[str, Any]:
    return {
        "value": score.value,
        "grade": score.grade,
        "breakdown": [[p.rule, p.points, p.count] for p in score.breakdown],
        "metrics": score.metrics,
    }


def _finding_data(f: Finding) -> dict[str, Any]:
    fix = None
    if f.fix is not None:
        fix = {
            "title": f.fix.title,
            "applicability": str(f.fix.applicability),
            "edits": [[e.start, e.end, e.content] for e in f.fix.edits],
        }
    return {
        "rule": f.rule,
        "severity": f.severity.name,
        "span": [f.start, f.end, f.line, f.col],
        "matched": f.matched,
        "message": f.message,
        "weight": f.weight,
        "advice": f.advice,
        "family": f.family,
        "fix": fix,
        "positive": f.positive,
    }


def _report(draft: Draft, data: Any) -> Report:
    """A cached report, every field checked for type and range (a ValueError when one is
    off): a garbled entry must not reach a reporter."""
    findings = tuple(_finding(f, draft) for f in _list(data["findings"]))
    score = _score(data["score"])
    unused = tuple(
        Directive(
            _text(action),
            frozenset(_text(r) for r in _list(rules)),
            _offset(start, draft),
            _offset(end, draft),
        )
        for action, rules, start, end in _list(data["unused"])
    )
    return Report(draft, findings, score, unused)


def _score(score: Any) -> Score:
    value = _number(score["value"], 0, 100)
    grade = _text(score["grade"])
    if grade not in ("A", "B", "C", "D", "F"):
        raise ValueError("bad grade")
    breakdown = tuple(
        Penalty(_text(rule), _number(points, -100, 100), _whole(count, 0))
        for rule, points, count in _list(score["breakdown"])
    )
    metrics = score["metrics"]
    if not isinstance(metrics, dict) or not all(
        isinstance(k, str) and _is_number(v) for k, v in metrics.items()
    ):
        raise ValueError("bad metrics")
    return Score(value, grade, breakdown, metrics)


def _finding(data: Any, draft: Draft) -> Finding:
    fix = data["fix"]
    start, end, line, col = (_whole(v, 0) for v in _list(data["span"]))
    if not start <= end <= len(draft.text):
        raise ValueError("span outside the draft")
    matched = _text(data["matched"])
    if draft.text[start:end] != matched:
        raise ValueError("stale entry")
    return Finding(
        rule=_text(data["rule"]),
        severity=Severity[_text(data["severity"])],
        start=start,
        end=end,
        line=line,
        col=col,
        matched=matched,
        message=_text(data["message"]),
        weight=_number(data["weight"], 0, 100),
        advice=_text(data["advice"]),
        fix=Fix(
            tuple(Edit(_offset(s, draft), _offset(e, draft), _text(c)) for s, e, c in _list(fix["edits"])),
            Applicability(fix["applicability"]),
            _text(fix["title"]),
        )
        if fix
        else None,
        family=data["family"] if data["family"] is None else _text(data["family"]),
        positive=bool(data.get("positive", False)),
    )


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _number(value: Any, low: float, high: float) -> Any:
    if not _is_number(value) or not low <= value <= high:
        raise ValueError("number out of range")
    return value


def _whole(value: Any, low: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise ValueError("not a whole number")
    return value


def _offset(value: Any, draft: Draft) -> int:
    offset = _whole(value, 0)
    if offset > len(draft.text):
        raise ValueError("offset outside the draft")
    return offset
