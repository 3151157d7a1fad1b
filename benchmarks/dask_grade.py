"""`grade --dask` on this machine: 1 and 2 Dask worker processes against `grade --jobs 1` in the
same run, the fixed cost of a cluster started for the run (`local:N`) and of one already
running (each worker's pipeline load), the per-email cost, and where the client's time goes
(reading the inputs, the reduce of the rules across emails): the figures a scaling plan for N
machines starts from. The machine is noisy: every figure is a ratio to a baseline of this run.

The corpus is made from EVAL_DIR, read in place (never copied into the repo): each email again
with other names and figures, written to a temporary JSONL batch.

Usage: python benchmarks/dask_grade.py EVAL_DIR [--emails 2000]
(EVAL_DIR: e.g. ../shared/eval/dev)
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from grade_speed import grade_subprocess, make_corpus, write_jsonl  # a sibling script


def client_side_seconds(corpus: Path) -> tuple[float, float, float]:
    """In this process: reading the batch, checking it (one process, pipeline loaded first),
    and the rules across emails over the reports: what stays on the client in a Dask run."""
    from pitchlint.config import Config
    from pitchlint.inputs.load import load_inputs
    from pitchlint.run import _across_results, check_drafts, engine_for

    engine = engine_for(Config())
    engine.check([])
    start = time.perf_counter()
    loaded = load_inputs([str(corpus)])
    read = time.perf_counter() - start
    start = time.perf_counter()
    reports = check_drafts(engine, [email.draft for email in loaded.emails])
    checking = time.perf_counter() - start
    start = time.perf_counter()
    for _result in _across_results(engine, loaded.emails, reports, loaded.sequences):
        pass
    return read, checking, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("eval_dir", type=Path, help="emails to vary, read in place (e.g. ../shared/eval/dev)")
    parser.add_argument("--emails", type=int, default=2000)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = make_corpus(args.eval_dir, args.emails)
        corpus = write_jsonl(rows, folder, "corpus.jsonl")
        one = write_jsonl(make_corpus(args.eval_dir, 1), folder, "one.jsonl")
        count = len(rows)
        print(f"corpus: {count:,} emails (from {args.eval_dir})")
        base_fixed = grade_subprocess(one, 1)[0]
        base, base_peak = grade_subprocess(corpus, 1)
        per_email = (base - base_fixed) / count * 1000
        print(
            f"baseline grade --jobs 1: {base:.1f} s ({base_fixed:.1f} s of it for 1 email), "
            f"{per_email:.1f} ms/email, peak RSS {base_peak:.0f} MB"
        )
        for workers in (1, 2):
            fixed = grade_subprocess(one, 0, "--dask", f"local:{workers}")[0]
            seconds, _ = grade_subprocess(corpus, 0, "--dask", f"local:{workers}")
            work = (seconds - fixed) / count * 1000
            print(
                f"grade --dask local:{workers}: {seconds:.1f} s = {base / seconds:.2f}x the baseline's "
                f"speed; starting the cluster {fixed:.1f} s ({fixed / base_fixed:.2f}x the baseline's "
                f"1-email run); {work:.1f} ms/email after it ({per_email / work:.2f}x the baseline's rate)"
            )
        for workers in (1, 2):
            with (
                LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                ) as cluster,
                Client(cluster),
            ):
                address = cluster.scheduler_address
                cold = grade_subprocess(corpus, 0, "--dask", address)[0]
                warm = grade_subprocess(corpus, 0, "--dask", address)[0]
                print(
                    f"grade --dask on a running cluster of {workers}: first run {cold:.1f} s, again "
                    f"{warm:.1f} s ({base / warm:.2f}x the baseline's speed; the pipeline load "
                    f"per worker is about {max(0.0, cold - warm):.1f} s)"
                )
        read, checking, reduce = client_side_seconds(corpus)
        print(
            f"in one process: reading {read:.2f} s ({read / checking:.3f}x the checking), checking "
            f"{checking:.1f} s, the rules across emails (the reduce) {reduce:.2f} s "
            f"({reduce / checking:.3f}x the checking)"
        )


if __name__ == "__main__":
    main()
