"""The worker's kernel: started once, ready when our own handshake says so, reused by every notebook."""
from __future__ import annotations

import os
import shutil
import time

#: run by the kernel at start-up, while the build process imports papermill and nbconvert: the modules every
#: agency-year uses (pyarrow.parquet: pandas imports it on the first Parquet file), then ``gc.freeze()``. The
#: objects of the imported modules are never garbage, but each full collection walked them all (about 0,25 s
#: each in a worker's kernel, every few agency-years); frozen, collections walk only what the notebooks made.
WARM_UP = ("import pandas, pyarrow.parquet, matplotlib.pyplot, analysis.pipeline, analysis.processed, "
           "analysis.report.sections, analysis.report.charts, analysis.report.styles, "
           "analysis.report.budget_lines, analysis.report.reconciliation, analysis.workspace; "
           "import gc; gc.freeze()")


def die_with_parent():
    """A ``preexec_fn``: the child gets SIGKILL when the process that started it dies (Linux; a no-op elsewhere).

    ipykernel also polls for its parent, once a second; this ends the kernel at once, even after a kill -9.
    The libc function is looked up here, before the fork: the child only makes the call.
    """
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1

    def _preexec():
        prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)

    return _preexec


def start_kernel(cwd: str, tmp: str | None = None):
    """One kernel for all notebooks of an agency-year (the kernel start and imports are paid once).

    Its IPC sockets and connection file live in a folder of its own under ``tmp`` (the worker's private
    temporary folder, removed with the worker), and it dies with the worker. Parallel launches can race for
    ports: retry."""
    import tempfile

    from jupyter_client.manager import KernelManager

    env = dict(os.environ, SOURCE_DATE_EPOCH="0", PYTHONHASHSEED="0", MPLBACKEND="module://matplotlib_inline.backend_inline")
    if tmp:
        env["TMPDIR"] = tmp
    last = None
    for attempt in range(3):
        # IPC sockets in a private folder: no TCP ports to race for, nothing readable by other users. Short
        # names: a socket's path must fit in 107 bytes
        if tmp:
            folder = os.path.join(tmp, f"k{attempt}")
            shutil.rmtree(folder, ignore_errors=True)  # of a kernel this worker closed before
            os.mkdir(folder, 0o700)
        else:
            folder = tempfile.mkdtemp(prefix="lkj-kernel-")
        km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(folder, "k"),
                           connection_file=os.path.join(folder, "kernel.json"))
        try:
            # the kernel imports the heavy modules at start-up, while this process imports papermill
            km.start_kernel(cwd=cwd, env=env, preexec_fn=die_with_parent(), extra_arguments=[
                f"--IPKernelApp.exec_lines={WARM_UP}",
                # as nbclient does for the kernels it starts: no history file shared (and locked) by
                # parallel kernels, nothing written to the user's ~/.ipython
                "--HistoryManager.hist_file=:memory:"])
            return km
        except Exception as e:  # ZMQError: Address already in use (papermill #511)
            last = e
            shutil.rmtree(folder, ignore_errors=True)
            time.sleep(0.2 * (attempt + 1))
    raise RuntimeError(f"kernel did not start: {last}")


class Kernel:
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
                wait_for_ready(self.km, kc, timeout=60)
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
        # the private folder of the IPC sockets (made by start_kernel)
        shutil.rmtree(os.path.dirname(self.km.ip), ignore_errors=True)


def wait_for_ready(km, kc, timeout: float) -> None:
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
        if idle_seen(kc, msg_id):
            return
        asked.add(kc.kernel_info())  # IOPub was not subscribed yet (ZeroMQ's "slow joiner"): ask again


def idle_seen(kc, msg_id: str, within: float = 1.0) -> bool:
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
