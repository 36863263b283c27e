"""What a worker process keeps between agency-years: one kernel, one browser, the HTML exporter warmed up.

All of it lives in one :class:`Worker` (one per process, :func:`current`); :func:`shutdown` closes it, and
is registered to run when the process ends (atexit in the main process, multiprocessing's finalizers in
pool workers, which skip atexit). Kernel sockets, connection file and the browser's profile go to a private
temporary folder named after the process (``lkj-PID-…``), removed on close, or by the next build when
the process was killed. A pool worker also watches its parent: when the build process dies (even by kill -9),
the worker kills its kernel, browser and driver and exits (:func:`watch_parent`).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading

from .browser import BrowserThread
from .kernel import Kernel, start_kernel
from .staging import private_tmp


class Worker:
    """The kernel, the browser and the exporter warm-up of this process, each started on first use."""

    def __init__(self):
        self._kernel: Kernel | None = None
        self._browser: BrowserThread | None = None
        self._preload: threading.Thread | None = None
        self.closed = False
        # the private temporary folder; TMPDIR points at it while the worker lives, so that Playwright's driver
        # puts the browser profile there, and Chromium its sockets, unless the path is too long for a socket
        # (107 bytes, "…/org.chromium.Chromium.XXXXXX/SingletonSocket"): then Chromium would not start
        self.tmp = private_tmp()
        self._saved_tmp = (os.environ.get("TMPDIR"), tempfile.tempdir)
        tempfile.tempdir = self.tmp
        if len(os.fsencode(self.tmp)) <= CHROMIUM_TMP_MAX:
            os.environ["TMPDIR"] = self.tmp

    def kernel(self, cwd: str) -> Kernel:
        """The worker's kernel: started on first use (without waiting for it to boot), reused while alive.

        Its start, the pandas/matplotlib import and the client's readiness handshake are paid once per
        worker, not per notebook or agency-year. Every notebook assigns what it uses from its parameters,
        so nothing carries over from one agency-year to the next but imported modules.
        """
        if self._kernel is not None:
            try:
                if self._kernel.km.is_alive():
                    return self._kernel
            except Exception:
                pass
            self.discard_kernel()
        self._kernel = self.start_kernel(cwd)
        return self._kernel

    def start_kernel(self, cwd: str) -> Kernel:
        """A new kernel, not waited for (its client's first use waits for it to boot)."""
        return Kernel(start_kernel(cwd, self.tmp))

    def discard_kernel(self) -> None:
        """Close the kernel (a failed run gets a fresh one next time)."""
        k, self._kernel = self._kernel, None
        if k is not None:
            k.close()

    def browser(self) -> BrowserThread:
        if self._browser is None or self._browser.broken:  # broken: stopped after a hung print
            self._browser = BrowserThread()
        return self._browser

    def preload_exporter(self) -> None:
        """Import nbconvert and compile its templates (about 0,8 s), and import what the results workbook needs
        (pandas, xlsxwriter: about 0,5 s), in a thread while the kernel boots; :meth:`exporter_ready` waits for it."""
        if self._preload is None:
            def _load():
                from ..report import export
                try:
                    export.warm_up()
                    from ..report import workbook  # noqa: F401
                except Exception:  # the real export reports any problem
                    pass

            self._preload = threading.Thread(target=_load, daemon=True)
            self._preload.start()

    def exporter_ready(self) -> None:
        if self._preload is not None:
            self._preload.join()

    def close(self) -> None:
        """Close the browser and the kernel (both at once: each takes about 0,1 s)."""
        if self.closed:
            return
        browser, self._browser = self._browser, None
        closing = threading.Thread(target=browser.close) if browser is not None else None
        if closing is not None:
            closing.start()
        self.discard_kernel()
        if closing is not None:
            closing.join(30)
        self.closed = True
        env_tmp, tempfile.tempdir = self._saved_tmp
        if env_tmp is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = env_tmp
        shutil.rmtree(self.tmp, ignore_errors=True)


#: the longest temporary folder Chromium starts in (its singleton socket's path must fit in 107 bytes)
CHROMIUM_TMP_MAX = 107 - len("/org.chromium.Chromium.XXXXXX/SingletonSocket") - 1

_CURRENT: Worker | None = None


def current(make=Worker) -> Worker:
    """This process's worker (made by ``make``, and its closing registered, on first use)."""
    global _CURRENT
    if _CURRENT is None:
        import atexit
        import multiprocessing.util

        atexit.register(shutdown)
        multiprocessing.util.Finalize(None, shutdown, exitpriority=100)
    if _CURRENT is None or _CURRENT.closed:  # closed: a later build in this process gets a new one
        _CURRENT = make()
    return _CURRENT


def start_watchdog() -> None:
    """:func:`watch_parent` in a thread of each pool worker process, from its start."""
    threading.Thread(target=watch_parent, daemon=True, name="watch-parent").start()


def watch_parent(poll: float = 0.25) -> None:
    """In a pool worker: when the build process is gone, kill every process this one started and exit.

    The pool's workers would otherwise finish their agency-year and wait for work forever (their queue's
    other end is open in the siblings), each with a kernel and a browser. Gone means: multiprocessing's
    parent sentinel is readable (the parent's end of the pipe closed), or this process's parent changed
    (the forkserver exits with the build process). Kernels die with their parent anyway (PR_SET_PDEATHSIG);
    the browser is a grandchild (via Playwright's driver), so every descendant is killed, found before any.
    """
    import multiprocessing
    import signal
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    ppid = os.getppid()
    sentinel = getattr(parent, "sentinel", None)
    while True:
        if sentinel is not None:
            try:
                if wait([sentinel], timeout=poll):
                    break
            except OSError:
                sentinel = None
        else:
            threading.Event().wait(poll)
        if os.getppid() != ppid:
            break
    for pid in descendants(os.getpid()):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    if _CURRENT is not None:
        shutil.rmtree(_CURRENT.tmp, ignore_errors=True)
    os._exit(1)


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc; empty elsewhere)."""
    from pathlib import Path

    children: dict[int, list[int]] = {}
    for p in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(p.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def shutdown() -> None:
    """Close this process's kernel and browser, if it has any."""
    if _CURRENT is not None:
        _CURRENT.close()
