"""Building agency-years: each into staging folders, processed tables and report swapped in together; many at
once in worker processes.

Unattended by design: no prompts, a progress bar on a terminal and plain log lines otherwise. A failing
agency-year is reported with its notebook, cell and error; the others still build, and its previous processed
tables and report stay in place (:mod:`.staging`). What a killed build left is repaired first.

Only the standard library is imported at module level: ``--help`` and a no-op rebuild stay fast.
"""
from __future__ import annotations

import json
import os
import sys
import time
import traceback

from ..ingest.raw import check_agency_year, discover
from .engine import run_notebooks, skip_unused_imports
from .fingerprint import HASH_FILE, input_hash, is_up_to_date, output_hashes, source_hash
from .index import all_indexes_exist, write_indexes
from .languages import languages, report_files, workbook_file
from .options import BuildError, Options, Result
from .products import check_report_products, product_path
from .reproducible import reproducible_pdf
from .staging import Stage, repair
from .stamp import Stamp
from .worker import current, shutdown


def build_one(agency: str, year: int, opt: Options) -> Result:
    """Build one agency-year into a staging folder, then swap it in. Never raises."""
    started = start_one(agency, year, opt)
    return started if isinstance(started, Result) else started()


def build_serial(items: list[tuple[str, int]], opt: Options):
    """Build ``items`` one after the other in this process, yielding each Result in order.

    Pipelined: an agency-year's PDF prints (in the browser's thread and Chromium, on the other core) while the
    kernel runs the next one's notebooks; it is committed once that next one's notebooks ran. Each still commits
    alone: a failure of one never touches another's outputs.
    """
    waiting = None  # the previous agency-year's finishing step
    try:
        for a, y in items:
            started = start_one(a, y, opt)
            if waiting is not None:
                yield waiting()
                waiting = None
            if isinstance(started, Result):
                yield started
            else:
                waiting = started
        if waiting is not None:
            yield waiting()
            waiting = None
    finally:
        if waiting is not None:  # the consumer stopped early: still commit (or discard) what was started
            waiting()


def start_one(agency: str, year: int, opt: Options):
    """Build one agency-year up to its PDFs being printed: returns its Result when it is skipped or failed, else
    the step that finishes it (waits for the PDFs, writes the commit mark, swaps the staging folder in and
    returns the Result). Never raises."""
    skip_unused_imports()
    start = time.perf_counter()
    res = Result(agency, int(year), "failed")

    def mark(stage):
        res.stages[stage] = round(time.perf_counter() - start, 3)

    stage = Stage.of(agency, year, opt.processed_root, opt.reports_root)
    pdfs = []  # PDFs being printed, one per language
    try:
        check_agency_year(agency, year)
        source = source_hash(agency, year, opt)
        digest = input_hash(agency, year, opt, source)
        if not opt.force and is_up_to_date(agency, year, opt, digest):
            res.status = "skipped"
            return _finish(res, stage, pdfs, start, opt)
        # The kernel first: it boots and imports pandas/matplotlib while this process imports the rest
        # (imports here hold the GIL; done before the kernel launch they would delay it).
        worker = current()
        kernel = worker.kernel(opt.notebook_dir)
        # nbconvert's import and template compilation while the kernel boots (the process is idle until
        # then; later, this thread would hold the GIL the notebook client needs for every message)
        worker.preload_exporter()
        stage.create()
        browser = None

        def start_browser():
            nonlocal browser
            # launched in the background once the kernel is up, so that the two do not share a core at start
            browser = worker.browser() if opt.pdf else None
            if browser is not None:
                browser.prepare()  # the page to print from, opened while the notebooks run

        langs = languages(opt.lang)
        read = {}

        def publish(lang, nb):
            """The results workbook and the report in ``lang`` to HTML, and its PDF started, while the kernel runs
            the next language."""
            from ..atomic import write_text
            from ..report.export import notebook_to_html
            from ..report.workbook import load, write_workbook

            if not read:  # the processed tables are complete once the report notebook runs
                summary_file = product_path(stage.processed, "03-formula-changes", "summary.json")
                read["summary"] = json.loads(summary_file.read_text(encoding="utf-8"))
                info = json.loads((stage.processed / "clean_info.json").read_text(encoding="utf-8"))
                read["report_title"] = info.get("meta", {}).get("judul_laporan", "")
                read["stamp"] = Stamp.of(source, opt.date)
                read["workbook"] = load(stage.processed)  # the tables the workbook shows, read once
            name = read["summary"]["nama_instansi"]
            title = f"{name} — {year}"
            html_name, pdf_name = report_files(lang)
            others = {other: report_files(other)[0] for other in langs if other != lang}
            footer = read["stamp"].footer(lang, read["report_title"], name, year)
            book = workbook_file(lang)
            write_workbook(stage.report / book, read["workbook"], year, lang, footer, read["stamp"].date)
            mark(f"xlsx {lang}")
            worker.exporter_ready()  # one exporter per process, not used from two threads at once
            write_text(stage.report / html_name, notebook_to_html(nb, title, lang, footer, others, book))
            mark(f"html {lang}")
            if browser is not None:
                pdf = stage.report / pdf_name

                def printed(pdf=pdf, lang=lang):  # bound now: it runs on the browser's thread, after this loop moved on
                    reproducible_pdf(pdf, read["stamp"].date)  # the same bytes whenever and wherever it printed
                    mark(f"pdf {lang}")

                def print_with(b, html=stage.report / html_name, pdf=pdf, after=printed):
                    return b.submit_pdf(html, pdf, title, after=after)

                pdfs.append([browser, print_with(browser), print_with])

        try:
            run_notebooks(kernel, agency, year, opt, stage.report, stage.notebooks_root,
                          background=(start_browser,), mark=mark, on_report=publish)
        except BaseException:
            worker.discard_kernel()  # a failed run gets a fresh kernel next time
            raise
    except Exception as e:  # reported, never raised: the other agency-years still build
        res.error = describe_error(e)
        return _finish(res, stage, pdfs, start, opt)
    except BaseException:  # interrupted: nothing half-built stays staged
        _finish(res, stage, pdfs, start, opt)
        raise

    def finish() -> Result:
        try:
            _commit(res, stage, pdfs, read, digest, langs, opt)
        except Exception as e:
            res.error = describe_error(e)
        finally:
            _finish(res, stage, pdfs, start, opt)
        return res
    return finish


