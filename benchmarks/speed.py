"""The speed targets of issue 19, each against its baseline measured in the same run (these
machines are noisy: read the ratios):

- cold `pitchlint check --no-cache` of one draft, against the floor of any check that parses:
  `import spacy` and loading the trained pipeline without NER, as a process of its own;
- `pitchlint rules`, `pitchlint rule ID` and `--version`, which must stay free of spaCy;
- `pitchlint grade --jobs 1` over the eval emails, its time after start-up against a bare
  full-pipeline `nlp.pipe` over the same texts (the pipeline loaded before timing);
- with --lsp, the language server's change-to-diagnostics latency (benchmarks/lsp_latency.py).

Usage: python benchmarks/speed.py EVAL_DIR [EVAL_DIR ...] [--runs 3] [--lsp]
(EVAL_DIR: e.g. ../shared/eval/real ../shared/eval/dev, read in place)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from grade_speed import bare_parse_seconds  # noqa: E402  (a sibling script, not a package)


def seconds_of(command: list[str], runs: int) -> float:
    """The median wall time of a command run as its own process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+", help="eval folders, read in place")
    parser.add_argument("--runs", type=int, default=3, help="runs per process timing (median)")
    parser.add_argument("--lsp", action="store_true", help="also measure the language server")
    args = parser.parse_args()
    from pitchlint.inputs.load import load_inputs
    from pitchlint.nlp import resolve_model

    emails = load_inputs(args.folders).emails
    one = next(e.draft.path for e in emails if e.draft.origin is None)
    model = resolve_model(None)
    python, pitchlint = sys.executable, [sys.executable, "-m", "pitchlint"]

    floor = seconds_of([python, "-c", f"import spacy; spacy.load({model!r}, exclude=['ner'])"], args.runs)
    cold = seconds_of([*pitchlint, "check", "--no-cache", "--exit-zero", one], args.runs)
    print(f"floor (import spacy + load the pipeline without NER): {floor:.2f} s")
    over = f"+{cold - floor:.2f} s (target +0.40 s)"
    print(f"cold check of one draft: {cold:.2f} s = {cold / floor:.2f}x the floor, {over}")
    for what in (["rules"], ["rule", "feature-dumping"], ["--version"]):
        took = seconds_of([*pitchlint, *what], args.runs)
        print(f"pitchlint {' '.join(what)}: {took:.2f} s = {took / floor:.2f}x the floor")

    texts = [e.draft.text for e in emails]
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        batch.write_text("".join(json.dumps({"id": str(i), "body": t}) + "\n" for i, t in enumerate(texts)))
        single = Path(tmp) / "one.jsonl"
        single.write_text(json.dumps({"id": "1", "body": texts[0]}) + "\n")
        grade = [*pitchlint, "grade", "--jobs", "1", "--format", "json", "-o", str(Path(tmp) / "out.json")]
        startup = seconds_of([*grade, str(single)], args.runs)
        whole = seconds_of([*grade, str(batch)], 1)
    bare = bare_parse_seconds(texts)
    work = whole - startup
    print(f"bare full-pipeline nlp.pipe over {len(texts)} emails: {bare:.2f} s")
    print(
        f"grade --jobs 1: {whole:.2f} s, {work:.2f} s after start-up ({startup:.2f} s) ="
        f" {work / bare:.2f}x the bare parse (target 0.67x)"
    )
    if args.lsp:
        lsp = subprocess.run(
            [python, str(HERE / "lsp_latency.py"), *args.folders, "--drafts", "200"],
            check=True,
            capture_output=True,
            text=True,
        )
        print(lsp.stdout.strip())


if __name__ == "__main__":
    main()
