"""The worker's browser: one headless Chromium, owned by one thread, printing every PDF of the worker."""
from __future__ import annotations


class BrowserThread:
    """One browser per worker process, owned by one thread (Playwright's sync API is thread-bound).

    It is launched in the background when a build starts, so that its start-up overlaps the notebooks.
    """

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
        self.printer = None
        self.started = self.pool.submit(self._start)

    def _start(self):
        from ..report.pdf import PdfPrinter
        self.printer = PdfPrinter()

    def print_pdf(self, html, pdf, label):
        return self.submit_pdf(html, pdf, label).result()

    def submit_pdf(self, html, pdf, label, after=lambda: None):
        """Print ``html`` to ``pdf`` in the browser's thread, then call ``after()`` there; returns the future
        (its result raises PdfUnavailable when there is no engine). The caller goes on: a report is printed
        while the kernel runs the next notebook."""
        def _print():
            self.started.result()  # done: the launch was submitted first
            self.printer.print_pdf(html, pdf, label)
            after()
        return self.pool.submit(_print)

    def prepare(self):
        """Open the page PDFs are printed from, in the background (after the launch, in the browser's
        thread); a no-op once it is open."""
        def _prepare():
            if self.printer is not None:
                self.printer.prepare()
        self.pool.submit(_prepare)

    def close(self):
        def _close():
            if self.printer is not None:
                self.printer.close()
        try:
            self.pool.submit(_close).result(timeout=30)
        except Exception:
            pass
        self.pool.shutdown(wait=False)
