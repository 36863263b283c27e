"""The ``--jobs N`` pool's supervision, with worker targets that build nothing (:mod:`pool_targets`): a worker
killed after its last result changes nothing, one killed before fails what it had not reported with how it
ended, and a consumer that stops leaves no process behind. Every run must end: a hang fails the test (an alarm
far above any run's length), no assertion is timed."""
import os
import signal
import time

import pool_targets
import pytest

from analysis.build.options import Options
from analysis.build.pool import build_pool
from analysis.build.staging import owner_alive

ITEMS = [(f"dinas-{i}", 2024) for i in range(6)]


@pytest.fixture(autouse=True)
def no_hang():
    def hung(signum, frame):
        raise AssertionError("the pool hung: still running after 120 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _run(target, jobs, items=ITEMS):
    results = list(build_pool(items, Options(), jobs, target=target))
    # each agency-year reported exactly once
    assert sorted((r.agency, r.year) for r in results) == sorted(items), results
    return results


def _pids(results) -> set[int]:
    return {int(n) for r in results for n in r.notes}


def test_workers_killed_after_reporting_everything_change_nothing():
    results = _run(pool_targets.report_all_then_die, jobs=2)
    assert {r.status for r in results} == {"built"}
    assert not any(owner_alive(pid) for pid in _pids(results))


def test_workers_stuck_after_reporting_everything_are_stopped():
    # every result is in: they get close_timeout seconds to end, then are killed
    results = list(build_pool(ITEMS, Options(), 2, target=pool_targets.report_all_then_hang, close_timeout=0.5))
    assert sorted((r.agency, r.year, r.status) for r in results) == [(a, y, "built") for a, y in ITEMS]
    assert not any(owner_alive(pid) for pid in _pids(results)) and _pool_workers() == []


def test_a_worker_killed_before_reporting_fails_the_rest_with_the_signal():
    # one worker: the queue's order is the order it takes them; killed holding the second
    results = _run(pool_targets.die_at_second, jobs=1)
    by_key = {(r.agency, r.year): r for r in results}
    assert by_key[ITEMS[0]].status == "built"
    assert by_key[ITEMS[1]].error == ("the worker process failed: it was killed by signal 9 (SIGKILL) before "
                                      "reporting this agency-year")
    for key in ITEMS[2:]:  # never taken: failed, as the pool is broken
        assert by_key[key].status == "failed"
        assert "the worker process failed" in by_key[key].error and "SIGKILL" in by_key[key].error


def test_a_worker_killed_out_of_work_fails_only_what_it_held(tmp_path):
    # out of work, the worker never touches the queue again: the other one builds on
    results = []
    for r in build_pool(ITEMS[:2], Options(raw_root=str(tmp_path)), 2, target=pool_targets.one_dies_out_of_work):
        results.append(r)
        if r.agency == "dinas-0":
            (tmp_path / "go").touch()  # only now does the other worker report dinas-1
    assert [(r.agency, r.status, r.error) for r in results] == [
        ("dinas-0", "failed", "the worker process failed: it was killed by signal 9 (SIGKILL) before reporting "
                              "this agency-year"),
        ("dinas-1", "built", "")]


def test_a_worker_that_raises_fails_with_its_error():
    results = _run(pool_targets.raise_at_first, jobs=2)
    assert {r.status for r in results} == {"failed"}
    assert any("it failed with RuntimeError: no build of dinas-" in r.error for r in results)


@pytest.mark.parametrize("how", ["close", "interrupt"])
def test_a_consumer_that_stops_leaves_no_process(how):
    pool = build_pool(ITEMS, Options(), 2, target=pool_targets.report_one_then_hang)
    first = next(pool)
    if how == "close":
        pool.close()
    else:
        with pytest.raises(KeyboardInterrupt):
            pool.throw(KeyboardInterrupt)
    worker, child = (int(n) for n in first.notes)
    assert not owner_alive(worker)  # stopped and reaped before close() returned
    # the child was killed too (its reaping by init may take a moment)
    end = time.monotonic() + 30
    while owner_alive(child) and time.monotonic() < end:
        time.sleep(0.05)
    assert not owner_alive(child), f"process {child} left running"
    assert _pool_workers() == []


def _pool_workers() -> list[int]:
    """Live processes whose parent is a forkserver this process started: the pool's workers."""
    parents, servers = {}, []
    for p in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{p}/stat") as f:
                parents[int(p)] = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{p}/cmdline", "rb") as f:
                if b"forkserver" in f.read() and parents[int(p)] == os.getpid():
                    servers.append(int(p))
        except OSError:
            continue
    assert servers, "the pool's forkserver was not found"
    return [pid for pid, parent in parents.items() if parent in servers and owner_alive(pid)]
