"""The command line: ``python -m analysis build [--agency SLUG] [--year YYYY] [--jobs N] [--cluster local |
--scheduler ADDRESS] [--lang id|en|both] [--no-pdf] [--print-timeout SECONDS] [--force] [--timings]
[--param KEY=VALUE ...] [--no-rollup]``
(and the folders to read and write); ``rollup [--agency SLUG ...] [--year YYYY ...] [--print-timeout SECONDS]``;
``template`` and ``import``
for agency workbooks.

Imports nothing heavy before it is needed: ``--help`` and a no-op rebuild answer at once. Log lines start
with the time (ISO 8601, local, with its offset) when they go to a file or a pipe (cron), not on a terminal.
"""
from __future__ import annotations

import argparse
import sys

from .build.languages import CHOICES
from .build.options import Options


def _assignment(text: str):
    """``--param KEY=VALUE`` -> (key, value), the value read as papermill's ``-p`` reads it."""
    from .build.parameters import parse_assignment

    try:
        return parse_assignment(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return n


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis",
                                description="Checked numbers and shareable reports from LKj (SAKIP) tables.")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="run the notebooks and export HTML + PDF for every agency-year under data/raw",
                       description="Runs notebooks 01-04 with papermill for each agency-year found under data/raw/ "
                                   "(or the one selected), writes data/processed/<agency>/<year>/ and "
                                   "reports/<agency>/<year>/{report.html,report.pdf,report.en.html,"
                                   "report.en.pdf,hasil.xlsx,hasil.en.xlsx,summary.json,notebooks/}, and "
                                   "reports/index.html and "
                                   "index.en.html. "
                                   "Unchanged agency-years are skipped. Exit status 0 only when every one built.")
    b.add_argument("--agency", metavar="SLUG", help="only this agency (folder name under data/raw)")
    b.add_argument("--year", metavar="YYYY", type=int, help="only this year")
    b.add_argument("--jobs", metavar="N", type=_positive, help="agency-years built in parallel (default 1, or one per "
                                                           "core with --cluster local; more than the cores does "
                                                           "not help)")
    where = b.add_mutually_exclusive_group()
    where.add_argument("--cluster", choices=["local"], help="build on a Dask LocalCluster started for the build "
                                                            "(process workers, one thread each; --jobs of them)")
    where.add_argument("--scheduler", metavar="ADDRESS", help="build on the workers of a running Dask scheduler, "
                                                              "e.g. tcp://host:8786 (data/ and reports/ on a "
                                                              "shared filesystem; see README)")
    b.add_argument("--lang", choices=CHOICES, default="both",
                   help="report language(s): id (report.html), en (report.en.html) or both (default); an "
                        "agency-year's reports are replaced together, so --lang en alone leaves no Indonesian one")
    b.add_argument("--no-pdf", action="store_true", help="HTML only")
    b.add_argument("--print-timeout", metavar="SECONDS", type=_positive, default=Options.print_timeout,
                   help="seconds one PDF may take to print before Chromium is taken as hung and stopped (default "
                        f"{Options.print_timeout}): that agency-year fails, its previous report stays, the others "
                        "build")
    b.add_argument("--force", action="store_true", help="rebuild even when the inputs are unchanged")
    b.add_argument("--timings", action="store_true", help="log when each stage of each agency-year ended "
                                                          "(kernel ready, each notebook, HTML, PDF)")
    b.add_argument("--param", metavar="KEY=VALUE", type=_assignment, action="append", default=[],
                   help="set a parameter a notebook declares, e.g. --param batas_atas=100 (02-indicators: cap "
                        "each capaian before averaging); the value is read as papermill's -p reads it (int, "
                        "float, True/False/None, else text); repeatable; an unknown key lists those declared")
    b.add_argument("--raw-root", metavar="DIR", help="raw data folder (default data/raw)")
    b.add_argument("--processed-root", metavar="DIR", help="processed data folder (default data/processed)")
    b.add_argument("--reports-root", metavar="DIR", help="reports folder (default reports)")
    b.add_argument("--no-rollup", action="store_true", help="do not build the national roll-up (built after the "
                                                            "agency-years when two or more agencies are published)")
    r = sub.add_parser("rollup", help="compare the published agency-years (reports/rollup.html, reports/rollup/)",
                       description="Reads the processed tables of every published agency-year (or those selected), "
                                   "recomputes and reconciles them together, compares agencies (each indicator "
                                   "only within one definition) and writes reports/rollup.html, rollup.en.html, "
                                   "their PDFs and the roll-up's tables in reports/rollup/. Skipped when its inputs "
                                   "are unchanged.")
    r.add_argument("--agency", metavar="SLUG", action="append", help="only this agency (repeatable)")
    r.add_argument("--year", metavar="YYYY", type=int, action="append", help="only this year (repeatable)")
    r.add_argument("--lang", choices=CHOICES, default="both", help="page language(s) (default both)")
    r.add_argument("--no-pdf", action="store_true", help="HTML only")
    r.add_argument("--print-timeout", metavar="SECONDS", type=_positive, default=Options.print_timeout,
                   help=f"seconds one PDF may take to print before Chromium is taken as hung (default "
                        f"{Options.print_timeout})")
    r.add_argument("--force", action="store_true", help="rebuild even when the inputs are unchanged")
    r.add_argument("--processed-root", metavar="DIR", help="processed data folder (default data/processed)")
    r.add_argument("--reports-root", metavar="DIR", help="reports folder (default reports)")
    t = sub.add_parser("template", help="write the data-entry workbook lkj.xlsx of an agency-year",
                       description="Writes data/raw/<agency>/<year>/lkj.xlsx (or --output): a sheet per table kind "
                                   "with the columns the pipeline reads, a petunjuk sheet, meta, manifest and "
                                   "definisi_indikator sheets, drop-downs for coded columns, every cell text.")
    t.add_argument("--agency", metavar="SLUG", required=True)
    t.add_argument("--year", metavar="YYYY", required=True)
    t.add_argument("--from-raw", action="store_true", help="fill it from the agency-year's CSV files (as printed)")
    t.add_argument("--output", metavar="PATH", help="where to write it (default data/raw/<agency>/<year>/lkj.xlsx)")
    t.add_argument("--force", action="store_true", help="replace an existing file")
    t.add_argument("--raw-root", metavar="DIR", help="raw data folder (default data/raw)")
    i = sub.add_parser("import", help="write a workbook's tables as CSV files and a manifest, for review",
                       description="Reads the sheets the workbook's manifest sheet lists (cells as shown) and writes "
                                   "<tabel>.csv, manifest.csv (each table's catatan says which sheet rows it came "
                                   "from), meta.csv and definisi_indikator.csv; existing files are kept unless "
                                   "--force.")
    i.add_argument("workbook", metavar="WORKBOOK")
    i.add_argument("--agency", metavar="SLUG", required=True)
    i.add_argument("--year", metavar="YYYY", required=True)
    i.add_argument("--output", metavar="DIR", help="folder to write (default data/raw/<agency>/<year>/)")
    i.add_argument("--force", action="store_true", help="replace existing files")
    i.add_argument("--raw-root", metavar="DIR", help="raw data folder (default data/raw)")
    return p


