"""The worker's browser: one headless Chromium, owned by one thread, printing every PDF of the worker."""
from __future__ import annotations

import os
import signal


class PrintHung(RuntimeError):
    """A PDF did not print within its time limit: Chromium was taken as hung and stopped."""


class BrowserThread:
    """One browser per worker process, owned by one thread (Playwright's sync API is thread-bound).

    It is launched in the background when a build starts, so that its start-up overlaps the notebooks.
    A print that outlasts its time limit (:meth:`wait`) stops the browser: Playwright gives ``page.pdf`` no
    timeout, and a frozen Chromium would hold an unattended build for ever.
    """

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
        self.printer = None
        self.broken = False  # stopped after a hung print: the worker starts a new one
        self._drivers: list[int] = []  # Playwright's driver processes this browser started (Chromium below them)
        self._before: set[int] = set()  # the processes below this one before the launch
        self.started = self.pool.submit(self._start)

    def _start(self):
        from ..report.pdf import PdfPrinter
        from .worker import descendants

        self._before = set(descendants(os.getpid()))
        try:
            self.printer = PdfPrinter()
        except Exception:  # no Chromium, or it did not start (Playwright's launch limit is 180 s): the next
            self.broken = True  # agency-year of this worker tries a new browser rather than this failure again
            raise
        self._drivers = self._new_drivers()

    def _new_drivers(self) -> list[int]:
        """The Playwright drivers below this process that were not there before this browser's launch."""
        from .worker import descendants

        return [pid for pid in descendants(os.getpid()) if pid not in self._before and is_driver(pid)]

    def print_pdf(self, html, pdf, label, timeout: float | None = None):
        """Print ``html`` to ``pdf`` and wait for it (:meth:`wait`)."""
        return self.wait(self.submit_pdf(html, pdf, label), timeout)

    def submit_pdf(self, html, pdf, label, after=lambda: None):
        """Print ``html`` to ``pdf`` in the browser's thread, then call ``after()`` there; returns the future
        (its result raises PdfUnavailable when there is no engine). The caller goes on: a report is printed
        while the kernel runs the next notebook."""
        def _print():
            self.started.result()  # done: the launch was submitted first
            if self.broken:  # after a kill, a call into Playwright would wait for ever
                raise RuntimeError("the browser was stopped before this PDF printed")
            self.printer.print_pdf(html, pdf, label)
            after()
        return self.pool.submit(_print)

    def wait(self, printing, timeout: float | None):
        """The result of ``printing`` (a future of :meth:`submit_pdf`); when it is not done within ``timeout``
        seconds, the browser is stopped (:meth:`kill`) and :class:`PrintHung` raised."""
        from concurrent.futures import TimeoutError as FutureTimeout

        try:
            return printing.result(timeout=timeout)
        except FutureTimeout:
            self.kill()
            raise PrintHung(f"the PDF did not print within {timeout:g} s: Chromium was taken as hung and "
                            "stopped (a new one prints the next report); raise the limit with --print-timeout if "
                            "this report is just very long") from None

    def kill(self):
        """Stop this browser at once: its driver and every Chromium process below it are killed, which ends
        the call the browser's thread is stuck in with an error."""
        from .worker import descendants

        self.broken = True
        # first, what was queued behind the hung call is cancelled: after the kill, a new call into Playwright
        # would wait for ever (the call in progress ends with an error)
        self.pool.shutdown(wait=False, cancel_futures=True)
        # a launch that hangs (Chromium frozen before it answered) has not recorded its driver yet
        for driver in self._drivers or self._new_drivers():
            for pid in [driver, *descendants(driver)]:  # found before any is killed: orphans leave the tree
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass

    def prepare(self):
        """Open the page PDFs are printed from, in the background (after the launch, in the browser's
        thread); a no-op once it is open."""
        def _prepare():
            if self.printer is not None:
                self.printer.prepare()
        if not self.broken:
            self.pool.submit(_prepare)

    def close(self):
        """Close the browser; one that does not close within 30 s is stopped (:meth:`kill`): its thread
        must not hold the process's exit (the interpreter waits for it)."""
        if self.broken:
            self.pool.shutdown(wait=False, cancel_futures=True)
            return

        def _close():
            if self.printer is not None:
                self.printer.close()
        try:
            self.pool.submit(_close).result(timeout=30)
        except TimeoutError:
            self.kill()
            return
        except Exception:  # a browser that had failed to start: nothing to close
            pass
        self.pool.shutdown(wait=False)


def is_driver(pid: int) -> bool:
    """Whether ``pid`` is a Playwright driver (``… run-driver``), read from /proc."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"run-driver" in f.read()
    except OSError:
        return False
