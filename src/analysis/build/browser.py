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
        self.started.result()  # raises PdfUnavailable when there is no engine
        return self.pool.submit(self.printer.print_pdf, html, pdf, label).result()

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
