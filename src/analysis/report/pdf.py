"""HTML page -> A4 PDF in headless Chromium (Debian's ``chromium`` driven by Playwright), one browser for many PDFs.

Playwright's own browser download does not work offline, so the system's Chromium is given by path.
Network requests other than the file itself are aborted. The PDF is tagged (a structure tree of
headings, tables and lists) and has an outline (bookmarks from the headings); ``<details>`` are printed open.
"""
from __future__ import annotations

import os
import shutil
from html import escape
from pathlib import Path

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]


class PdfUnavailable(RuntimeError):
    """The PDF engine's system parts are missing; the message says how to get them."""


def chromium_path() -> str | None:
    return os.environ.get("LKJ_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class PdfPrinter:
    """One headless Chromium for many PDFs. Use as a context manager."""

    def __init__(self):
        exe = chromium_path()
        if not exe or not os.path.exists(exe):
            raise PdfUnavailable("PDF needs Debian's chromium: run `sudo apt-get install chromium` (or `make report` "
                                 "as root), or set LKJ_CHROMIUM to a Chromium binary. HTML reports are still built.")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as e:  # pragma: no cover - playwright is a locked dependency
            raise PdfUnavailable(f"playwright is not installed ({e})") from e
        self._page = None
        self._pw = sync_playwright().start()
        try:
            self.browser = self._pw.chromium.launch(executable_path=exe, args=CHROMIUM_FLAGS)
        except Exception as e:
            self._pw.stop()
            first = next((line.strip() for line in str(e).splitlines() if line.strip()), type(e).__name__)
            raise PdfUnavailable(f"Chromium at {exe} did not start ({first}); reinstall it with "
                                 "`sudo apt-get install chromium`. HTML reports are still built.") from e

    def prepare(self) -> None:
        """Open the page the PDFs are printed from, once (about 0,2 s), so that it is ready before the first one.

        One page serves every PDF of this printer: a new page costs a renderer process, which on this
        machine doubled the CPU time of a print (1,5 s instead of 0,7 s) and showed as lost parallelism
        in batch builds.
        """
        if self._page is None or self._page.is_closed():
            page = self.browser.new_page()
            # the report is one self-contained file: any other request would be a leak, so it is refused
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
            self._page = page

    def print_pdf(self, html_path: Path, pdf_path: Path, footer_label: str = "") -> None:
        self.prepare()
        page = self._page
        try:
            page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
            footer = ("<div style='font-size:7px;width:100%;padding:0 14mm;color:#666;display:flex;"
                      f"justify-content:space-between'><span>{escape(footer_label)}</span>"
                      "<span><span class='pageNumber'></span> / <span class='totalPages'></span></span></div>")
            # collapsed lists (the reconciliation's matches) are printed in full: the PDF's appendix
            page.evaluate("for (const d of document.querySelectorAll('details')) d.open = true")
            # page.pdf renders with the print media type (the report's @media print rules) by default;
            # tagged: a structure tree (headings, tables, lists) for screen readers and text extraction,
            # outline: bookmarks from the headings
            page.pdf(path=str(pdf_path), format="A4", print_background=True, prefer_css_page_size=True,
                     display_header_footer=True, header_template="<span></span>", footer_template=footer,
                     margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                     tagged=True, outline=True)
        except BaseException:
            self._page = None  # the next PDF starts from a fresh page
            try:
                page.close()
            except Exception:
                pass
            raise

    def close(self) -> None:
        try:
            self.browser.close()
        finally:
            self._pw.stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
