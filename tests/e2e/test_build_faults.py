"""Never a silent wrong number (issue 12): processed tables and report of an agency-year are published together
or not at all, exploration never touches published data, the skip decision covers the outputs, and a killed or
cut-off build leaves no process, no temporary folder and no second report behind."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from analysis.build.fingerprint import HASH_FILE
from analysis.config import NOTEBOOK_DIR, RAW_ROOT
from analysis.report.pdf import chromium_path
from analysis.synthetic import make_agency_year
from conftest import SEED_AGENCY, SEED_YEAR, tree_digest

pytestmark = pytest.mark.slow


def build(raw, proc, rep, *extra, env=None):
    return subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                           str(proc), "--reports-root", str(rep), *extra], capture_output=True, text=True,
                          timeout=900, env=env)


def wait_for(condition, timeout: float, what):
    """Poll ``condition`` until it holds; ``what()`` describes the state when it never does."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what()}")


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The seed built without PDF; each test leaves it built and up to date again."""
    base = tmp_path_factory.mktemp("faults")
    raw, proc, rep = base / "raw", base / "processed", base / "reports"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    r = build(raw, proc, rep, "--no-pdf")
    assert r.returncode == 0, r.stdout + r.stderr
    return {"raw": raw, "proc": proc, "rep": rep, "args": (raw, proc, rep, "--no-pdf"),
            "folder": proc / SEED_AGENCY / str(SEED_YEAR), "out": rep / SEED_AGENCY / str(SEED_YEAR)}


def test_a_table_dropped_from_the_manifest_is_gone_after_the_rebuild(seed):
    manifest = seed["raw"] / SEED_AGENCY / str(SEED_YEAR) / "manifest.csv"
    good = manifest.read_text(encoding="utf-8")
    assert (seed["folder"] / "formasi_pegawai.parquet").exists()
    manifest.write_text("".join(ln for ln in good.splitlines(keepends=True) if not ln.startswith("formasi_pegawai")),
                        encoding="utf-8")
    try:
        r = build(*seed["args"])
        assert r.returncode == 0 and "1 built" in r.stdout, r.stdout + r.stderr
        assert list(seed["folder"].glob("formasi_pegawai.*")) == []
        assert "formasi_pegawai" not in json.loads((seed["out"] / HASH_FILE).read_text())["outputs"].__repr__()
    finally:
        manifest.write_text(good, encoding="utf-8")
    assert "1 built" in build(*seed["args"]).stdout
    assert (seed["folder"] / "formasi_pegawai.parquet").exists()


def test_a_failure_in_02_keeps_the_last_good_processed_tables_and_report(seed, tmp_path):
    """Notebook 02 fails after writing its tables: the published folders stay as the last good build left them
    (no table of the failed run in them), and the next good build of the changed input is built, not skipped."""
    import nbformat

    from analysis.build.options import Options
    from analysis.build.runner import build_all
    from analysis.build.worker import shutdown

    nbs = tmp_path / "nb"
    shutil.copytree(NOTEBOOK_DIR, nbs)
    nb = nbformat.read(nbs / "02-indicators.ipynb", as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "run_indicators" in c.source)
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell('raise RuntimeError("injected failure")'))
    nbformat.write(nb, nbs / "02-indicators.ipynb")
    before = {"processed": tree_digest(seed["folder"]), "report": tree_digest(seed["out"])}
    meta = seed["raw"] / SEED_AGENCY / str(SEED_YEAR) / "meta.csv"
    good = meta.read_text(encoding="utf-8")
    meta.write_text(good.replace("Kalimantan Barat", "Kalimantan Barat (revisi)"), encoding="utf-8")
    opt = Options(raw_root=str(seed["raw"]), processed_root=str(seed["proc"]), reports_root=str(seed["rep"]),
                  notebook_dir=str(nbs), pdf=False)
    try:
        try:
            (res,) = build_all([(SEED_AGENCY, SEED_YEAR)], opt, log=lambda s: None)
        finally:
            shutdown()
        assert res.status == "failed" and "02-indicators.ipynb" in res.error and "injected failure" in res.error
        assert {"processed": tree_digest(seed["folder"]), "report": tree_digest(seed["out"])} == before
        assert [p.name for p in seed["proc"].iterdir() if p.name.startswith(".")] == []
        r = build(*seed["args"])  # the changed input, good notebooks
        assert r.returncode == 0 and "1 built" in r.stdout, r.stdout + r.stderr
        assert "(revisi)" in (seed["out"] / "report.html").read_text(encoding="utf-8")
        assert "(revisi)" in (seed["folder"] / "clean_info.json").read_text(encoding="utf-8")
    finally:
        meta.write_text(good, encoding="utf-8")
    assert "1 built" in build(*seed["args"]).stdout


def test_an_analyst_run_of_02_never_touches_the_published_tables(seed, tmp_path):
    """02 with batas_atas=100 under papermill, without the build's flag: the published folder stays
    byte-identical, the run says where it wrote, and the next build is rightly skipped. publish=True writes in
    place, and then the next build rebuilds."""
    import nbformat
    import pandas as pd
    import papermill as pm

    published = tree_digest(seed["folder"])
    params = {"agency": SEED_AGENCY, "year": SEED_YEAR, "processed_root": str(seed["proc"]), "batas_atas": 100}
    out = tmp_path / "02.ipynb"
    pm.execute_notebook(str(NOTEBOOK_DIR / "02-indicators.ipynb"), str(out), parameters=params,
                        kernel_name="python3", progress_bar=False, cwd=str(NOTEBOOK_DIR))
    assert tree_digest(seed["folder"]) == published
    scratch = seed["proc"] / ".scratch" / SEED_AGENCY / str(SEED_YEAR)
    assert (pd.read_parquet(scratch / "capaian_sasaran.parquet")["batas_atas"] == 100).all()
    first = next(o for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code" for o in c.outputs)
    assert first["text"].startswith("Exploration run") and str(scratch) in first["text"]
    assert "0 built, 1 skipped" in build(*seed["args"]).stdout

    pm.execute_notebook(str(NOTEBOOK_DIR / "02-indicators.ipynb"), str(out), parameters={**params, "publish": True},
                        kernel_name="python3", progress_bar=False, cwd=str(NOTEBOOK_DIR))
    assert tree_digest(seed["folder"]) != published
    r = build(*seed["args"])
    assert "1 built" in r.stdout, r.stdout + r.stderr
    assert tree_digest(seed["folder"]) == published


def test_a_deleted_output_or_a_pdf_engine_that_appeared_rebuilds(tmp_path):
    """Built without Chromium (LKJ_CHROMIUM points at nothing), then with it: rebuilt, with its PDF; a deleted
    report.pdf or processed table is rebuilt too."""
    if chromium_path() is None:
        pytest.skip("chromium not installed (make test installs it as root)")
    raw = tmp_path / "raw"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    args = (raw, tmp_path / "p", tmp_path / "r")
    out = tmp_path / "r" / SEED_AGENCY / str(SEED_YEAR)
    r = build(*args, env=dict(os.environ, LKJ_CHROMIUM=str(tmp_path / "no-such-chromium")))
    assert r.returncode == 0 and not (out / "report.pdf").exists(), r.stdout + r.stderr
    env = {k: v for k, v in os.environ.items() if k != "LKJ_CHROMIUM"}
    r = build(*args, env=env)
    assert "1 built" in r.stdout and (out / "report.pdf").exists(), r.stdout + r.stderr
    assert "0 built, 1 skipped" in build(*args, env=env).stdout
    (out / "report.pdf").unlink()
    assert "1 built" in build(*args, env=env).stdout and (out / "report.pdf").exists()
    table = tmp_path / "p" / SEED_AGENCY / str(SEED_YEAR) / "iku.parquet"
    table.unlink()
    assert "1 built" in build(*args, env=env).stdout and table.exists()


def _marked(mark: str) -> list[str]:
    """The processes whose environment holds ``LKJ_TEST_MARK=mark`` (all descendants of the build inherit it),
    as "pid: command line"."""
    found = []
    needle = f"LKJ_TEST_MARK={mark}".encode()
    for p in Path("/proc").iterdir():
        if p.name.isdigit() and int(p.name) != os.getpid():
            try:
                if needle in (p / "environ").read_bytes().split(b"\0"):
                    state = (p / "stat").read_text().rsplit(")", 1)[1].split()[0]
                    if state != "Z":
                        cmd = (p / "cmdline").read_bytes().replace(b"\0", b" ")[:150].decode(errors="replace")
                        found.append(f"{p.name}: {cmd}")
            except OSError:
                continue
    return found


@pytest.mark.parametrize("jobs", [2, 1])
def test_kill_9_of_a_build_leaves_no_process_and_the_next_run_cleans_up(tmp_path, short_tmp, jobs):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    make_agency_year(raw, "contoh-sintetis", 2025)
    proc, rep = tmp_path / "p", tmp_path / "r"
    mark = uuid.uuid4().hex
    log = tmp_path / "build.log"
    scratch = short_tmp
    env = dict(os.environ, TMPDIR=str(scratch), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), LKJ_TEST_MARK=mark)
    p = subprocess.Popen([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                          str(proc), "--reports-root", str(rep), "--jobs", str(jobs)], env=env,
                         stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        wanted = ["ipykernel"] + (["chromium"] if chromium_path() else [])
        wait_for(lambda: all(any(w in line for line in _marked(mark)) for w in wanted), 120,
                 lambda: f"a kernel and a browser of the build; running: {_marked(mark)}; log: {log.read_text()}")
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait()
    wait_for(lambda: not _marked(mark), 15, lambda: f"the build's processes to end: {_marked(mark)}")
    # what a kill leaves for the next run: staging folders, worker temp folders, maybe an old folder
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    old = rep / SEED_AGENCY / f".{SEED_YEAR}.old-{dead.pid}"
    r = build(raw, proc, rep, "--no-pdf", env=env)
    assert r.returncode == 0 and "2 built" in r.stdout, r.stdout + r.stderr
    shutil.copytree(rep / SEED_AGENCY / str(SEED_YEAR), old)  # a leftover from an interrupted swap
    r = build(raw, proc, rep, "--no-pdf", env=env)
    assert r.returncode == 0 and "2 skipped" in r.stdout and f"removed {old}" in r.stdout, r.stdout + r.stderr
    assert sorted(str(p.relative_to(tmp_path)) for root in (proc, rep) for p in root.rglob(".*")
                  if p.name != HASH_FILE) == []
    assert list(scratch.iterdir()) == [] and not list((tmp_path / "runtime").glob("kernel-*.json"))
    index = (rep / "index.html").read_text(encoding="utf-8")
    # each agency-year in one row (its name links to its report): no second row for a leftover folder
    assert index.count(f'<tr><td><a href="{SEED_AGENCY}/{SEED_YEAR}/report.html">') == 1
    assert index.count('<tr><td><a href="contoh-sintetis/2025/report.html">') == 1
    assert index.count("<tr><td>") == 2 and ".old-" not in index


def test_a_closed_stdout_stops_the_logging_not_the_build(tmp_path):
    """`build | head -1`: the reader goes after the first line; every agency-year is still built, the index
    written, and the exit status says the builds succeeded."""
    raw = tmp_path / "raw"
    make_agency_year(raw, "dinas-satu", 2024)
    make_agency_year(raw, "dinas-dua", 2024, seed=2)
    rep = tmp_path / "r"
    p = subprocess.Popen([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                          str(tmp_path / "p"), "--reports-root", str(rep), "--no-pdf"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = p.stdout.readline()
    p.stdout.close()  # as head -1 does
    err = p.stderr.read().decode()
    assert p.wait(timeout=600) == 0, err
    assert b"built" in first and "Traceback" not in err and "BrokenPipe" not in err
    assert (rep / "index.html").exists()
    assert all((rep / agency / "2024" / "report.html").exists() for agency in ("dinas-satu", "dinas-dua"))


def _kernels_and_workers(mark: str) -> dict[int, int]:
    """The build's kernels (``ipykernel``) by pid, each with its parent: the worker process that owns it."""
    out = {}
    for line in _marked(mark):
        pid = int(line.split(":")[0])
        if "ipykernel" in line:
            try:
                out[pid] = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    return out


