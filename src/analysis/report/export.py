"""Executed report notebook -> one self-contained HTML page (nbconvert), ready to print to PDF.

nbconvert's ``basic`` template renders the cells' outputs only (no inputs, no prompts, no parameter
cells, no error cells); the page around it is ours (``templates/page.html``), with inline CSS and no
script or font from the network. Charts are inline SVG.
"""
from __future__ import annotations

import base64
import copy
import re

REMOVE_TAGS = {"parameters", "injected-parameters", "papermill-error-cell-tag", "remove"}


def page(body: str, title: str, lang: str = "id", footer: str = "", others: dict[str, str] | None = None,
         workbook: str = "") -> str:
    """The whole HTML page around ``body`` (markup, kept as it is); ``title`` and ``footer`` are text;
    ``others``: language -> file name of the same report in that language, linked at the top; ``workbook``: the
    file name of the results workbook, a download link at the top ("": none)."""
    from markupsafe import Markup

    from .render import render, stylesheet

    return render("page.html", lang=lang, title=title, css=stylesheet("report.css"), body=Markup(body),
                  footer=footer, others=others or {}, workbook=workbook) + "\n"


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
    output = nbformat.v4.new_output("display_data", {"text/html": "<p></p>"})
    nb.cells = [nbformat.v4.new_code_cell("", outputs=[output])]
    notebook_to_html(nb, "", "id", "")


def notebook_to_html(nb, title: str, lang: str = "id", footer: str = "", others: dict[str, str] | None = None,
                     workbook: str = "") -> str:
    """The report page: every output of ``nb`` (an executed notebook), no code, no markdown cells; ``others`` and
    ``workbook`` as :func:`page` takes them."""
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
    return page(body, title, lang, footer, others, workbook)


_SVG_IMG = re.compile(r'<img alt="[^"]*" src="data:image/svg\+xml;base64,([^"]+)"')


def _chart_alt_text(body: str) -> str:
    """nbconvert labels every chart "No description has been provided"; use the chart's own <title>."""
    def alt(m):
        svg = base64.b64decode(m.group(1)).decode("utf-8", "replace")
        t = re.search(r"<title>(.*?)</title>", svg)
        label = t.group(1) if t else "grafik"
        return f'<img alt="{label}" src="data:image/svg+xml;base64,{m.group(1)}"'
    return _SVG_IMG.sub(alt, body)
