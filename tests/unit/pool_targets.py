"""Worker targets for the pool's supervision tests (importable by the pool's forkserver children: tests/unit is
on their sys.path). Each is ``target(items, send, opt_dict)`` as :func:`analysis.build.pool.build_pool` calls it;
each reports its process id (and a child's, when it starts one) in the Result's notes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from analysis.build.options import Result


def _built(item, *notes) -> Result:
    return Result(item[0], item[1], "built", notes=[str(os.getpid()), *notes])


def report_all_then_die(items, send, opt):
    """Every agency-year taken is reported; then, out of work, the worker is killed (as once every result is in)."""
    for item in items:
        send(_built(item))
    os.kill(os.getpid(), signal.SIGKILL)


def report_all_then_hang(items, send, opt):
    """Every agency-year taken is reported; then the worker never ends (as one stuck closing its browser)."""
    for item in items:
        send(_built(item))
    threading.Event().wait()


def die_at_second(items, send, opt):
    """Report the first agency-year taken, then be killed while holding the second (the queue not yet done)."""
    for i, item in enumerate(items):
        if i == 1:
            os.kill(os.getpid(), signal.SIGKILL)
        send(_built(item))


def _wait_for(path: Path) -> None:
    end = time.monotonic() + 60  # a bug in the pool fails the test instead of hanging it
    while not path.exists():
        if time.monotonic() > end:
            raise TimeoutError(f"{path} never appeared")
        time.sleep(0.01)


def one_dies_out_of_work(items, send, opt):
    """Two agency-years, two workers. The one holding ``dinas-0`` waits until the other took ``dinas-1``, takes its
    last (``None``) and is killed before reporting ``dinas-0``; the other reports ``dinas-1`` only once the test saw
    ``dinas-0`` failed (it writes ``go`` in the folder given as ``raw_root``)."""
    folder = Path(opt["raw_root"])
    held = None
    for item in items:
        if item[0] == "dinas-0":
            _wait_for(folder / "took-dinas-1")
            held = item
        else:
            (folder / "took-dinas-1").touch()
            _wait_for(folder / "go")
            send(_built(item))
    if held is not None:
        os.kill(os.getpid(), signal.SIGKILL)


def raise_at_first(items, send, opt):
    for item in items:
        raise RuntimeError(f"no build of {item[0]}")


def report_one_then_hang(items, send, opt):
    """Start a child process, report the first agency-year taken, then never end (stopped only from outside)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    for item in items:
        send(_built(item, str(child.pid)))
        threading.Event().wait()
