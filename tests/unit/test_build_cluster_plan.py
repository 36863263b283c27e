"""The Dask build's pieces that need no cluster: task keys follow every input and option, what is unchanged or
unreadable is settled in the client, a kernel start is retried with growing pauses and capped, the options are
checked, and nothing of dask is imported unless a cluster is asked for."""
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from build_fakes import fake_project

from analysis.build.cluster import plan, task_digest, task_key
from analysis.build.fingerprint import HASH_FILE, input_hash, output_hashes
from analysis.build.options import BuildError, Result
from analysis.build.products import all_product_files, report_products


@pytest.fixture
def opt(tmp_path):
    return fake_project(tmp_path)


def test_the_key_follows_the_inputs_and_every_option(opt):
    digest = task_digest("dinas", 2024, opt)
    assert digest == task_digest("dinas", 2024, replace(opt))
    assert task_key("dinas", 2024, digest) == f"build-dinas-2024-{digest[:32]}"
    changed = {task_digest("dinas", 2024, replace(opt, **{k: v})) for k, v in
               (("reports_root", opt.reports_root + "2"), ("processed_root", opt.processed_root + "2"),
                ("force", True), ("date", "2025-03-01"), ("lang", "id"), ("pdf", True),
                ("params", {"batas_atas": 100}))}
    assert len(changed) == 7 and digest not in changed
    assert task_digest("dinas", 2023, opt) != digest
    (Path(opt.raw_root) / "dinas" / "2024" / "x.csv").write_text("a,b\n1,2025\n")
    assert task_digest("dinas", 2024, opt) != digest


def _built(opt, year):
    """Outputs recorded as a build of ``year`` leaves them (as the build's hash file records them)."""
    out = Path(opt.reports_root) / "dinas" / str(year)
    out.mkdir(parents=True)
    for lang in ("id", "en"):  # every report product of both languages (the page and its workbook)
        for name in report_products(lang):
            (out / name).write_text("r")
    processed = Path(opt.processed_root) / "dinas" / str(year)
    for f in all_product_files(processed):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x")
    (out / HASH_FILE).write_text(json.dumps({"hash": input_hash("dinas", year, opt), "pdf": False,
                                             "outputs": output_hashes(processed, out)}))


def test_the_client_settles_what_is_unchanged_or_unreadable_and_submits_the_rest(opt):
    _built(opt, 2023)
    entries = list(plan([("dinas", 2023), ("dinas", 2024), ("Bad Slug", 2024)], opt))
    skipped, todo, failed = entries
    assert isinstance(skipped, Result) and (skipped.agency, skipped.year, skipped.status) == ("dinas", 2023, "skipped")
    assert todo == ("dinas", 2024, task_digest("dinas", 2024, opt))
    assert isinstance(failed, Result) and failed.status == "failed" and "Bad Slug" in failed.error
    forced = list(plan([("dinas", 2023)], replace(opt, force=True)))
    assert forced == [("dinas", 2023, task_digest("dinas", 2023, replace(opt, force=True)))]


def test_a_kernel_start_is_retried_with_growing_pauses_then_fails_naming_the_error():
    from analysis.build.dask_worker import start_with_retries

    calls, pauses = [], []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise OSError(f"Address already in use ({len(calls)})")
        return "kernel"

    assert start_with_retries(flaky, attempts=3, backoff=0.5, sleep=pauses.append) == "kernel"
    assert len(calls) == 3 and pauses == [0.5, 1.0]
    calls.clear()
    pauses.clear()
    with pytest.raises(BuildError, match=r"did not start in 2 attempts: OSError: Address already in use \(2\)"):
        start_with_retries(flaky, attempts=2, backoff=0.5, sleep=pauses.append)
    assert len(calls) == 2 and pauses == [0.5]  # no pause after the last attempt


def test_kernel_starts_are_capped_by_the_gate():
    """Six workers starting at once through a gate of two: never more than two starts at a time."""
    from analysis.build.dask_worker import start_with_retries

    gate, lock = threading.Semaphore(2), threading.Lock()
    running, most = [0], [0]

    def start():
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return True

    threads = [threading.Thread(target=start_with_retries, args=(start, gate)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most[0] == 2


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", "build", *args], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ))


def test_jobs_with_an_existing_scheduler_or_below_one_is_refused(tmp_path):
    r = _cli("--raw-root", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1", "--jobs", "2")
    assert r.returncode == 2 and "--jobs sizes the workers" in r.stderr and "Traceback" not in r.stderr
    r = _cli("--jobs", "0")
    assert r.returncode == 2 and "expected a whole number of at least 1" in r.stderr
    r = _cli("--cluster", "local", "--scheduler", "tcp://127.0.0.1:1")
    assert r.returncode == 2 and "not allowed with argument" in r.stderr


def test_a_scheduler_that_does_not_answer_is_one_line_and_exit_2(tmp_path):
    from analysis.synthetic import make_agency_year

    make_agency_year(tmp_path / "raw", "contoh", 2024)
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(tmp_path / "raw"),
                        "--processed-root", str(tmp_path / "p"), "--reports-root", str(tmp_path / "r"),
                        "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s"))
    assert r.returncode == 2, r.stdout + r.stderr
    assert "could not connect to the Dask scheduler at tcp://127.0.0.1:9" in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "r" / "contoh").exists()


def test_without_a_cluster_nothing_of_dask_is_imported():
    code = ("import sys\nfrom analysis import cli\nimport analysis.build.runner\n"
            "try:\n    cli.main(['build', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=dict(os.environ))
    assert r.returncode == 0 and r.stdout.strip().splitlines()[-1] == "[]", r.stdout + r.stderr


def test_a_print_limit_below_one_second_is_refused_in_one_line():
    for command in ("build", "rollup"):
        r = subprocess.run([sys.executable, "-m", "analysis", command, "--print-timeout", "0"], capture_output=True,
                           text=True, timeout=60)
        assert r.returncode == 2 and "--print-timeout: expected a whole number of at least 1, got '0'" in r.stderr, \
            r.stderr
        assert "Traceback" not in r.stderr
