"""Executed report notebook -> one self-contained HTML file (nbconvert) -> A4 PDF (headless Chromium).

HTML: nbconvert's ``basic`` template renders the cells' outputs only (no inputs, no prompts, no
parameter cells, no error cells); the page around it is ours, with inline CSS and no script or font
from the network. Charts are inline SVG.

PDF: Debian's ``chromium`` driven by Playwright with ``executable_path`` (Playwright's own browser
download does not work offline). One browser is kept open for many PDFs. Network requests other than
the file itself are aborted.
"""
from __future__ import annotations

import base64
import copy
import os
import re
import shutil
from html import escape
from importlib import resources
from pathlib import Path

REMOVE_TAGS = {"parameters", "injected-parameters", "papermill-error-cell-tag", "remove"}
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]


class PdfUnavailable(RuntimeError):
    """The PDF engine's system parts are missing; the message says how to get them."""


def css() -> str:
    return resources.files("analysis").joinpath("templates/report.css").read_text(encoding="utf-8")


_EXPORTER = None


def exporter():
    """The process's HTML exporter. Made once: an exporter compiles its Jinja templates on first use
    (about 0,25 s), and a new exporter would compile them again."""
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert import HTMLExporter
        from nbconvert.preprocessors import TagRemovePreprocessor

        ex = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                          exclude_output_prompt=True, exclude_markdown=True, exclude_raw=True)
        ex.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=REMOVE_TAGS, enabled=True), enabled=True)
        _EXPORTER = ex
    return _EXPORTER


def warm_up() -> None:
    """Import nbconvert and compile the templates (a build does it while the kernel runs the notebooks)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output("display_data", {"text/html": "<p></p>"})])]
    notebook_to_html(nb, "", "id", "")


def notebook_to_html(nb, title: str, lang: str = "id", footer: str = "") -> str:
    """The report page: every output of ``nb`` (an executed notebook), no code, no markdown cells."""
    # shallow copies: ``nb`` stays as it is, and the exporter deep-copies what it gets anyway
    nb = copy.copy(nb)
    nb.cells = [copy.copy(c) for c in nb.cells]
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            # warnings printed to stderr are for the analyst, not for the report's readers
            cell["outputs"] = [o for o in cell.get("outputs", [])
                               if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    body, _ = exporter().from_notebook_node(nb)
    body = _chart_alt_text(body)
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{escape(title)}</title>\n<style>\n{css()}</style>\n</head>\n<body>\n{body}\n'
            f'<footer class="provenance">{footer}</footer>\n</body>\n</html>\n')


_SVG_IMG = re.compile(r'<img alt="[^"]*" src="data:image/svg\+xml;base64,([^"]+)"')


def _chart_alt_text(body: str) -> str:
    """nbconvert labels every chart "No description has been provided"; use the chart's own <title>."""
    def alt(m):
        svg = base64.b64decode(m.group(1)).decode("utf-8", "replace")
        t = re.search(r"<title>(.*?)</title>", svg)
        label = t.group(1) if t else "grafik"
        return f'<img alt="{label}" src="data:image/svg+xml;base64,{m.group(1)}"'
    return _SVG_IMG.sub(alt, body)


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
            raise PdfUnavailable(f"Chromium at {exe} did not start ({e}); reinstall it with "
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
            # page.pdf renders with the print media type (the report's @media print rules) by default
            page.pdf(path=str(pdf_path), format="A4", print_background=True, prefer_css_page_size=True,
                     display_header_footer=True, header_template="<span></span>", footer_template=footer,
                     margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"})
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