def test_a_worker_killed_mid_batch_fails_what_it_had_not_reported_and_the_next_run_builds_all(tmp_path, short_tmp):
    # --jobs 2: each worker takes agency-years from one queue and pipelines them; a worker is killed (as the
    # out-of-memory killer would) once a first agency-year is reported
    raw, proc, rep = tmp_path / "raw", tmp_path / "p", tmp_path / "r"
    # eight: after the first result most are still to build when the worker is killed, so that the kill breaks
    # the pool (a kill once the worker is out of work fails only what it held: tests/unit/test_build_pool.py)
    names = [f"dinas-{i}" for i in range(8)]
    for i, name in enumerate(names):
        make_agency_year(raw, name, 2024, seed=i)
    mark = uuid.uuid4().hex
    env = dict(os.environ, TMPDIR=str(short_tmp), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), LKJ_TEST_MARK=mark)
    log = tmp_path / "build.log"
    p = subprocess.Popen([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                          str(proc), "--reports-root", str(rep), "--jobs", "2", "--no-pdf", "--no-rollup"],
                         env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        kernels = wait_for(lambda: ": built" in log.read_text() and _kernels_and_workers(mark), 300,
                           lambda: f"a first result; log: {log.read_text()}; running: {_marked(mark)}")
        os.kill(sorted(kernels.values())[0], signal.SIGKILL)  # a worker, not its kernel
        assert p.wait(timeout=300) == 1, log.read_text()
    finally:
        if p.poll() is None:
            p.kill()
    text = log.read_text()
    reported = [line for line in text.splitlines() if "] dinas-" in line]
    assert len(reported) == len(names), text  # every agency-year reported once: built, or failed with the reason
    failed = [line for line in reported if ": failed" in line]
    # what was committed before the kill stands; the rest failed with the reason
    assert failed and len(failed) < len(names) and "the worker process failed" in text and "Traceback" not in text, \
        text
    wait_for(lambda: not _marked(mark), 30, lambda: f"the build's processes to end: {_marked(mark)}")
    r = build(raw, proc, rep, "--jobs", "2", "--no-pdf", "--no-rollup", env=env)
    assert r.returncode == 0 and f"{len(failed)} built" in r.stdout, r.stdout + r.stderr
    assert all((rep / name / "2024" / "report.html").exists() for name in names)
    assert sorted(str(q.relative_to(tmp_path)) for root in (proc, rep) for q in root.rglob(".*")
                  if q.name != HASH_FILE) == []


def _chromium_below(pid: int) -> list[int]:
    """The browser processes Playwright's drivers below ``pid`` started (program ``chromium``, a driver's child):
    frozen, they stop every print. Not the processes Chromium starts itself: some leave the tree (reparented,
    like its crash reporter) and would stay frozen, as no kill of the tree reaches them."""
    from analysis.build.browser import is_driver
    from analysis.build.worker import descendants

    def cmdline(q):
        try:
            return Path(f"/proc/{q}/cmdline").read_bytes()
        except OSError:
            return b""

    def parent(q):
        try:
            return int(Path(f"/proc/{q}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            return None

    below = [pid, *descendants(pid)]
    drivers = {q for q in below if is_driver(q)}
    return [q for q in below if parent(q) in drivers
            and Path(cmdline(q).split(b"\0")[0].decode(errors="replace")).name == "chromium"]


def _state(pid: int) -> str:
    """A process as /proc shows it, for a failure's message."""
    try:
        return Path(f"/proc/{pid}/stat").read_text()[:60] + " " + \
            Path(f"/proc/{pid}/cmdline").read_bytes()[:120].decode(errors="replace")
    except OSError:
        return f"{pid} gone"


def _gone(pid: int) -> bool:
    """Whether ``pid`` ended (no process, or a zombie waiting for a parent that no longer reaps)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.skipif(chromium_path() is None, reason="needs Debian's chromium")
def test_a_frozen_chromium_fails_one_agency_year_within_the_print_limit_and_the_rest_still_prints(tmp_path, short_tmp):
    # Playwright gives page.pdf no time limit: a Chromium that stops answering would hold an unattended build for
    # ever. Its processes are frozen (SIGSTOP) here as soon as the build starts them.
    raw, proc, rep = tmp_path / "raw", tmp_path / "p", tmp_path / "r"
    names = ["dinas-beku", "dinas-lain"]
    for i, name in enumerate(names):
        make_agency_year(raw, name, 2024, seed=40 + i)
    env = dict(os.environ, TMPDIR=str(short_tmp), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    log = tmp_path / "build.log"
    p = subprocess.Popen([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                          str(proc), "--reports-root", str(rep), "--jobs", "1", "--lang", "id", "--no-rollup",
                          "--print-timeout", "5"], env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        frozen = wait_for(lambda: _chromium_below(p.pid), 120, lambda: f"Chromium to start; log: {log.read_text()}")
        for pid in frozen:
            os.kill(pid, signal.SIGSTOP)
        code = p.wait(timeout=240)  # a hang fails here (Playwright's own 30 s limit covers only page loads)
    finally:
        if p.poll() is None:
            p.kill()
    text = log.read_text()
    assert code == 1, text
    reported = [line for line in text.splitlines() if "] dinas-" in line]
    failed = [line for line in reported if ": failed" in line]
    built = [line for line in reported if ": built" in line]
    # the agency-year whose print hung fails with the reason; the other is printed by a fresh browser, even when
    # its PDF was queued behind the hung one in the stopped browser
    assert len(reported) == 2 and len(failed) == 1 and len(built) == 1, text
    assert "did not print within 5 s" in text and "Traceback" not in text, text
    ok = next(name for name in names if any(f"{name}/2024: built" in line for line in built))
    bad = next(name for name in names if name != ok)
    assert (rep / ok / "2024" / "report.pdf").stat().st_size > 0
    assert not (rep / bad / "2024").exists()  # nothing published for it: the next build tries it again
    # the frozen browser was stopped, not left behind
    assert all(_gone(pid) for pid in frozen), [_state(pid) for pid in frozen if not _gone(pid)]
    r = build(raw, proc, rep, "--jobs", "1", "--lang", "id", "--no-rollup", env=env)
    assert r.returncode == 0 and "1 built" in r.stdout and (rep / bad / "2024" / "report.pdf").exists(), \
        r.stdout + r.stderr


@pytest.mark.skipif(chromium_path() is None, reason="needs Debian's chromium")
def test_a_browser_frozen_after_its_launch_is_stopped_and_what_was_queued_ends(tmp_path):
    # the case Playwright never times out: page loads have a 30 s limit, page.pdf none
    from concurrent.futures import CancelledError

    from playwright.sync_api import Error as PlaywrightError

    from analysis.build.browser import BrowserThread, PrintHung

    page = tmp_path / "r.html"
    page.write_text("<html><body><h1>LKj</h1></body></html>", encoding="utf-8")
    browser = BrowserThread()
    try:
        browser.started.result(timeout=120)
        assert len(browser._drivers) == 1
        frozen = _chromium_below(browser._drivers[0])  # this browser's only: others of this process print on
        assert frozen
        for pid in frozen:
            os.kill(pid, signal.SIGSTOP)
        first = browser.submit_pdf(page, tmp_path / "1.pdf", "1")
        queued = browser.submit_pdf(page, tmp_path / "2.pdf", "2")
        with pytest.raises(PrintHung, match="did not print within 2 s"):
            browser.wait(first, 2)
        assert browser.broken
        with pytest.raises(CancelledError):
            queued.result(timeout=30)  # cancelled: after the kill a call into Playwright would wait for ever
        with pytest.raises(PlaywrightError):
            first.result(timeout=30)  # the call that hung ends with an error once Chromium is gone
        wait_for(lambda: all(_gone(pid) for pid in frozen), 30, lambda: f"{frozen} to end")
        assert not (tmp_path / "1.pdf").exists() and not (tmp_path / "2.pdf").exists()
    finally:
        if not browser.broken:
            browser.kill()
    fresh = BrowserThread()  # the next report gets a browser that prints
    try:
        fresh.print_pdf(page, tmp_path / "3.pdf", "3", timeout=120)
        assert (tmp_path / "3.pdf").read_bytes().startswith(b"%PDF")
    finally:
        fresh.close()
