"""Building agency-years in worker processes (``--jobs N``), each pipelining the agency-years it takes.

Each worker keeps one kernel and one browser (:mod:`.worker`) and takes agency-years from a shared queue one at a
time, building them as :func:`.runner.build_serial` does: an agency-year's PDF prints while the kernel runs the
next one's notebooks. Each worker tells the build process on its own pipe which agency-year it took, each Result
as it is committed, when it took its last one (``None``: no more work) and when it is done. A message is read whole
or the pipe's end says the worker is gone, so the build never waits on a dead worker:

- a worker that dies (killed, out of memory) after taking its last agency-year fails only those it had taken and
  not reported; the others build on;
- one that dies earlier breaks the pool (it may have died holding the queue): the other workers are stopped, with
  their kernels and browsers; what every worker reported stands, every agency-year not reported is failed with the
  reason, which says how the worker ended ("killed by signal 9 (SIGKILL)"). Previous outputs stay in place, and
  the next build repairs what the stopped workers staged (:mod:`.staging`).

Once every result is in, the workers get :data:`CLOSE_TIMEOUT` seconds to close their kernel and browser and exit,
then are stopped: a worker killed at that point changes nothing. When the consumer stops iterating (or is
interrupted), the workers are stopped at once; no process is left behind.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import asdict

from .options import Options, Result
from .staging import private_tempdir, remove_private_tmp
from .worker import descendants, shutdown, start_watchdog

#: seconds the workers get, once every result is in, to close their kernel and browser (a browser's close waits
#: 30 s at most) before they are stopped
CLOSE_TIMEOUT = 60.0
#: seconds a worker whose pipe ended gets to exit (its exit status is the reason given)
_EXIT_TIMEOUT = 10.0


def _drain(items, send, opt_dict: dict) -> None:
    """A worker's work: build the agency-years it takes from the queue (``items``), each Result sent back."""
    from .runner import build_serial

    for r in build_serial(items, Options(**opt_dict)):
        send(r)


def _work(target, tasks, conn, opt_dict: dict) -> None:
    """A worker process: the watchdog from its start (the worker goes down with the build process), then
    ``target(items, send, opt_dict)``, its kernel and browser closed at the end."""
    start_watchdog()

    def taken():
        while (item := tasks.get()) is not None:  # None: no more work, one per worker
            conn.send(("took", item))
            yield item
        conn.send(("idle", None))  # from now on this worker never touches the queue

    try:
        target(taken(), lambda r: conn.send(("result", asdict(r))), opt_dict)
        conn.send(("done", None))
    except BaseException as e:  # the reason the build process gives, not a traceback on stderr
        try:
            conn.send(("error", f"{type(e).__name__}: {e}"))
        except OSError:
            pass
        sys.exit(1)
    finally:
        shutdown()


class _Worker:
    """One worker process, its end of the results pipe, and what it took and has not reported."""

    def __init__(self, ctx, target, tasks, opt_dict: dict):
        self.conn, child = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_work, args=(target, tasks, child, opt_dict), name="lkj-build-worker")
        self._child = child
        self.held: set[tuple[str, int]] = set()
        self.idle = self.done = self.ended = False
        self.error = ""

    def start(self) -> None:
        self.proc.start()
        self._child.close()  # the worker holds the only write end: its death ends the pipe

    def messages(self):
        """The messages that arrived; :attr:`ended` once the pipe ended or the process is gone without more."""
        while True:
            try:
                if not self.conn.poll(0):
                    if self.proc.exitcode is not None:  # gone, the pipe kept open by a child it left
                        self.ended = True
                    return
                yield self.conn.recv()
            except (EOFError, OSError):
                self.ended = True
                return

    def how(self) -> str:
        """How the worker ended, for the reason of a failed agency-year."""
        if self.error:
            return f"it failed with {self.error}"
        self.proc.join(_EXIT_TIMEOUT)
        code = self.proc.exitcode
        if code is None:
            return "it closed its pipe and did not exit"
        if code < 0:
            try:
                return f"it was killed by signal {-code} ({signal.Signals(-code).name})"
            except ValueError:
                return f"it was killed by signal {-code}"
        return f"it exited with status {code}"

    def stop(self) -> None:
        """Kill the worker and every process it started (found while it is frozen, so that it starts no more);
        the private temporary folder of one that did not end normally goes too."""
        if self.proc.exitcode is None and self.proc.pid is not None:
            try:
                os.kill(self.proc.pid, signal.SIGSTOP)
                for pid in [self.proc.pid, *descendants(self.proc.pid)]:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
            except OSError:
                pass
            self.proc.join(_EXIT_TIMEOUT)
        self._child.close()
        if self.proc.exitcode not in (None, 0):  # one that ended normally removed its own
            remove_private_tmp(self.proc.pid)