def _commit(res: Result, stage: Stage, pdfs: list, read: dict, digest: str, langs, opt: Options) -> None:
    """The PDFs awaited, the summary and the commit mark written, the staging folder swapped in."""
    from ..atomic import write_text
    from ..report.pdf import PdfUnavailable
    pdf_ok = False
    if opt.pdf:
        try:
            for job in pdfs:
                _await_print(job, opt.print_timeout)
            pdf_ok = True
        except PdfUnavailable as e:
            res.notes.append(str(e))
    check_report_products(stage.report, langs)
    summary = read["summary"]
    # the headline figures, and when and from what they were built
    summary["build"] = read["stamp"].as_dict()
    write_text(stage.report / "summary.json",
               json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    # last: the commit mark, recording every output so that a changed or deleted one is rebuilt
    record = {"hash": digest, "pdf": pdf_ok, "outputs": output_hashes(stage.processed, stage.report)}
    write_text(stage.report / HASH_FILE, json.dumps(record, indent=0, sort_keys=True) + "\n")
    stage.commit()
    res.status = "built"


def _await_print(job: list, timeout: float) -> None:
    """Wait for one PDF (``job``: browser, future, ``print_with(browser)``). Its own print hanging fails this
    agency-year (PrintHung). A print that failed because the browser was stopped for another agency-year's hung
    print (they share the worker's browser, pipelined) is printed again by a fresh browser: not its failure."""
    from ..report.pdf import PdfUnavailable
    from .browser import PrintHung

    browser, printing, print_with = job
    try:
        browser.wait(printing, timeout)
    except (PrintHung, PdfUnavailable):
        raise
    except Exception:
        if not browser.broken:
            raise
        fresh = current().browser()
        job[:] = [fresh, print_with(fresh), print_with]
        fresh.started.exception()  # the launch has Playwright's own limit (180 s); the print's clock starts after
        fresh.wait(job[1], timeout)


def _finish(res: Result, stage: Stage, pdfs: list, start: float, opt: Options) -> Result:
    for browser, printing, _ in pdfs:  # a failed build waits for its printing before its staging folder goes
        if browser.broken:  # stopped: its Chromium writes nothing more
            continue
        try:
            browser.wait(printing, opt.print_timeout)
        except Exception:  # reported by _commit, or the agency-year failed already
            pass
    stage.discard()
    res.seconds = time.perf_counter() - start
    return res


def describe_error(e: Exception) -> str:
    """How a failed agency-year's error is reported: a BuildError's message as it is (it names notebook, cell
    and error); the project's other errors with their type and whole message (a DataError lists every problem);
    a library's error with its type and the first line of its message (Playwright appends a call log of many
    lines). With ``LKJ_DEBUG`` set, the whole message and the traceback."""
    if isinstance(e, BuildError):
        return str(e)
    if os.environ.get("LKJ_DEBUG"):
        return f"{type(e).__name__}: {e}\n" + "".join(traceback.format_exception(e))
    if type(e).__module__.split(".")[0] == __name__.split(".")[0]:  # raised by this project: every line is ours
        return f"{type(e).__name__}: {e}"
    lines = [line.strip() for line in str(e).splitlines() if line.strip()]
    more = " (more with LKJ_DEBUG=1)" if len(lines) > 1 else ""
    return f"{type(e).__name__}: {lines[0] if lines else ''}{more}"


def targets(agency: str | None, year: int | None, opt: Options) -> list[tuple[str, int]]:
    if agency is not None:
        check_agency_year(agency, year if year is not None else 2000)
    found = discover(opt.raw_root)
    return [(a, y) for a, y in found if (agency is None or a == agency) and (year is None or y == int(year))]


def build_all(items: list[tuple[str, int]], opt: Options, jobs: int | None = 1, log=print, timings: bool = False,
              cluster: str | None = None) -> list[Result]:
    """Build ``items``; ``jobs`` > 1 builds agency-years in parallel processes (one kernel and one browser each);
    ``cluster``: on Dask instead, ``"local"`` (a LocalCluster of ``jobs`` workers, default one per core) or a
    scheduler's address (:mod:`.cluster`). ``timings``: log when each stage of each agency-year ended (seconds
    from its start)."""
    results: list[Result] = []
    for line in repair(opt.processed_root, opt.reports_root):
        log(f"left by a build that was killed: {line}")
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

    if cluster:
        from .cluster import build_on_cluster  # imports dask only now

        for i, r in enumerate(build_on_cluster(items, opt, cluster, jobs), 1):
            done(r, i)
    elif (jobs or 1) <= 1 or len(items) <= 1:
        try:
            for i, r in enumerate(build_serial(items, opt), 1):
                done(r, i)
        finally:
            shutdown()
    else:
        from .pool import build_pool

        for i, r in enumerate(build_pool(items, opt, jobs), 1):
            done(r, i)
    if bar is not None:
        bar.close()
    if any(r.status == "built" for r in results) or not all_indexes_exist(opt):
        write_indexes(opt)
    return results
