"""Running the notebooks of an agency-year with papermill, in the worker's kernel, through one shared client."""
from __future__ import annotations

import functools
from pathlib import Path

from ..config import NOTEBOOKS
from .languages import file_name, languages
from .options import BuildError, Options
from .parameters import check, for_notebook
from .products import check_products, file_system_now


def skip_unused_imports() -> None:
    """Skip an import nbformat's validator makes and notebooks never use; call before importing nbformat.

    jsonschema (imported by nbformat) compiles an IRI grammar from rfc3987-syntax at import time when that
    package is installed (it comes with jupyterlab): ~1,9 s per process on this machine, for a format that
    notebook validation never uses. Making its import fail skips that one format checker.
    """
    import sys

    sys.modules.setdefault("rfc3987_syntax", None)


@functools.cache
def register_engine() -> str:
    """papermill's nbclient engine, given the worker's kernel client.

    papermill (through nbclient) would open a new client for each notebook and wait for it to be ready;
    jupyter_client's readiness check ends by draining IOPub until 0,2 s pass in silence, so every notebook
    paid 0,2 s of waiting (and left the client's sockets open, as nbclient closes them only for kernels it
    owns). Engines are papermill's extension point: this one hands nbclient the client that is open.
    Registered once per process; returns the engine's name.
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger

    class SharedClientEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, kc=None,
                                     **kwargs):
            kwargs.pop("input_path", None)
            client = PapermillNotebookClient(nb_man, kernel_name=kernel_name, log=logger, log_output=log_output,
                                             stdout_file=stdout_file, stderr_file=stderr_file,
                                             startup_timeout=start_timeout, timeout=execution_timeout, **kwargs)
            client.kc = kc  # set: nbclient uses it instead of starting a client of its own
            return client.execute()

    papermill_engines.register("lkj-shared-client", SharedClientEngine)
    return "lkj-shared-client"


def runs(langs: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(notebook, language) in the order they run: the notebooks before the report once (their tables do not
    depend on the language, ``None``), the report notebook once per language."""
    *before, report = NOTEBOOKS
    return [(name, None) for name in before] + [(report, lang) for lang in langs]


def run_notebooks(kernel, agency: str, year: int, opt: Options, out_dir: Path, processed_root: Path,
                  background=(), mark=lambda stage: None, on_report=lambda lang, nb: None) -> dict:
    """Run the notebooks in the worker's kernel and return the report notebook executed, per language
    (:func:`runs`); ``background[i]`` is started once run i has been sent (two cores: the kernel computes
    on one, and side work is spread so as not to delay it); ``on_report(lang, nb)`` is called once the report
    notebook ran in ``lang`` (before the next language's run: its export and PDF overlap that run).

    Executed notebooks go to ``out_dir/notebooks`` (the report's per language: ``04-report.en.ipynb``); the
    notebooks read and write processed tables under ``processed_root`` (the build's staging folder) and are
    told they run in a build (``build_run``). Each gets the parameters it declares (built-in ones and
    ``opt.params``), and must have written its declared products (``config.PRODUCTS``) when it ends.
    """
    import papermill as pm

    engine = register_engine()
    check(opt.params, opt.notebook_dir)
    nb_out = out_dir / "notebooks"
    nb_out.mkdir(parents=True, exist_ok=True)
    processed = Path(processed_root).resolve()
    langs = languages(opt.lang)
    built_in = {"agency": agency, "year": int(year), "raw_root": str(Path(opt.raw_root).resolve()),
                "processed_root": str(processed), "lang": langs[0], "build_run": True}
    folder = processed / agency / str(int(year))
    started = file_system_now(processed)  # the products must be newer
    kc = kernel.client()  # after the imports above: they overlap the kernel's boot
    mark("kernel ready")
    executed = {}
    for i, (name, lang) in enumerate(runs(langs)):
        src = Path(opt.notebook_dir) / f"{name}.ipynb"
        dst = nb_out / (file_name(name, lang, ".ipynb") if lang else f"{name}.ipynb")
        p = for_notebook(name, {**built_in, "lang": lang or langs[0]}, opt.params, opt.notebook_dir)
        if i < len(background) and background[i] is not None:
            background[i]()
        try:
            # no `cwd`: the kernel was started in the notebooks' folder, and papermill's cwd would only
            # chdir this whole process
            nb = pm.execute_notebook(str(src), str(dst), parameters=p, kernel_name="python3",
                                     engine_name=engine, km=kernel.km, kc=kc, progress_bar=False,
                                     log_output=False, request_save_on_cell_execute=False,
                                     execution_timeout=opt.execution_timeout)
        except pm.PapermillExecutionError as e:
            where = f"{name}.ipynb" + (f" ({lang})" if lang else "")
            raise BuildError(f"notebook {where}, cell {e.cell_index + 1}: {e.ename}: {e.evalue}") from None
        check_products(name, folder, started)
        mark(f"{name} {lang}" if lang else name)
        if lang:
            executed[lang] = nb
            on_report(lang, nb)
    return executed