def _context():
    import multiprocessing as mp

    return mp.get_context("forkserver" if sys.platform.startswith("linux") else "spawn")


def build_pool(items: list[tuple[str, int]], opt: Options, jobs: int, target=_drain, ctx=None,
               close_timeout: float = CLOSE_TIMEOUT):
    """Build ``items`` in ``jobs`` worker processes; yield each Result as it is committed, then every agency-year
    a dead worker did not report as failed. ``target(items, send, opt_dict)`` is a worker's work (tests pass
    their own); ``ctx`` the multiprocessing context (default: forkserver on Linux, else spawn)."""
    from multiprocessing.connection import wait

    ctx = ctx or _context()
    tasks = ctx.Queue()
    for agency, year in items:
        tasks.put((agency, int(year)))
    for _ in range(jobs):
        tasks.put(None)
    left = {(a, int(y)) for a, y in items}
    workers = [_Worker(ctx, target, tasks, asdict(opt)) for _ in range(jobs)]
    try:
        # the forkserver's socket folder goes to a private folder the next build removes if this one is killed
        with private_tempdir():
            for w in workers:
                w.start()
        while left:
            live = [w for w in workers if not w.ended]
            if not live:  # cannot happen unless a worker lost a result: still, never wait on nobody
                yield from _failed(left, left, "the worker process failed: no worker reported this agency-year")
                return
            wait([w.conn for w in live] + [w.proc.sentinel for w in live], timeout=1.0)
            for w in live:
                yield from _read(w, left)
                if not w.ended or w.done or (w.idle and not w.held):
                    continue
                how = w.how()
                if w.idle:  # it never touches the queue again: the others build on
                    yield from _failed(w.held, left, f"the worker process failed: {how} before reporting "
                                                     "this agency-year")
                    w.held.clear()
                    continue
                # it may have died holding the queue: the pool is broken
                for other in workers:
                    other.stop()
                for other in workers:
                    yield from _read(other, left)  # what was sent before they were stopped
                yield from _failed(w.held, left, f"the worker process failed: {how} before reporting "
                                                 "this agency-year")
                yield from _failed(left, left, f"the worker process failed: a worker of the pool ended ({how}) before "
                                               "this agency-year was reported, which stops the pool")
                return
        end = time.monotonic() + close_timeout
        for w in workers:  # every result is in: the workers close their kernel and browser and exit
            w.proc.join(max(0.0, end - time.monotonic()))
    finally:
        for w in workers:  # stragglers, or the consumer stopped iterating: nothing is left behind
            w.stop()
            w.conn.close()
        tasks.close()
        tasks.cancel_join_thread()  # agency-years never taken must not hold this process at its exit


def _read(w: _Worker, left: set):
    """Yield the Results among ``w``'s messages that arrived, keeping account of what it took."""
    for kind, value in w.messages():
        if kind == "took":
            w.held.add((value[0], int(value[1])))
        elif kind == "result":
            r = Result(**value)
            key = (r.agency, int(r.year))
            w.held.discard(key)
            if key in left:
                left.discard(key)
                yield r
        elif kind == "idle":
            w.idle = True
        elif kind == "done":
            w.done = True
        elif kind == "error":
            w.error = value


def _failed(keys: set, left: set, reason: str):
    """Each of ``keys`` still in ``left`` failed with ``reason`` (and taken out of ``left``)."""
    for key in sorted(keys & left):
        left.discard(key)
        yield Result(*key, "failed", error=reason)
