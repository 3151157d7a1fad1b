"""`grade --dask` on a real LocalCluster of two worker processes: the same results as the local
path, email for email, through a worker killed mid-run and past unreadable inputs."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli import make_runner

distributed = pytest.importorskip("distributed")  # installed by the dev extra: .ci/run runs these

from pitchlint.cli import cli  # noqa: E402
from pitchlint.cluster import _preflight, worker_setup  # noqa: E402
from pitchlint.errors import ClusterError  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["Sam", "Priya", "Jordan", "Mei", "Tomás", "Ada", "Kwame", "Lena"]
COMPANIES = ["Acme", "Northwind", "Globex", "Initech"]


def _sample_bodies() -> list[str]:
    folders = [ROOT / "samples" / "bad", ROOT / "samples" / "good", ROOT / "tests" / "fixtures" / "seed"]
    return [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """A few hundred emails: the samples and seed emails, each sent to several readers (so the
    rules across emails find templates sent many times)."""
    folder = tmp_path_factory.mktemp("dask-batch")
    path = folder / "sent.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "subject", "body"])
        for n, body in enumerate(_sample_bodies()):
            for k in range(16):
                name, company = NAMES[k % len(NAMES)], COMPANIES[(n + k) % len(COMPANIES)]
                text = body.replace("Sam", name).replace("Acme", company)
                writer.writerow([f"e{n}-{k}", f"{company} and outreach", text])
    return path


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


def _grade(*args: str):
    return make_runner().invoke(cli, ["grade", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def local_csv(batch) -> str:
    result = _grade("--format", "csv", "--jobs", "1", str(batch))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_batch_is_a_few_hundred_emails_across_several_chunks(local_csv):
    rows = list(csv.DictReader(local_csv.splitlines()))
    assert len(rows) >= 250
    assert len({row["grade"] for row in rows}) >= 3  # good and bad emails, not one kind


def test_a_cluster_grades_every_email_as_the_local_path_does(cluster, batch, local_csv):
    result = _grade("--format", "csv", "--dask", cluster.scheduler_address, str(batch))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == local_csv
    local = _grade("--format", "json", "--jobs", "1", str(batch))
    remote = _grade("--format", "json", "--dask", cluster.scheduler_address, str(batch))
    assert json.loads(remote.stdout) == json.loads(local.stdout)  # the summary too: counts, worst


def test_a_worker_killed_mid_run_loses_nothing_and_grades_nothing_twice(cluster, batch, local_csv, tmp_path):
    out = tmp_path / "graded.csv"
    command = [sys.executable, "-m", "pitchlint", "grade", "--format", "csv", "-o", str(out)]
    command += ["--dask", cluster.scheduler_address, str(batch)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    grading = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with distributed.Client(cluster.scheduler_address) as watcher:
        killed = _kill_a_busy_worker(watcher, grading)
    _stdout, stderr = grading.communicate(timeout=300)
    assert killed, "no worker was busy with a chunk while the run went on"
    assert grading.returncode == 0, stderr
    assert out.read_text(encoding="utf-8") == local_csv
    with distributed.Client(cluster.scheduler_address) as watcher:
        watcher.wait_for_workers(2, timeout=120)  # the nanny restarted it, for the next test


def _kill_a_busy_worker(client, grading: subprocess.Popen) -> bool:
    """SIGKILL a worker process while it checks a chunk, once some chunk has finished (so the
    run is under way and the killed chunk must be rescheduled).

    A finished chunk is one this watcher saw and that is now in memory or already gone: the
    grading client releases each result as soon as it reads it, so counting only tasks held
    in memory misses most of them."""
    deadline = time.monotonic() + 240
    seen: set[str] = set()
    while time.monotonic() < deadline and grading.poll() is None:
        busy, present, held = client.run_on_scheduler(_pitchlint_tasks)
        finished = held | (seen - present)
        seen |= present
        if busy and finished:
            pids = client.run(os.getpid)
            os.kill(pids[busy[0]], signal.SIGKILL)
            return True
        time.sleep(0.02)
    return False


def _pitchlint_tasks(dask_scheduler=None):
    """Workers processing a pitchlint chunk, the chunk keys the scheduler knows, and those of
    them held in memory (run on the scheduler)."""
    busy = [
        address
        for address, worker in dask_scheduler.workers.items()
        if any(str(task.key).startswith("pitchlint-") for task in worker.processing)
    ]
    tasks = dask_scheduler.tasks.items()
    chunks = {str(key): task for key, task in tasks if str(key).startswith("pitchlint-")}
    held = {key for key, task in chunks.items() if task.state == "memory"}
    return busy, set(chunks), held


def test_unreadable_inputs_are_skipped_on_a_cluster_as_locally(cluster, tmp_path):
    short = "Hi Sam,\n\nWhat changed in your Q3 plans?\n\nBest,\nAlex\n"
    (tmp_path / "a.txt").write_text(short, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_sample_bodies()[0], encoding="utf-8")
    (tmp_path / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin.txt").write_bytes("Grüße aus Köln".encode("utf-16"))
    local = _grade("--format", "csv", "--jobs", "1", str(tmp_path))
    remote = _grade("--format", "csv", "--dask", cluster.scheduler_address, str(tmp_path))
    assert local.exit_code == remote.exit_code == 2
    assert remote.stdout == local.stdout
    assert len(list(csv.DictReader(remote.stdout.splitlines()))) == 2
    assert "logo.txt" in remote.stderr
    assert remote.stderr == local.stderr


def test_local_n_starts_its_own_cluster(tmp_path):
    result = _grade("--format", "csv", "--dask", "local:1", str(ROOT / "samples" / "bad"))
    local = _grade("--format", "csv", "--jobs", "1", str(ROOT / "samples" / "bad"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == local.stdout


def test_a_chunk_that_kills_its_workers_is_a_message_not_a_traceback(monkeypatch, tmp_path):
    import dask

    from pitchlint import run

    monkeypatch.setattr(run, "check_on_worker", lambda config, drafts: os._exit(1))  # pickled by value
    out = tmp_path / "grades.csv"
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as local,
    ):
        result = _grade(
            "--format",
            "csv",
            "-o",
            str(out),
            "--dask",
            local.scheduler_address,
            str(ROOT / "samples" / "bad"),
        )
    assert result.exit_code == 2
    assert "took down every worker that tried it" in result.stderr
    assert "samples/bad/" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--dask", "local:0"), "give local:N with N from 1 to 64"),
        (("--dask", "local:many"), "give local:N with N from 1 to 64"),
        (("--dask", "local:2", "--jobs", "2"), "--jobs and --dask both say where to grade"),
        (("--dask", str(ROOT / "no-such-scheduler.json")), "cannot reach the scheduler"),
    ],
)
def test_a_cluster_that_cannot_be_used_is_a_usage_error(args, message):
    result = _grade(*args, str(ROOT / "samples" / "good"))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


class _Workers:
    """What a client's `run` answers, for the preflight's messages."""

    def __init__(self, answers):
        self.answers = answers

    def run(self, function, *args):
        return self.answers


def test_workers_that_would_grade_differently_are_refused(tmp_path):
    from pitchlint import __version__
    from pitchlint.config import Config
    from pitchlint.nlp import resolve_model

    config = Config(rule_folders=(tmp_path / "pack",))
    ours = resolve_model(None)
    assert worker_setup(config.rule_folders, None) == (__version__, [str(tmp_path / "pack")], ours)
    (tmp_path / "pack").mkdir()
    assert worker_setup(config.rule_folders, None) == (__version__, [], ours)
    assert worker_setup((), "no_such_pipeline_xyz")[2] is None
    with pytest.raises(ClusterError, match=r"runs pitchlint 0\.0\.1, this is"):
        _preflight(_Workers({"tcp://w1": ("0.0.1", [], ours)}), config)
    with pytest.raises(ClusterError, match="has no rule folder /x"):
        _preflight(_Workers({"tcp://w1": (__version__, ["/x"], ours)}), config)
    with pytest.raises(ClusterError, match=f"pipeline none, this machine with {ours}"):
        _preflight(_Workers({"tcp://w1": (__version__, [], None)}), config)
    with pytest.raises(ClusterError, match="no workers"):
        _preflight(_Workers({}), config)
    _preflight(_Workers({"tcp://w1": (__version__, [], ours)}), config)  # the same: no error


def test_the_local_path_never_imports_dask():
    code = (
        "import sys; from click.testing import CliRunner; from pitchlint.cli import cli; "
        f"r = CliRunner().invoke(cli, ['grade', '--format', 'csv', r'{ROOT / 'samples' / 'good'}']); "
        "assert r.exit_code == 0, r.output; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
