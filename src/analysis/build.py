"""Build the reports of every agency-year: notebooks (papermill, one kernel per agency-year) -> HTML -> PDF.

Unattended by design: no prompts, a progress bar on a terminal and plain log lines otherwise, exit 0 only
when every agency-year built. A failing agency-year is reported with its notebook, cell and error; the
others still build, and its previous report stays in place (outputs are staged, then swapped in).

Incremental: the inputs of an agency-year (its raw files, the agency's definitions, reference scales,
notebooks, module source, locked dependencies, parameters) are hashed; an unchanged agency-year is
skipped without importing pandas or starting a kernel.

Only the standard library is imported at module level: ``--help`` and a no-op rebuild stay fast.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

# jsonschema (imported by nbformat) compiles an IRI grammar from rfc3987-syntax at import time when that
# package is installed (it comes with jupyterlab): ~1,9 s per process on this machine, for a format that
# notebook validation never uses. Making its import fail skips that one format checker.
sys.modules.setdefault("rfc3987_syntax", None)

from .raw import PROJECT_ROOT, RAW_ROOT, REFERENCE_ROOT, REPORTS_ROOT, PROCESSED_ROOT, check_agency_year, discover

NOTEBOOKS = ("01-clean", "02-indicators", "03-formula-changes", "04-report")
NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
HASH_FILE = ".build-hash.json"
WARM_UP = "import pandas, matplotlib.pyplot, analysis.pipeline, analysis.laporan, analysis.grafik"


@dataclass
class Options:
    raw_root: str = str(RAW_ROOT)
    processed_root: str = str(PROCESSED_ROOT)
    reports_root: str = str(REPORTS_ROOT)
    notebook_dir: str = str(NOTEBOOK_DIR)
    lang: str = "id"
    pdf: bool = True
    force: bool = False
    execution_timeout: int = 600


@dataclass
class Result:
    agency: str
    year: int
    status: str  # built | skipped | failed
    seconds: float = 0.0
    error: str = ""
    notes: list = field(default_factory=list)
    stages: dict = field(default_factory=dict)  # stage -> seconds from the start of the build when it ended


# ----------------------------------------------------------------------------------------------- hashing

def _files(agency: str, year: int, opt: Options) -> list[Path]:
    raw = Path(opt.raw_root)
    files = [p for p in sorted((raw / agency / str(year)).rglob("*")) if p.is_file()]
    files += [p for p in sorted((raw / agency).iterdir()) if p.is_file()]
    files += sorted(p for p in REFERENCE_ROOT.glob("*") if p.is_file())
    files += [Path(opt.notebook_dir) / f"{n}.ipynb" for n in NOTEBOOKS]
    src = Path(__file__).parent
    files += sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in (".py", ".css", ".j2", ".csv"))
    lock = PROJECT_ROOT / "requirements.lock"
    if lock.exists():
        files.append(lock)
    return files


def input_hash(agency: str, year: int, opt: Options) -> str:
    h = hashlib.sha256()
    h.update(json.dumps({"lang": opt.lang, "pdf": opt.pdf, "v": 1}, sort_keys=True).encode())
    for p in _files(agency, year, opt):
        try:
            rel = p.resolve().relative_to(PROJECT_ROOT)
        except ValueError:
            rel = p
        h.update(str(rel).encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def is_up_to_date(agency: str, year: int, opt: Options, digest: str) -> bool:
    out = Path(opt.reports_root) / agency / str(year)
    try:
        saved = json.loads((out / HASH_FILE).read_text())
    except (OSError, ValueError):
        return False
    needed = [out / "report.html"] + ([out / "report.pdf"] if opt.pdf and saved.get("pdf") else [])
    processed = Path(opt.processed_root) / agency / str(year) / "clean_info.json"
    return saved.get("hash") == digest and all(p.exists() for p in needed) and processed.exists()


# ----------------------------------------------------------------------------------------------- one agency-year

class _BrowserThread:
    """One browser per worker process, owned by one thread (Playwright's sync API is thread-bound).

    It is launched in the background when a build starts, so that its start-up overlaps the notebooks.
    """

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
        self.printer = None
        self.started = self.pool.submit(self._start)

    def _start(self):
        from .eksport import PdfPrinter
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


_BROWSER: _BrowserThread | None = None


def _browser() -> _BrowserThread:
    global _BROWSER
    if _BROWSER is None:
        _BROWSER = _BrowserThread()
        _at_exit()
    return _BROWSER


def shutdown_worker() -> None:
    """Close this process's browser and kernel (both at once: each takes about 0,1 s)."""
    import threading

    global _BROWSER
    browser, _BROWSER = _BROWSER, None
    closing = threading.Thread(target=browser.close) if browser is not None else None
    if closing is not None:
        closing.start()
    _discard_kernel()
    if closing is not None:
        closing.join(30)


_EXIT_HOOKED = False


def _at_exit() -> None:
    """Make sure the browser and the kernel are closed when this process ends. atexit covers the main
    process; worker processes of multiprocessing skip atexit and run its finalizers instead."""
    global _EXIT_HOOKED
    if not _EXIT_HOOKED:
        import atexit
        import multiprocessing.util

        atexit.register(shutdown_worker)
        multiprocessing.util.Finalize(None, shutdown_worker, exitpriority=100)
        _EXIT_HOOKED = True


def _start_kernel(cwd: str):
    """One kernel for all notebooks of an agency-year (the kernel start and imports are paid once).
    Parallel launches can race for ports: retry."""
    from jupyter_client.manager import KernelManager

    env = dict(os.environ, SOURCE_DATE_EPOCH="0", PYTHONHASHSEED="0", MPLBACKEND="module://matplotlib_inline.backend_inline")
    import tempfile

    last = None
    for attempt in range(3):
        # IPC sockets in a private folder: no TCP ports to race for, nothing readable by other users
        sock = os.path.join(tempfile.mkdtemp(prefix="lkj-kernel-"), "kernel")
        km = KernelManager(kernel_name="python3", transport="ipc", ip=sock)
        try:
            # the kernel imports the heavy modules at start-up, while this process imports papermill
            km.start_kernel(cwd=cwd, env=env, extra_arguments=[
                f"--IPKernelApp.exec_lines={WARM_UP}",
                # as nbclient does for the kernels it starts: no history file shared (and locked) by
                # parallel kernels, nothing written to the user's ~/.ipython
                "--HistoryManager.hist_file=:memory:"])
            return km
        except Exception as e:  # ZMQError: Address already in use (papermill #511)
            last = e
            shutil.rmtree(os.path.dirname(sock), ignore_errors=True)
            time.sleep(0.2 * (attempt + 1))
    raise RuntimeError(f"kernel did not start: {last}")


class _Kernel:
    """A kernel and the one client every notebook run in it shares."""

    def __init__(self, km):
        self.km = km  # jupyter_client KernelManager
        self._kc = None

    def client(self):
        """The client, ready (the first call waits for the kernel to finish booting)."""
        if self._kc is None:
            kc = self.km.client()
            kc.start_channels()
            try:
                _wait_for_ready(self.km, kc, timeout=60)
            except BaseException:
                kc.stop_channels()
                raise
            kc.allow_stdin = False
            self._kc = kc
        return self._kc

    def close(self):
        if self._kc is not None:
            try:
                self._kc.stop_channels()
            except Exception:
                pass
        try:
            self.km.shutdown_kernel(now=True)
        except Exception:
            pass
        # the private folder of the IPC sockets (made by _start_kernel)
        shutil.rmtree(os.path.dirname(self.km.ip), ignore_errors=True)


def _wait_for_ready(km, kc, timeout: float) -> None:
    """Wait until the kernel answers on shell and IOPub.

    jupyter_client's ``wait_for_ready`` does the same, then drains IOPub until 0,2 s pass in silence: a
    fixed 0,2 s per build. Here the wait ends at the ``idle`` status of our own ``kernel_info`` request,
    which proves IOPub is connected; older messages left on IOPub belong to no cell, and nbclient ignores
    them (it matches every message to the cell that asked for it).
    """
    from queue import Empty

    deadline = time.monotonic() + timeout
    asked = {kc.kernel_info()}  # a kernel still booting answers it once it is up
    while True:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the kernel did not answer within {timeout:.0f} s")
        if not km.is_alive():
            raise RuntimeError("the kernel died while starting (run `python -m ipykernel` to see why)")
        try:
            reply = kc.get_shell_msg(timeout=1)
        except Empty:
            continue
        msg_id = reply["parent_header"].get("msg_id")
        if msg_id not in asked:
            continue
        if _idle_seen(kc, msg_id):
            return
        asked.add(kc.kernel_info())  # IOPub was not subscribed yet (ZeroMQ's "slow joiner"): ask again


def _idle_seen(kc, msg_id: str, within: float = 1.0) -> bool:
    """Whether IOPub brings the ``idle`` status of request ``msg_id`` within ``within`` seconds."""
    from queue import Empty

    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            m = kc.get_iopub_msg(timeout=max(0.01, end - time.monotonic()))
        except Empty:
            return False
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"].get("execution_state") == "idle"):
            return True
    return False


_KERNEL: _Kernel | None = None  # one kernel per worker process, reused by its agency-years


def _kernel(cwd: str) -> _Kernel:
    """The worker's kernel: started on first use (without waiting for it to boot), reused while alive.
    Its start, the pandas/matplotlib import and the client's readiness handshake are paid once per
    worker, not per notebook or agency-year. Every notebook assigns what it uses from its parameters, so
    nothing carries over from one agency-year to the next but imported modules."""
    global _KERNEL
    if _KERNEL is not None:
        try:
            if _KERNEL.km.is_alive():
                return _KERNEL
        except Exception:
            pass
        _discard_kernel()
    _KERNEL = _Kernel(_start_kernel(cwd))
    _at_exit()
    return _KERNEL


def _discard_kernel():
    global _KERNEL
    k, _KERNEL = _KERNEL, None
    if k is not None:
        k.close()


@functools.lru_cache(maxsize=None)
def _register_engine() -> str:
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


@functools.lru_cache(maxsize=None)
def _parameters_cell(path: str, mtime_ns: int) -> str:
    """The source of the notebook's ``parameters`` cell (read once per file version and process)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return next((c.source for c in nb.cells if "parameters" in c.metadata.get("tags", [])), "")


def _run_notebooks(kernel: _Kernel, agency: str, year: int, opt: Options, out_dir: Path, background=(),
                   mark=lambda stage: None):
    """Run the notebooks in the worker's kernel and return the last one, executed; ``background[i]`` is
    started once notebook i has been sent (two cores: the kernel computes on one, and side work is spread
    so as not to delay it)."""
    import papermill as pm

    engine = _register_engine()
    nb_out = out_dir / "notebooks"
    nb_out.mkdir(parents=True, exist_ok=True)
    params = {"agency": agency, "year": int(year), "raw_root": str(Path(opt.raw_root).resolve()),
              "processed_root": str(Path(opt.processed_root).resolve()), "lang": opt.lang}
    try:
        kc = kernel.client()  # after the imports above: they overlap the kernel's boot
        mark("kernel ready")
        for i, name in enumerate(NOTEBOOKS):
            src = Path(opt.notebook_dir) / f"{name}.ipynb"
            dst = nb_out / f"{name}.ipynb"
            declared = _parameters_cell(str(src), src.stat().st_mtime_ns)
            p = {k: v for k, v in params.items() if f"{k} =" in declared}
            if i < len(background) and background[i] is not None:
                background[i]()
            try:
                # no `cwd`: the kernel was started in the notebooks' folder, and papermill's cwd would only
                # chdir this whole process
                executed = pm.execute_notebook(str(src), str(dst), parameters=p, kernel_name="python3",
                                               engine_name=engine, km=kernel.km, kc=kc, progress_bar=False,
                                               log_output=False, request_save_on_cell_execute=False,
                                               execution_timeout=opt.execution_timeout)
            except pm.PapermillExecutionError as e:
                raise BuildError(f"notebook {name}.ipynb, cell {e.cell_index + 1}: {e.ename}: {e.evalue}") from None
            mark(name)
    except BaseException:
        _discard_kernel()  # a failed run gets a fresh kernel next time
        raise
    return executed


class BuildError(RuntimeError):
    pass


_PRELOAD = None

def _preload_exporter():
    """Import nbconvert and compile its templates (about 0,8 s) in a thread while the kernel runs the
    notebooks; the export waits for it (:func:`_exporter_ready`)."""
    global _PRELOAD
    if _PRELOAD is None:
        import threading

        def _load():
            from . import eksport
            try:
                eksport.warm_up()
            except Exception:  # the real export reports any problem
                pass

        _PRELOAD = threading.Thread(target=_load, daemon=True)
        _PRELOAD.start()


def _exporter_ready():
    if _PRELOAD is not None:
        _PRELOAD.join()


def build_one(agency: str, year: int, opt: Options) -> Result:
    """Build one agency-year into a staging folder, then swap it in. Never raises."""
    start = time.perf_counter()
    res = Result(agency, int(year), "failed")

    def mark(stage):
        res.stages[stage] = round(time.perf_counter() - start, 3)

    final = Path(opt.reports_root) / agency / str(year)
    staging = final.parent / f".{year}.staging-{os.getpid()}"
    try:
        check_agency_year(agency, year)
        digest = input_hash(agency, year, opt)
        if not opt.force and is_up_to_date(agency, year, opt, digest):
            res.status, res.seconds = "skipped", time.perf_counter() - start
            return res
        # The kernel first: it boots and imports pandas/matplotlib while this process imports the rest
        # (imports here hold the GIL; done before the kernel launch they would delay it).
        kernel = _kernel(opt.notebook_dir)
        # nbconvert's import and template compilation while the kernel boots (the process is idle until
        # then; later, this thread would hold the GIL the notebook client needs for every message)
        _preload_exporter()
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        browser = None

        def start_browser():
            nonlocal browser
            # launched in the background once the kernel is up, so that the two do not share a core at start
            browser = _browser() if opt.pdf else None
            if browser is not None:
                browser.prepare()  # the page to print from, opened while the notebooks run

        nb = _run_notebooks(kernel, agency, year, opt, staging, background=(start_browser,), mark=mark)
        from .eksport import PdfUnavailable, notebook_to_html
        from .keluaran import write_text
        _exporter_ready()  # one exporter per process, not used from two threads at once
        summary = json.loads((Path(opt.processed_root) / agency / str(year) / "ringkasan.json").read_text(encoding="utf-8"))
        title = f"{summary['nama_instansi']} — {year}"
        footer = (f"lkj-analytics · {agency}/{year} · " + ("dibuat dari data mentah di" if opt.lang == "id"
                                                             else "built from the raw data in")
                  + f" data/raw/{agency}/{year}/")
        html = notebook_to_html(nb, title, opt.lang, footer)
        write_text(staging / "report.html", html)
        mark("html")
        pdf_ok = False
        if opt.pdf:
            try:
                browser.print_pdf(staging / "report.html", staging / "report.pdf", title)
                pdf_ok = True
                mark("pdf")
            except PdfUnavailable as e:
                res.notes.append(str(e))
        write_text(staging / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        write_text(staging / HASH_FILE, json.dumps({"hash": digest, "pdf": pdf_ok}) + "\n")
        old = final.parent / f".{year}.old-{os.getpid()}"
        if final.exists():
            final.rename(old)
        staging.rename(final)
        shutil.rmtree(old, ignore_errors=True)
        res.status = "built"
    except BuildError as e:
        res.error = str(e)
    except Exception as e:  # reported, never raised: the other agency-years still build
        res.error = f"{type(e).__name__}: {e}"
        if os.environ.get("LKJ_DEBUG"):
            res.error += "\n" + traceback.format_exc()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        res.seconds = time.perf_counter() - start
    return res


# ----------------------------------------------------------------------------------------------- many

def write_index(opt: Options, lang: str = "id") -> Path:
    """``reports/index.html``: every agency-year with links and headline figures."""
    from html import escape

    from . import fmt
    from .keluaran import write_text

    root = Path(opt.reports_root)
    rows = []
    for s in sorted(root.glob("*/*/summary.json")):
        d = json.loads(s.read_text(encoding="utf-8"))
        rel = s.parent.relative_to(root).as_posix()
        pdf = f' · <a href="{escape(rel)}/report.pdf">PDF</a>' if (s.parent / "report.pdf").exists() else ""
        synth = " <b>(sintetis)</b>" if d.get("sintetis") else ""
        bad = sum(v for k, v in d.get("rekonsiliasi", {}).items() if k != "match")
        rows.append(f"<tr><td>{escape(d['nama_instansi'])}{synth}</td><td>{d['year']}</td>"
                    f"<td>{fmt.persen(d['capaian'], 2, lang)}</td><td>{fmt.persen(d['serapan'], 2, lang)}</td>"
                    f"<td>{fmt.poin(d['efisiensi'], 1, lang)}</td><td>{bad}</td><td>{d.get('perubahan_rumus', 0)}</td>"
                    f'<td><a href="{escape(rel)}/report.html">HTML</a>{pdf}</td></tr>')
    head = ("<tr><th>Instansi</th><th>Tahun</th><th>Capaian sasaran</th><th>Serapan</th><th>Efisiensi</th>"
            "<th>Angka perlu perhatian</th><th>Perubahan rumus</th><th>Laporan</th></tr>")
    page = ("<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Laporan LKj</title>"
            "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
            "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccd;padding:.3rem .5rem;text-align:left}"
            "th{background:#eef3f7}</style></head><body><h1>Laporan analisis LKj</h1>"
            f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></body></html>\n")
    path = root / "index.html"
    write_text(path, page)
    return path


def targets(agency: str | None, year: int | None, opt: Options) -> list[tuple[str, int]]:
    if agency is not None:
        check_agency_year(agency, year if year is not None else 2000)
    found = discover(opt.raw_root)
    return [(a, y) for a, y in found if (agency is None or a == agency) and (year is None or y == int(year))]


def _worker(args):
    agency, year, opt_dict = args
    return asdict(build_one(agency, year, Options(**opt_dict)))


def build_all(items: list[tuple[str, int]], opt: Options, jobs: int = 1, log=print, timings: bool = False
              ) -> list[Result]:
    """Build ``items``; ``jobs`` > 1 builds agency-years in parallel processes (one kernel and one browser each).
    ``timings``: log when each stage of each agency-year ended (seconds from its start)."""
    results: list[Result] = []
    bar = None
    if sys.stderr.isatty():
        try:
            from tqdm import tqdm
            bar = tqdm(total=len(items), unit="report", file=sys.stderr)
        except ImportError:  # pragma: no cover
            bar = None

    def done(r: Result, i: int):
        results.append(r)
        line = f"[{i}/{len(items)}] {r.agency}/{r.year}: {r.status} in {r.seconds:.1f} s"
        if r.error:
            line += f"\n    {r.error}"
        for n in r.notes:
            line += f"\n    note: {n}"
        if timings and r.stages:
            line += "\n    " + " · ".join(f"{k} {v:.2f} s" for k, v in r.stages.items())
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(f"{r.agency}/{r.year} {r.status}")
            if r.error or r.notes or (timings and r.stages):
                bar.write(line)
        else:
            log(line)

    if jobs <= 1 or len(items) <= 1:
        try:
            for i, (a, y) in enumerate(items, 1):
                done(build_one(a, y, opt), i)
        finally:
            shutdown_worker()
    else:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor, as_completed

        ctx = mp.get_context("forkserver" if sys.platform.startswith("linux") else "spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as ex:
            futs = [ex.submit(_worker, (a, y, asdict(opt))) for a, y in items]
            for i, f in enumerate(as_completed(futs), 1):
                done(Result(**f.result()), i)
    if bar is not None:
        bar.close()
    if any(r.status == "built" for r in results) or not (Path(opt.reports_root) / "index.html").exists():
        write_index(opt, opt.lang)
    return results
