"""Building agency-years in worker processes (``--jobs N``), each pipelining the agency-years it takes.

Each worker keeps one kernel and one browser (:mod:`.worker`) and takes agency-years from a shared queue one at a
time, building them as :func:`.runner.build_serial` does: an agency-year's PDF prints while the kernel runs the
next one's notebooks. Results come back one by one as they are committed. A worker that dies (killed, out of
memory) breaks the pool, as :class:`~concurrent.futures.ProcessPoolExecutor` rules: what the workers reported
stands, every agency-year not reported is failed with the reason (its previous outputs stay in place, and the next
build repairs what the dead worker staged, :mod:`.staging`).
"""
from __future__ import annotations

import queue
import sys
from dataclasses import asdict

from .options import Options, Result
from .staging import private_tempdir
from .worker import start_watchdog

#: in a worker process: the queue of agency-years to build and the queue of results (set by :func:`_init`)
_TASKS = _RESULTS = None


def _init(tasks, results) -> None:
    """The pool's initializer: the queues (inherited at the start, as queues must be), and the watchdog that
    takes the worker down with the build process."""
    global _TASKS, _RESULTS
    _TASKS, _RESULTS = tasks, results
    start_watchdog()


def _taken():
    while (item := _TASKS.get()) is not None:  # None: no more work, one per worker
        yield item


def _drain(opt_dict: dict) -> None:
    """A worker's one task: build agency-years from the queue until it is empty, each result sent back."""
    from .runner import build_serial

    for r in build_serial(_taken(), Options(**opt_dict)):
        _RESULTS.put(asdict(r))


def build_pool(items: list[tuple[str, int]], opt: Options, jobs: int):
    """Build ``items`` in ``jobs`` worker processes; yield each Result as it is committed."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("forkserver" if sys.platform.startswith("linux") else "spawn")
    tasks, results = ctx.Queue(), ctx.Queue()
    for agency, year in items:
        tasks.put((agency, int(year)))
    for _ in range(jobs):
        tasks.put(None)
    left = {(a, int(y)) for a, y in items}
    # each worker watches this process from its start: killed, the build takes its workers along; the forkserver's
    # socket folder goes to a private folder the next build removes if this one is killed
    with private_tempdir(), ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init,
                                                initargs=(tasks, results)) as ex:
        workers = [ex.submit(_drain, asdict(opt)) for _ in range(jobs)]
        while left:
            try:
                r = Result(**results.get(timeout=0.2))
            except queue.Empty:
                ended = [w for w in workers if w.done()]
                if len(ended) < len(workers) and not any(w.exception() for w in ended):
                    continue
                yield from _drained(results, left)  # what was sent before the pool broke
                cause = next((w.exception() for w in ended if w.exception()), None)
                why = f"{type(cause).__name__}: {cause}" if cause else "it ended without reporting this agency-year"
                for a, y in sorted(left):
                    yield Result(a, y, "failed", error=f"the worker process failed: {why}")
                return
            left.discard((r.agency, r.year))
            yield r


def _drained(results, left: set):
    while left:
        try:
            r = Result(**results.get(timeout=0.5))
        except queue.Empty:
            return
        left.discard((r.agency, r.year))
        yield r
