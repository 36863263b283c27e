"""What runs inside a Dask worker: one agency-year per task, one kernel and one browser per worker process.

The worker process keeps its :class:`~.worker.Worker` (kernel, browser, exporter) from task to task, as a
``--jobs`` pool worker does. Differences, each for a reason:

- the kernel is started and waited for under a cluster-wide semaphore (concurrent kernel starts are capped:
  parallel launches race and overload a machine), and a start that fails is retried, a bounded number of
  times with growing pauses, before the agency-year fails;
- the browser is launched lazily by the first task that prints, on the worker's browser thread: Playwright's
  sync API fails in ``WorkerPlugin.setup``, which runs on the worker's event loop;
- :class:`BuildPlugin` closes kernel and browser when the worker closes (``teardown``); a worker process
  that ends otherwise still closes them at exit (:func:`.worker.current` registers that);
- each task checks that the inputs it sees hash to the digest it was submitted under (its key): a worker
  with other code, or a file changed after submission, fails the agency-year instead of building something
  other than what the key says.

Imported only on Dask workers and by :mod:`.cluster` once a cluster is asked for (it imports distributed).
"""
from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import asdict

from distributed.diagnostics.plugin import WorkerPlugin

from .engine import register_engine
from .kernel import Kernel, start_kernel
from .options import BuildError, Options, Result
from .worker import Worker, current, shutdown

#: attempts at starting a kernel before the agency-year fails, and the first pause (doubled each time)
KERNEL_START_ATTEMPTS = 3
KERNEL_START_BACKOFF = 1.0


def start_with_retries(start, gate=None, attempts: int = KERNEL_START_ATTEMPTS,
                       backoff: float = KERNEL_START_BACKOFF, sleep=time.sleep):
    """``start()`` inside ``gate`` (a context manager: the cap on concurrent starts), retried on failure after
    ``backoff``, ``2 × backoff``, … seconds (outside the gate, so others may start meanwhile); a BuildError
    naming the last failure when every attempt failed."""
    last = None
    for attempt in range(attempts):
        try:
            with gate if gate is not None else contextlib.nullcontext():
                return start()
        except Exception as e:
            last = e
            if attempt + 1 < attempts:
                sleep(backoff * 2 ** attempt)
    raise BuildError(f"the kernel did not start in {attempts} attempts: {type(last).__name__}: {last}")


class DaskWorker(Worker):
    """A :class:`~.worker.Worker` whose kernel starts under ``gate`` and is retried (see the module)."""

    def __init__(self, gate=None):
        super().__init__()
        self.gate = gate

    def start_kernel(self, cwd: str) -> Kernel:
        """A new kernel, booted and answering (the part that loads the machine is inside the gate)."""

        def start() -> Kernel:
            kernel = Kernel(start_kernel(cwd, self.tmp))
            try:
                kernel.client()
            except BaseException:
                kernel.close()
                raise
            return kernel

        # what the build's process does while a kernel boots, started first here (the boot is waited for below):
        # nbconvert's import and templates, and papermill's import
        self.preload_exporter()
        threading.Thread(target=_import_papermill, daemon=True, name="lkj-import-papermill").start()
        return start_with_retries(start, self.gate)


def _import_papermill() -> None:
    """papermill imported and its engine registered ahead of the first notebook; a failure here (an import racing
    the exporter's thread) is left to the notebook run, which registers the engine again and reports any error."""
    try:
        register_engine()
    except Exception:  # said again, with its traceback, where it matters
        pass


def build_task(agency: str, year: int, opt_dict: dict, digest: str, gate=None) -> dict:
    """One agency-year on this worker (a Dask task): :func:`.runner.build_one`, as a plain dict of its Result.

    ``digest`` is the one in the task's key (:func:`.cluster.task_digest`); inputs that hash otherwise here
    fail the agency-year (see the module). ``gate``: the cluster's kernel-start semaphore."""
    from .cluster import task_digest
    from .runner import build_one, describe_error

    opt = Options(**opt_dict)
    start = time.perf_counter()
    try:
        seen = task_digest(agency, year, opt)
    except Exception as e:
        return asdict(Result(agency, int(year), "failed", time.perf_counter() - start, describe_error(e)))
    if seen != digest:
        return asdict(Result(agency, int(year), "failed", time.perf_counter() - start,
                             "the inputs on this worker differ from those the build was submitted with (a file "
                             "changed meanwhile, or the worker runs other code or sees other data): build again"))
    worker = current(DaskWorker)
    if isinstance(worker, DaskWorker):
        worker.gate = gate
    return asdict(build_one(agency, year, opt))


class BuildPlugin(WorkerPlugin):
    """Closes the worker process's kernel and browser when the worker closes (``teardown``)."""

    name = "lkj-build"
    idempotent = True  # a second build on the same cluster keeps the plugin (and the warm workers)

    def setup(self, worker):
        pass  # nothing to start here: the kernel and the browser start with the first task (see the module)

    def teardown(self, worker):
        # teardown runs on the worker's event loop: kernel and browser are closed from a thread of their own
        closing = threading.Thread(target=shutdown, name="lkj-close")
        closing.start()
        closing.join(60)
