"""Many agency-years on a Dask cluster: a ``LocalCluster`` started for the build (``--cluster local``) or an
existing scheduler (``--scheduler tcp://HOST:8786``); one agency-year per task.

The client (the build process) decides what to build, as ``--jobs`` does: an agency-year whose inputs and
outputs are unchanged is skipped without a cluster (nothing to build: no cluster is started at all). Each
other one becomes a task keyed by its inputs, ``build-<agency>-<year>-<digest>`` (:func:`task_digest`: the
input fingerprint and the build's options), so that a changed input is a new task and never a result Dask
still holds for the old one. Tasks return the :class:`~.options.Result` as a plain dict (never tables);
results are reported as they complete (``as_completed``), a task that raised or whose worker died is a
failed agency-year like any other, and the index is written by the caller in this process afterwards.

What the workers do is :mod:`.dask_worker` (imported, with dask, only when a cluster is asked for).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict

from .fingerprint import input_hash, is_up_to_date
from .options import Options, Result

#: the ``--cluster`` values (a LocalCluster of process workers, one thread each)
LOCAL = "local"
#: kernels starting at once on the whole cluster: a start is CPU-heavy (the kernel imports pandas and
#: matplotlib) and parallel launches race (papermill #239, #511)
KERNEL_STARTS = 2
#: seconds to wait for an existing scheduler's first worker (reaching the scheduler: Dask's
#: ``distributed.comm.timeouts.connect``, 30 s unless configured)
WORKERS_TIMEOUT = 120


class ClusterError(RuntimeError):
    """The cluster could not be started or reached, or its workers do not match this client."""


def task_digest(agency: str, year: int, opt: Options, inputs: str | None = None) -> str:
    """What a task is keyed by: the agency-year's input fingerprint (:func:`.fingerprint.input_hash`,
    ``inputs`` when already computed) and every option of the build (folders, languages, PDF, ``--force``,
    ``--param``, date): two tasks with the same digest build the same outputs into the same place."""
    inputs = inputs or input_hash(agency, year, opt)
    text = json.dumps({"inputs": inputs, "options": asdict(opt)}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def task_key(agency: str, year: int, digest: str) -> str:
    return f"build-{agency}-{int(year)}-{digest[:32]}"


def plan(items: list[tuple[str, int]], opt: Options) -> Iterator[Result | tuple[str, int, str]]:
    """For each agency-year: a Result when it is settled here (skipped as unchanged, or failed before any
    notebook ran), else ``(agency, year, digest)`` to submit."""
    from ..ingest.raw import check_agency_year
    from .runner import describe_error

    for agency, year in items:
        start = time.perf_counter()
        try:
            check_agency_year(agency, year)
            inputs = input_hash(agency, year, opt)
            if not opt.force and is_up_to_date(agency, year, opt, inputs):
                yield Result(agency, int(year), "skipped", time.perf_counter() - start)
                continue
            yield agency, int(year), task_digest(agency, year, opt, inputs)
        except Exception as e:  # reported like a failure on a worker: the others still build
            yield Result(agency, int(year), "failed", time.perf_counter() - start, describe_error(e))


def build_on_cluster(items: list[tuple[str, int]], opt: Options, where: str, jobs: int | None = None
                     ) -> Iterator[Result]:
    """Build ``items`` on a LocalCluster (``where == "local"``, ``jobs`` workers, default one per core, never
    more than there are agency-years to build) or on the scheduler at address ``where``; yields each
    agency-year's Result, settled ones first, then as tasks complete."""
    todo = []
    for entry in plan(items, opt):
        if isinstance(entry, Result):
            yield entry
        else:
            todo.append(entry)
    if not todo:
        return
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    with connect(where, workers) as client:
        yield from run(client, todo, opt)


def submit(client, todo: list[tuple[str, int, str]], opt: Options, gate=None) -> dict:
    """One task per agency-year (keyed by :func:`task_key`); returns future -> (agency, year)."""
    from .dask_worker import build_task

    opt_dict = asdict(opt)
    return {client.submit(build_task, agency, year, opt_dict, digest, gate, key=task_key(agency, year, digest)):
            (agency, year) for agency, year, digest in todo}


def run(client, todo: list[tuple[str, int, str]], opt: Options) -> Iterator[Result]:
    """Submit ``todo`` to ``client`` and yield each Result as its task completes."""
    from distributed import Semaphore, as_completed

    # one semaphore per build: its kernel starts are capped; closed with the build
    gate = Semaphore(max_leases=KERNEL_STARTS, name=f"lkj-kernel-starts-{uuid.uuid4().hex}")
    futures = submit(client, todo, opt, gate)
    pending = set(futures)
    try:
        for future in as_completed(futures):
            pending.discard(future)
            agency, year = futures[future]
            try:
                result = Result(**future.result())
            except Exception as e:  # the task raised, or its worker died (Dask retried it elsewhere first)
                result = Result(agency, year, "failed",
                                error=f"the worker process failed: {type(e).__name__}: {e}")
            future.release()
            yield result
    finally:
        if pending:
            client.cancel(list(pending))  # a build cut short leaves no work behind on a shared cluster
        gate.close()


@contextlib.contextmanager
def connect(where: str, workers: int):
    """A Client: of a LocalCluster of ``workers`` process workers with one thread each (closed afterwards),
    or of the scheduler at ``where`` (its workers are used as they are); the worker plugin is registered."""
    import logging

    from distributed import Client, LocalCluster

    from .dask_worker import BuildPlugin
    from .staging import private_tempdir

    cluster = None
    if where == LOCAL:
        with private_tempdir() as tmp:  # the workers' scratch space, removed when this process exits
            # one thread per worker: papermill's working-directory handling is not thread-safe (papermill #473);
            # no dashboard (no port to bind); Dask's own log only for errors (the build's log stays readable)
            try:
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR, local_directory=tmp)
            except Exception as e:
                raise ClusterError(f"could not start a Dask LocalCluster: {type(e).__name__}: {e}") from None
        client = Client(cluster)
    else:
        try:
            client = Client(where)
        except (OSError, TimeoutError, ValueError) as e:
            raise ClusterError(f"could not connect to the Dask scheduler at {where}: {e}") from None
    try:
        if cluster is None:
            try:
                client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
            except TimeoutError:
                raise ClusterError(f"no Dask worker joined the scheduler at {where} within {WORKERS_TIMEOUT} s: "
                                   f"start one with `dask worker {where} --nthreads 1`") from None
            try:
                client.get_versions(check=True)
            except ValueError as e:
                raise ClusterError(f"the Dask workers at {where} run other package versions than this "
                                   f"client (install the same requirements.lock everywhere): {e}") from None
        try:
            client.register_plugin(BuildPlugin())
        except Exception as e:  # a worker that cannot import the project
            raise ClusterError(f"the Dask workers could not load the build (is the project installed in their "
                               f"environment?): {type(e).__name__}: {e}") from None
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
