"""`grade --dask`: the per-draft checking of a run on a Dask cluster (an existing scheduler, or
a LocalCluster of worker processes), for a history too big for one machine's cores.

The client reads the inputs, as locally, and sends the drafts (without their Origin) in chunks;
each worker builds one engine per config and keeps it for its life (`run.engine_for`), so the
pipeline loads once per worker process. Chunks are keyed by run and index: Dask computes each
key once, and reschedules a chunk whose worker died, so none is lost or counted twice. Results
come back in input order through a window of chunks in flight, so the client holds a bounded
number of them; the rules across emails then run on the client as the reduce, exactly as in a
local run. Only this module imports dask, and only when `--dask` is given."""

from __future__ import annotations

import contextlib
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchlint import __version__
from pitchlint.errors import ClusterError

if TYPE_CHECKING:
    from distributed import Client

    from pitchlint.config import Config
    from pitchlint.draft import Draft
    from pitchlint.report import Report


IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: keeps each busy, bounds what waits on the client
Checked = tuple[list["Report"], list[str]]  # a chunk's reports and the failures of rules that raised


@contextlib.contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the cluster at `address` (`tcp://host:8786`, a scheduler file's path, or
    `local:N` for N worker processes on this machine, closed with the run)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs the dask extra: pip install 'pitchlint[dask]'") from None
    if address.startswith("local:"):
        count = _worker_count(address)
        with (
            LocalCluster(
                n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    if "://" not in address and not Path(address).is_file():
        raise ClusterError(f"--dask {address}: cannot reach the scheduler (no such scheduler file)")
    try:
        client = Client(address, timeout="20s") if "://" in address else Client(scheduler_file=address)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
    with client:
        yield client


def _worker_count(address: str) -> int:
    try:
        count = int(address.removeprefix("local:"))
    except ValueError:
        count = 0
    if not 1 <= count <= 64:
        raise ClusterError(f"--dask {address}: give local:N with N from 1 to 64 worker processes")
    return count


def check_chunks(
    client: Client,
    config: Config,
    chunks: Iterable[list[Draft]],
    task: Callable[[Config, list[Draft]], Checked],
) -> Iterator[Checked]:
    """Each chunk's reports and rule failures, in chunk order, from `task` on the cluster's
    workers (`run.check_on_worker`: this module does not import the engine)."""
    from distributed import KilledWorker

    _preflight(client, config)
    workers = max(1, sum(client.nthreads().values()))  # threads: each checks a chunk at a time
    shared = client.scatter(config, broadcast=True)
    run = uuid.uuid4().hex[:12]
    upcoming = iter(enumerate(chunks))
    pending: deque[Any] = deque()

    def submit_next() -> None:
        for index, chunk in upcoming:
            future = client.submit(task, shared, chunk, key=f"pitchlint-{run}-{index}")
            pending.append((future, chunk[0].path if chunk else "?"))
            return

    for _ in range(workers * IN_FLIGHT_PER_WORKER):
        submit_next()
    while pending:
        future, first = pending.popleft()
        try:
            result = future.result()
        except KilledWorker:
            raise ClusterError(
                f"--dask: the chunk from {first} on took down every worker that tried it (Dask's "
                "distributed.scheduler.allowed-failures); nothing was written"
            ) from None
        future.release()
        submit_next()
        yield result


def _preflight(client: Client, config: Config) -> None:
    """Refuse a cluster whose workers would grade differently: another pitchlint version, the
    config's rule folders missing there (a remote worker reads them at the same path), or
    another spaCy pipeline than this machine would use (or none)."""
    _version, _missing, model = worker_setup((), config.model)
    found = client.run(worker_setup, config.rule_folders, config.model)
    if not found:
        raise ClusterError("--dask: the cluster has no workers")
    for worker, (version, missing, theirs) in sorted(found.items()):
        if version != __version__:
            raise ClusterError(f"--dask: worker {worker} runs pitchlint {version}, this is {__version__}")
        if missing:
            raise ClusterError(
                f"--dask: worker {worker} has no rule folder {missing[0]} (custom rules must be at "
                "the same path on every worker)"
            )
        if theirs != model:
            raise ClusterError(
                f"--dask: worker {worker} would parse with spaCy pipeline {theirs or 'none'}, this "
                f"machine with {model or 'none'} (install the same on every worker)"
            )


def worker_setup(folders: Sequence[Path], model: str | None) -> tuple[str, list[str], str | None]:
    """What `_preflight` asks each worker: its pitchlint version, the rule folders it lacks, and
    the spaCy pipeline it would load for the config's `model` (None: not installed)."""
    from pitchlint import __version__ as version
    from pitchlint.errors import ModelError
    from pitchlint.nlp import resolve_model

    try:
        resolved = resolve_model(model)
    except ModelError:
        resolved = None
    return version, [str(folder) for folder in folders if not Path(folder).is_dir()], resolved
