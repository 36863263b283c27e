"""What a worker process keeps between agency-years: one kernel, one browser, the HTML exporter warmed up.

All of it lives in one :class:`Worker` (one per process, :func:`current`); :func:`shutdown` closes it, and
is registered to run when the process ends (atexit in the main process, multiprocessing's finalizers in
pool workers, which skip atexit).
"""
from __future__ import annotations

import threading

from .browser import BrowserThread
from .kernel import Kernel, start_kernel


class Worker:
    """The kernel, the browser and the exporter warm-up of this process, each started on first use."""

    def __init__(self):
        self._kernel: Kernel | None = None
        self._browser: BrowserThread | None = None
        self._preload: threading.Thread | None = None

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
        self._kernel = Kernel(start_kernel(cwd))
        return self._kernel

    def discard_kernel(self) -> None:
        """Close the kernel (a failed run gets a fresh one next time)."""
        k, self._kernel = self._kernel, None
        if k is not None:
            k.close()

    def browser(self) -> BrowserThread:
        if self._browser is None:
            self._browser = BrowserThread()
        return self._browser

    def preload_exporter(self) -> None:
        """Import nbconvert and compile its templates (about 0,8 s) in a thread while the kernel boots;
        :meth:`exporter_ready` waits for it."""
        if self._preload is None:
            def _load():
                from ..report import export
                try:
                    export.warm_up()
                except Exception:  # the real export reports any problem
                    pass

            self._preload = threading.Thread(target=_load, daemon=True)
            self._preload.start()

    def exporter_ready(self) -> None:
        if self._preload is not None:
            self._preload.join()

    def close(self) -> None:
        """Close the browser and the kernel (both at once: each takes about 0,1 s)."""
        browser, self._browser = self._browser, None
        closing = threading.Thread(target=browser.close) if browser is not None else None
        if closing is not None:
            closing.start()
        self.discard_kernel()
        if closing is not None:
            closing.join(30)


_CURRENT: Worker | None = None


def current() -> Worker:
    """This process's worker (made, and its closing registered, on first use)."""
    global _CURRENT
    if _CURRENT is None:
        import atexit
        import multiprocessing.util

        _CURRENT = Worker()
        atexit.register(shutdown)
        multiprocessing.util.Finalize(None, shutdown, exitpriority=100)
    return _CURRENT


def shutdown() -> None:
    """Close this process's kernel and browser, if it has any."""
    if _CURRENT is not None:
        _CURRENT.close()