def _workbook_command(args) -> int:
    """``template`` and ``import``: one message listing every problem, exit status 2, never a traceback."""
    from pathlib import Path

    from .atomic import WriteError
    from .config import RAW_ROOT
    from .errors import DataError

    raw_root = Path(args.raw_root or RAW_ROOT)
    try:
        if args.command == "template":
            from .ingest.template import write_template

            path = write_template(args.agency, args.year, raw_root, args.output, args.from_raw, args.force)
            say(f"wrote {path}")
        else:
            from .ingest.import_workbook import import_workbook

            out = Path(args.output) if args.output else raw_root / args.agency / str(args.year)
            for path in import_workbook(args.workbook, args.agency, args.year, out, args.force):
                say(f"wrote {path}")
    except (DataError, WriteError) as e:
        say(str(e), sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "rollup":
        return rollup(args)
    if args.command in ("template", "import"):
        return _workbook_command(args)
    from .build.parameters import ParameterError
    from .build.runner import build_all, targets
    from .build.stamp import build_date
    from .errors import DataError

    if args.scheduler and args.jobs is not None:
        say("--jobs sizes the workers of --cluster local or the process pool; with --scheduler the "
            "scheduler's own workers build (start them with `dask worker ADDRESS --nthreads 1`)", sys.stderr)
        return 2
    try:
        day = build_date()  # once: every agency-year of a build carries the same date
    except ValueError as e:
        say(str(e), sys.stderr)
        return 2
    opt = Options(lang=args.lang, pdf=not args.no_pdf, force=args.force, params=dict(args.param), date=day,
                  print_timeout=args.print_timeout)
    for name in ("raw_root", "processed_root", "reports_root"):
        if getattr(args, name):
            setattr(opt, name, getattr(args, name))
    try:
        if opt.params:  # reading the notebooks' declarations imports papermill: only when asked
            from .build.parameters import check
            check(opt.params, opt.notebook_dir)
        items = targets(args.agency, args.year, opt)
    except (DataError, ParameterError) as e:
        say(str(e), sys.stderr)
        return 2
    if not items:
        say(f"no agency-year found under {opt.raw_root}"
            + (f" for {args.agency or ''} {args.year or ''}".rstrip() if args.agency or args.year else ""),
            sys.stderr)
        return 2
    from .build.cluster import ClusterError

    try:
        results = build_all(items, opt, args.jobs, log=say, timings=args.timings,
                            cluster=args.cluster or args.scheduler)
    except ClusterError as e:
        say(str(e), sys.stderr)
        return 2
    failed = [r for r in results if r.status == "failed"]
    built = sum(r.status == "built" for r in results)
    skipped = sum(r.status == "skipped" for r in results)
    say(f"{built} built, {skipped} skipped (unchanged), {len(failed)} failed")
    for r in failed:
        say(f"FAILED {r.agency}/{r.year}: {r.error}", sys.stderr)
    rolled = 0 if args.no_rollup or args.agency or args.year else _rollup_step(opt)
    return 1 if failed or rolled else 0


def _rollup_step(opt, agencies=None, years=None, at_least: int = 2) -> int:
    """The roll-up after the agency-years (when ``at_least`` agencies are published), then the index pages that
    link it; 0, or 1 when it failed (logged)."""
    from .build.index import write_indexes
    from .build.rollup import build_rollup, published

    if len({a for a, _ in published(opt.processed_root, agencies, years)}) < at_least:
        return 0
    try:
        status = build_rollup(opt, agencies, years)
    except Exception as e:  # a failing notebook: named, never a traceback
        say(f"FAILED national roll-up: {type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e) else ''}",
            sys.stderr)
        return 1
    say(f"national roll-up: {status}")
    if status == "built":
        write_indexes(opt)
    return 0


def rollup(args) -> int:
    """``python -m analysis rollup``: the roll-up of the agencies and years asked."""
    from .build.rollup import published
    from .build.stamp import build_date

    try:
        day = build_date()
    except ValueError as e:
        say(str(e), sys.stderr)
        return 2
    opt = Options(lang=args.lang, pdf=not args.no_pdf, force=args.force, date=day, print_timeout=args.print_timeout)
    for name in ("processed_root", "reports_root"):
        if getattr(args, name):
            setattr(opt, name, getattr(args, name))
    if not published(opt.processed_root, args.agency, args.year):
        say(f"no published agency-year under {opt.processed_root}: run `python -m analysis build` first", sys.stderr)
        return 2
    return _rollup_step(opt, args.agency, args.year, at_least=1)


def say(text: str, stream=None) -> None:
    """Print a log line; a closed reader (``build | head -1``) stops the logging, never the build.

    Each line starts with the time (:func:`timestamped`) unless the stream is a terminal. The stream is
    pointed at /dev/null on the first broken pipe, so that later lines and the final flush at exit raise
    nothing; the exit status still says whether every agency-year built.
    """
    import os

    stream = stream or sys.stdout
    try:
        print(text if _is_terminal(stream) else timestamped(text), file=stream, flush=True)
    except BrokenPipeError:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass


def exit_fast(code: int) -> None:
    """Exit without the interpreter's teardown of its ~1.500 modules (0,2 s of a 6 s build on this machine).

    Safe here: every output is written atomically and closed, the build closed its kernel and browser,
    and the exit handlers still run; only the module-by-module garbage collection is skipped.
    """
    import atexit
    import os

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def timestamped(text: str, now=None) -> str:
    """``text`` with every line prefixed by the time (``now``, an aware datetime, or the current local time),
    ISO 8601 with its offset (``2025-03-01T02:00:04+07:00``): a cron log says when each line was written."""
    from datetime import datetime

    stamp = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    return "\n".join(f"{stamp} {line}" for line in text.split("\n"))
