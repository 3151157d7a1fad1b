"""Batch grading speed: `pitchlint grade` over a corpus of realistic emails with 1 and 2 worker
processes (emails per second, peak memory), the same corpus through a bare `nlp.pipe` with the
full trained pipeline (the cost of parsing alone) and the ratio, and how time grows from 500 to
5,000 to 20,000 emails. Everything is measured in the same run: these machines are noisy.

The corpus is made from EVAL_DIR, e.g. ../shared/eval/dev (read in place, never copied into the repo): each
email again with other names, numbers and companies, written to a temporary JSONL batch.

Usage: python benchmarks/grade_speed.py EVAL_DIR [--emails 5000] [--scaling 500,5000,20000]
(EVAL_DIR: e.g. ../shared/eval/dev)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["Sam", "Dana", "Priya", "Marcus", "Lee", "Ana", "Tom", "Grace", "Omar", "Wei", "Sofia", "Raj"]
COMPANIES = ["Globex", "Initech", "Hooli", "Umbrella", "Vandelay", "Stark", "Wayne", "Acme", "Tyrell"]


def make_corpus(source: Path, count: int, seed: int = 7) -> list[dict[str, str]]:
    """`count` emails: the eval set's emails over and over, each with its own names and figures."""
    rng = random.Random(seed)
    originals = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    if not originals:
        sys.exit(f"no emails in {source}")
    rows = []
    for n in range(count):
        text = originals[n % len(originals)]
        subject, _, body = text.partition("\n") if text.startswith("Subject:") else ("", "", text)
        body = re.sub(
            r"\b(Hi|Hello|Dear|Hey) [A-Z][a-z]+", lambda m: f"{m.group(1)} {rng.choice(NAMES)}", body
        )
        body = re.sub(r"\b\d{1,3}\b", lambda _: str(rng.randint(2, 99)), body)
        body = body.replace("your company", f"{rng.choice(COMPANIES)}")
        rows.append(
            {"id": str(n + 1), "subject": subject.removeprefix("Subject:").strip(), "body": body.strip()}
        )
    return rows


def write_jsonl(rows: list[dict[str, str]], folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def grade_subprocess(path: Path, jobs: int, *where: str, select: str | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, of the largest process, workers included) of
    `pitchlint grade` on `path` in `jobs` processes (or `where`, e.g. `--dask local:2`), run
    under a wrapper so each run's peak is its own; `select`: only these rules (`--select`)."""
    where = where or ("--jobs", str(jobs))
    out = f"{path}.{'-'.join(where).replace('/', '_').replace(':', '_')}.json"
    command = [sys.executable, "-m", "pitchlint", "grade", "--format", "json", "-o", out, *where]
    command += ["--select", select] if select else []
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *command, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - start, int(done.stdout.strip()) / 1024


def startup_seconds(source: Path, folder: Path) -> float:
    """`pitchlint grade` on one email: the fixed cost (imports, pipeline load) in every run."""
    one = write_jsonl(make_corpus(source, 1), folder, "one.jsonl")
    return min(grade_subprocess(one, 1)[0] for _ in range(2))


def bare_parse_seconds(texts: list[str]) -> float:
    """The full trained pipeline over the texts, loaded before timing: parsing alone."""
    import spacy

    from pitchlint.nlp import resolve_model

    nlp = spacy.load(resolve_model(None))
    list(nlp.pipe(texts[:4]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def in_process_seconds(rows: list[dict[str, str]], folder: Path, engine) -> float:  # type: ignore[no-untyped-def]
    """Reading and grading the batch in this process, the pipeline already loaded."""
    from pitchlint.inputs.load import load_inputs
    from pitchlint.run import check_loaded

    path = write_jsonl(rows, folder, f"scale-{len(rows)}.jsonl")
    start = time.perf_counter()
    loaded = load_inputs([str(path)])
    check_loaded(engine, loaded)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("eval_dir", type=Path, help="emails to vary, read in place (e.g. ../shared/eval/dev)")
    parser.add_argument("--emails", type=int, default=5000)
    parser.add_argument("--scaling", default="500,5000,20000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = make_corpus(args.eval_dir, args.emails)
        corpus = write_jsonl(rows, folder, "corpus.jsonl")
        texts = [f"Subject: {r['subject']}\n\n{r['body']}" for r in rows]
        print(f"corpus: {len(rows):,} emails, {sum(map(len, texts)):,} characters (from {args.eval_dir})")
        fixed = startup_seconds(args.eval_dir, folder)
        print(f"startup (grade of 1 email): {fixed:.1f} s")
        bare = bare_parse_seconds(texts)
        print(f"bare nlp.pipe, full pipeline: {bare:.1f} s, {len(rows) / bare:.0f} emails/s")
        for jobs in (1, 2):
            seconds, peak = grade_subprocess(corpus, jobs)
            work = seconds - fixed
            print(
                f"pitchlint grade --jobs {jobs}: {seconds:.1f} s wall ({len(rows) / seconds:.0f} emails/s), "
                f"{work:.1f} s after startup ({len(rows) / work:.0f} emails/s, "
                f"{bare / work:.2f}x bare parse), peak RSS {peak:.0f} MB"
            )
        from pitchlint.engine import Engine

        engine = Engine()
        engine.check([])
        in_process_seconds(make_corpus(args.eval_dir, 8), folder, engine)  # load the pipeline before timing
        print("scaling (one process, pipeline loaded):")
        base = None
        for size in (int(s) for s in args.scaling.split(",")):
            seconds = in_process_seconds(make_corpus(args.eval_dir, size), folder, engine)
            per = seconds / size * 1000
            base = base or per
            print(f"  {size:>6,} emails: {seconds:6.1f} s, {per:.2f} ms/email ({per / base:.2f}x the first)")


if __name__ == "__main__":
    main()
