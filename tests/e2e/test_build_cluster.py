"""The build on Dask (``--cluster local``): the same bytes as ``--jobs 1``, failures isolated and reported as
today, nothing left behind, and a changed input never served from an earlier task's result."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from analysis.build.fingerprint import HASH_FILE
from analysis.build.options import Options
from analysis.config import NOTEBOOK_DIR
from analysis.synthetic import make_agency_year

pytestmark = pytest.mark.slow
EPOCH = "1740787200"  # 2025-03-01: both builds carry the same date
STAMPED = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d (.*)$")  # cli.timestamped
YEARS = [("sintetis-a", 2023), ("sintetis-a", 2024), ("sintetis-b", 2023), ("sintetis-b", 2024)]


def build(raw, proc, rep, *extra, env=None):
    return subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                           str(proc), "--reports-root", str(rep), *extra], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})})


def raw_root(folder: Path) -> Path:
    for i, (agency, year) in enumerate(YEARS):
        make_agency_year(folder, agency, year, seed=i)
    return folder


def as_run_log(path: Path, roots: dict) -> dict:
    """An executed notebook without what says when and in which process it ran, which legitimately differs
    between two builds, even two with ``--jobs 1``: run and cell times, execution counts (a kernel counts on
    across the agency-years it runs), the injected parameters cell's random id, pandas Styler's random table
    ids and object addresses, and the folders it was given (``roots``: folder -> name; the staging folder is
    named after the worker's process id). Every cell's source and outputs remain."""
    text = path.read_text(encoding="utf-8")
    for folder, name in roots.items():
        text = text.replace(json.dumps(str(folder))[1:-1], name)
    for pattern, same in ((r"\.staging-\d+", ".staging-PID"), (r"\bT_[0-9a-f]{5}_", "T_ID_"),
                          (r'\bT_[0-9a-f]{5}\\"', 'T_ID\\\\"'), (r" at 0x[0-9a-f]+>", " at 0x…>")):
        text = re.sub(pattern, same, text)
    nb = json.loads(text)
    nb["metadata"].pop("papermill", None)
    for cell in nb["cells"]:
        for key in ("papermill", "execution"):
            cell["metadata"].pop(key, None)
        cell.pop("execution_count", None)
        for out in cell.get("outputs", []):
            out.pop("execution_count", None)
        if "injected-parameters" in cell["metadata"].get("tags", []):
            cell.pop("id", None)
    return nb


def outputs(proc: Path, rep: Path) -> dict:
    """Every file under processed and reports: its bytes, except executed notebooks (compared as run logs,
    :func:`as_run_log`) and the hash file (compared without the notebooks' hashes)."""
    found = {}
    for label, root in (("processed", proc), ("reports", rep)):
        for p in sorted(root.rglob("*")):
            if not p.is_file():
                continue
            name = f"{label}/{p.relative_to(root).as_posix()}"
            if p.suffix == ".ipynb":
                found[name] = as_run_log(p, {proc.resolve(): "<processed>", rep.resolve(): "<reports>"})
            elif p.name == HASH_FILE:
                record = json.loads(p.read_text())
                if "outputs" in record:  # an agency-year's (the roll-up's records its input digest alone)
                    record["outputs"] = {k: v for k, v in record["outputs"].items() if not k.endswith(".ipynb")}
                found[name] = record
            else:
                found[name] = p.read_bytes()
    return found


def test_a_two_worker_cluster_builds_the_same_bytes_as_one_job(tmp_path, short_tmp):
    raw = raw_root(tmp_path / "raw")
    one = build(raw, tmp_path / "p1", tmp_path / "r1", "--jobs", "1")
    assert one.returncode == 0, one.stdout + one.stderr
    env = {"TMPDIR": str(short_tmp), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    dask = build(raw, tmp_path / "pd", tmp_path / "rd", "--cluster", "local", "--jobs", "2", env=env)
    assert dask.returncode == 0, dask.stdout + dask.stderr
    assert "4 built, 0 skipped (unchanged), 0 failed" in dask.stdout
    for agency, year in YEARS:
        assert re.search(rf"\[[1-4]/4\] {agency}/{year}: built in \d+\.\d s", dask.stdout), dask.stdout
    first, second = outputs(tmp_path / "p1", tmp_path / "r1"), outputs(tmp_path / "pd", tmp_path / "rd")
    assert sorted(first) == sorted(second)
    # two languages of four agency-years, and of the roll-up (two agencies are published)
    assert sum(name.endswith(".pdf") for name in first) == (10 if shutil.which("chromium") else 0)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []
    # the workers closed their kernels and browsers and removed their folders; Dask's scratch space is gone
    assert "Traceback" not in dask.stderr, dask.stderr
    assert list(short_tmp.iterdir()) == [] and not list((tmp_path / "runtime").glob("kernel-*.json"))
    # unchanged: settled in the client, no cluster started
    again = build(raw, tmp_path / "pd", tmp_path / "rd", "--cluster", "local", env=env)
    assert again.returncode == 0 and "0 built, 4 skipped" in again.stdout, again.stdout + again.stderr


def test_one_broken_agency_year_fails_alone_reported_as_with_one_job(tmp_path):
    raw = raw_root(tmp_path / "raw")
    broken = raw / "sintetis-b" / "2023" / "realisasi_anggaran.csv"
    broken.write_text(broken.read_text().replace("TOTAL,,", "TOTAL,,1.OOO", 1))
    dask = build(raw, tmp_path / "pd", tmp_path / "rd", "--cluster", "local", "--jobs", "2", "--no-pdf",
                 "--lang", "id")
    assert dask.returncode == 1, dask.stdout + dask.stderr
    assert "3 built, 0 skipped (unchanged), 1 failed" in dask.stdout
    assert sorted(p.parent.name + "/" + p.name for p in (tmp_path / "rd").glob("*/*")
                  if (p / "report.html").exists()) == ["sintetis-a/2023", "sintetis-a/2024", "sintetis-b/2024"]
    index = (tmp_path / "rd" / "index.html").read_text(encoding="utf-8")  # written after the tasks, as today
    assert index.count("/report.html") >= 3 and "sintetis-b/2023/report.html" not in index
    one = build(raw, tmp_path / "p1", tmp_path / "r1", "--jobs", "1", "--no-pdf", "--lang", "id",
                "--agency", "sintetis-b", "--year", "2023")
    assert one.returncode == 1

    def failure(stream):  # the lines the build writes to stderr (time-stamped), without their time stamps
        return [m.group(1) for line in stream.splitlines() if (m := STAMPED.match(line))]

    # a line of another process (a kernel's or Dask's warning under load) may interleave: compare the build's own
    # lines, and show everything if they differ
    assert failure(dask.stderr) == failure(one.stderr), f"Dask:\n{dask.stderr}\n--jobs 1:\n{one.stderr}"
    assert failure(dask.stderr)[0].startswith("FAILED sintetis-b/2023: notebook 01-clean.ipynb, cell ")
    assert "sintetis-b/2023/realisasi_anggaran.csv, line 8, column 'anggaran': value '1.OOO" in dask.stderr
    assert "Traceback" not in dask.stderr


def test_a_changed_raw_file_is_a_new_task_on_the_same_client(tmp_path):
    """Submitted twice to one client: unchanged inputs give the same key (Dask answers from the result it holds:
    the same Result, to the microsecond), a changed raw file gives a new key and a new build; a file changed
    after submission is caught by the worker instead of built under the old key. Then ``--scheduler`` builds on
    that running scheduler's worker."""
    from distributed import Client, LocalCluster

    from analysis.build.cluster import plan, submit, task_key

    raw = tmp_path / "raw"
    make_agency_year(raw, "sintetis-a", 2024)
    opt = Options(raw_root=str(raw), processed_root=str(tmp_path / "p"), reports_root=str(tmp_path / "r"),
                  notebook_dir=str(NOTEBOOK_DIR), lang="id", pdf=False, date="2025-03-01", force=True)
    meta = raw / "sintetis-a" / "2024" / "meta.csv"
    report = tmp_path / "r" / "sintetis-a" / "2024" / "report.html"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        [todo] = plan([("sintetis-a", 2024)], opt)
        [f1] = submit(client, [todo], opt)
        r1 = f1.result()
        assert r1["status"] == "built", r1["error"]
        assert "Dinas Sintetis sintetis-a" in report.read_text(encoding="utf-8")
        [f2] = submit(client, [todo], opt)
        assert f2.key == f1.key and f2.result() == r1  # served from the result held: not rebuilt

        meta.write_text(meta.read_text().replace("Dinas Sintetis", "Dinas Sintetis Baru"))
        [changed] = plan([("sintetis-a", 2024)], opt)
        [f3] = submit(client, [changed], opt)
        assert f3.key == task_key("sintetis-a", 2024, changed[2]) != f1.key
        r3 = f3.result()
        assert r3["status"] == "built" and r3["seconds"] != r1["seconds"]
        assert "Dinas Sintetis Baru" in report.read_text(encoding="utf-8")

        meta.write_text(meta.read_text().replace("Dinas Sintetis Baru", "Dinas Sintetis Lain"))
        [stale] = plan([("sintetis-a", 2024)], opt)
        meta.write_text(meta.read_text().replace("Dinas Sintetis Lain", "Dinas Sintetis Ketiga"))
        [f4] = submit(client, [stale], opt)
        r4 = f4.result()
        assert r4["status"] == "failed" and "differ from those the build was submitted with" in r4["error"]
        assert "Dinas Sintetis Baru" in report.read_text(encoding="utf-8")  # the last good report stays

        # the command line on this running scheduler: its worker (kernel already warm) builds the current inputs
        r = build(raw, tmp_path / "p", tmp_path / "r", "--scheduler", cluster.scheduler_address, "--no-pdf",
                  "--lang", "id")
        assert r.returncode == 0, r.stdout + r.stderr
        assert "[1/1] sintetis-a/2024: built in" in r.stdout and "Traceback" not in r.stderr
        assert "Dinas Sintetis Ketiga" in report.read_text(encoding="utf-8")


def test_kill_9_of_a_cluster_build_leaves_no_process_and_the_next_run_cleans_up(tmp_path, short_tmp):
    """The build process killed while its workers run kernels and browsers: Dask's workers exit with it (their
    pipe to the build process closes), kernels die with their parent, the browser with its driver; the next
    build removes the stagings and private folders that were left."""
    from test_build_faults import _marked, wait_for

    from analysis.report.pdf import chromium_path

    raw = tmp_path / "raw"
    for agency, year in YEARS[:2]:
        make_agency_year(raw, agency, year)
    mark = uuid.uuid4().hex
    env = dict(os.environ, TMPDIR=str(short_tmp), LKJ_TEST_MARK=mark)
    args = [sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
            str(tmp_path / "p"), "--reports-root", str(tmp_path / "r"), "--cluster", "local", "--jobs", "2",
            "--lang", "id"]
    p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wanted = ["ipykernel"] + (["chromium"] if chromium_path() else [])
        wait_for(lambda: all(any(w in line for line in _marked(mark)) for w in wanted), 120,
                 lambda: f"a kernel and a browser of the build; running: {_marked(mark)}")
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait()
    wait_for(lambda: not _marked(mark), 20, lambda: f"the build's processes to end: {_marked(mark)}")
    r = subprocess.run([*args, "--no-pdf"], env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0 and "2 built" in r.stdout, r.stdout + r.stderr
    assert "left by a build that was killed" in r.stdout
    assert list(short_tmp.iterdir()) == []
    assert [str(q) for root in (tmp_path / "p", tmp_path / "r") for q in root.rglob(".*")
            if q.name != HASH_FILE] == []
