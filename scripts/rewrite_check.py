"""`pitchlint rewrite` on real email: the labelled drafts of EVAL_DIR (e.g. ../shared/eval/dev), read in place
(never copied into the repository).

For every draft it checks what the property tests check on generated drafts (rewriting twice
changes nothing more, no merge tag is lost, no doubled space or stray " ," / " ." is added, no
crash) and prints how the score moves: the mean before and after, and how many got worse. It
also prints what issue 16 measures: how many rewrites keep every named entity (people,
organisations, products, places) and every number of the draft, how many `{…}` placeholders a
rewrite adds on average, and the grades before, after as sent now (each placeholder an
`unfilled-placeholder` error) and after once the placeholders are filled; and how many
rewrites would go out worse than the draft (an A draft made less than A is named).

Usage: python scripts/rewrite_check.py EVAL_DIR [--lost]   (e.g. ../shared/eval/dev)
(--lost names each rewrite that drops a named entity or number, and what it drops.)
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.fixer import as_sent_report, rewrite_draft
from pitchlint.mergetags import count_placeholders, find_merge_tags

_NUMBER = re.compile(r"\d[\d,.]*%?")
_NAMED = ("PERSON", "ORG", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT")


def problems_in(text: str, once: str, twice: str) -> list[str]:
    found = []
    if twice != once:
        found.append("not idempotent")
    if any(text[s:e] not in once for s, e in find_merge_tags(text)):
        found.append("lost a merge tag")
    for mark in ("  ", " ,", " ."):
        if once.count(mark) > text.count(mark):
            found.append(f"added {mark!r}")
    return found


def substance(nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The draft's named entities and numbers: what a rewrite must not drop."""
    named = {e.text for e in nlp(text).ents if e.label_ in _NAMED}
    return named | {m.group(0).rstrip(".,") for m in _NUMBER.finditer(text)}


def grades(counts: Counter[str]) -> str:
    return " ".join(f"{g} {counts.get(g, 0)}" for g in "ABCDF")


def main() -> None:
    arguments = sys.argv[1:]
    show_lost = "--lost" in arguments
    arguments = [a for a in arguments if a != "--lost"]
    if len(arguments) != 1:
        sys.exit(__doc__)
    folder = Path(arguments[0])
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))
    import spacy

    from pitchlint.nlp import resolve_model

    engine = Engine()
    nlp = spacy.load(resolve_model(None))  # the recognizer too: the entities a rewrite keeps
    before, after, bad = [], [], 0
    names: list[str] = []
    kept, added = 0, []
    grade_before: Counter[str] = Counter()
    grade_sent: Counter[str] = Counter()
    grade_filled: Counter[str] = Counter()
    a_with_placeholders = 0
    a_lost: list[str] = []  # graded A before, not A as the rewrite would be sent
    sent_worse = 0
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        draft = parse_draft(text, str(path))
        try:
            (report,) = engine.check([draft])
            once = rewrite_draft(engine, draft)
            twice = rewrite_draft(engine, once.draft)
        except Exception as exc:  # a crash is a finding of this script, not its end
            bad += 1
            print(f"{path.name}: crashed: {exc!r}")
            continue
        issues = problems_in(text, once.draft.text, twice.draft.text)
        if issues:
            bad += 1
            print(f"{path.name}: {', '.join(issues)}")
        before.append(report.score.value)
        names.append(path.name)
        after.append(once.report.score.value)
        sent = as_sent_report(engine, once.draft)
        left = count_placeholders(once.draft.text)
        added.append(left - count_placeholders(text))
        a_with_placeholders += left > 0 and sent.score.grade == "A"
        sent_worse += sent.score.value < report.score.value
        if report.score.grade == "A" and sent.score.grade != "A":
            a_lost.append(path.name)
        grade_before[report.score.grade] += 1
        grade_sent[sent.score.grade] += 1
        grade_filled[once.report.score.grade] += 1
        lost = {w for w in substance(nlp, text) if w not in once.draft.text}
        kept += not lost
        if lost and show_lost:
            print(f"{path.name}: drops {', '.join(sorted(lost))}")
    seconds = time.perf_counter() - start
    pairs = list(zip(before, after, strict=True))
    worse = [name for name, (b, a) in zip(names, pairs, strict=True) if a < b]
    same = sum(1 for b, a in pairs if a == b)
    print(
        f"drafts: {len(files)}, with problems: {bad}, {seconds:.0f} s ({len(files) / seconds:.1f} drafts/s)"
    )
    print(
        f"score before: mean {statistics.mean(before):.1f}; after rewrite: mean {statistics.mean(after):.1f}"
    )
    print(f"worse after rewrite: {' '.join([str(len(worse)), *worse])}; unchanged: {same}")
    print(f"keep every named entity and number: {kept} of {len(pairs)}")
    print(f"placeholders added per rewrite: mean {statistics.mean(added):.2f}, max {max(added)}")
    print(f"grades before:                 {grades(grade_before)}")
    print(f"grades after, as sent now:     {grades(grade_sent)}")
    print(f"grades after, once filled:     {grades(grade_filled)}")
    print(f"A as sent with a placeholder left: {a_with_placeholders}")
    print(f"as sent, scored lower than before: {sent_worse}")
    print(f"A before, not A as sent: {len(a_lost)} {' '.join(a_lost)}")


if __name__ == "__main__":
    main()
