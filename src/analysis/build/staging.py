"""An agency-year's processed tables and report staged, swapped in together, and what a killed build left repaired.

While worker ``PID`` builds an agency-year, nothing published is written:

- ``<processed_root>/.staging-PID/<agency>.<year>/<agency>/<year>/``: the processed tables (the notebooks get
  ``<processed_root>/.staging-PID/<agency>.<year>`` as their ``processed_root``); it starts empty, so a table no
  longer produced disappears. One folder per agency-year: a worker stages the next agency-year while the
  previous one's PDF prints and before it is swapped in (:func:`.runner.build_serial`);
- ``<reports_root>/<agency>/.<year>.staging-PID/``: report, PDF, summary, executed notebooks, and the build's
  hash file, written last: it is the commit mark.

The swap renames each published folder to ``.<year>.old-PID`` and the staged one into its place, processed
tables first, then removes the old ones. A build that fails leaves its staging to be removed and the last good
outputs in place. After a kill, the next build (:func:`repair`) finishes a swap that had its commit mark
(roll forward), removes a staging without one, puts back an old folder whose published one is missing, and
removes the private temporary folders (kernel sockets, browser profile) of processes that are gone.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .fingerprint import HASH_FILE

#: a build process's private temporary folder (``lkj-PID-…``): a worker's kernel sockets, connection file and
#: browser profile; the main process's multiprocessing folder (forkserver socket)
TMP_PREFIX = "lkj-"
_STAGING_ROOT = re.compile(r"^\.staging-(\d+)$")
_YEAR_FOLDER = re.compile(r"^\.(\d{4})\.(staging|old)-(\d+)$")
_PRIVATE_TMP = re.compile(rf"^{TMP_PREFIX}(\d+)-")


def owner_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie does not: its folders are fair game)."""
    if pid == os.getpid():
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False
    except (OSError, IndexError):  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


@dataclass(frozen=True)
class Stage:
    """The staging, published and old folders of one agency-year built by process ``pid``."""

    agency: str
    year: int
    processed_root: Path
    reports_root: Path
    pid: int

    @classmethod
    def of(cls, agency: str, year: int, processed_root, reports_root, pid: int | None = None) -> Stage:
        return cls(agency, int(year), Path(processed_root), Path(reports_root), os.getpid() if pid is None else pid)

    @property
    def notebooks_root(self) -> Path:
        """The ``processed_root`` the notebooks are given."""
        return self.processed_root / f".staging-{self.pid}" / f"{self.agency}.{self.year}"

    @property
    def processed(self) -> Path:
        return self.notebooks_root / self.agency / str(self.year)

    @property
    def report(self) -> Path:
        return self.reports_root / self.agency / f".{self.year}.staging-{self.pid}"

    def pairs(self) -> list[tuple[Path, Path, Path]]:
        """(staged, published, old) for processed tables, then report: the order of the swap."""
        proc = self.processed_root / self.agency
        rep = self.reports_root / self.agency
        return [(self.processed, proc / str(self.year), proc / f".{self.year}.old-{self.pid}"),
                (self.report, rep / str(self.year), rep / f".{self.year}.old-{self.pid}")]

    def create(self) -> None:
        """Empty staging folders (what an earlier build of this process left is removed first)."""
        self.discard()
        self.processed.mkdir(parents=True)
        self.report.mkdir(parents=True)

    def committed(self) -> bool:
        return (self.report / HASH_FILE).exists()

    def commit(self) -> None:
        """Swap the staged folders in (the hash file must be staged: it is the commit mark)."""
        if not self.committed():
            raise RuntimeError(f"{self.report} holds no {HASH_FILE}: nothing to commit")
        for staged, published, old in self.pairs():
            if staged.is_dir():
                published.parent.mkdir(parents=True, exist_ok=True)
                if published.exists():
                    shutil.rmtree(old, ignore_errors=True)
                    published.rename(old)
                staged.rename(published)
        for _, _, old in self.pairs():
            shutil.rmtree(old, ignore_errors=True)
        self._remove_notebooks_root()

    def discard(self) -> None:
        """Remove the staging folders (a no-op after :meth:`commit`)."""
        shutil.rmtree(self.report, ignore_errors=True)
        self._remove_notebooks_root()

    def _remove_notebooks_root(self) -> None:
        # this agency-year's only: the process may be staging another one in the same .staging-PID
        shutil.rmtree(self.notebooks_root, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.notebooks_root.parent.rmdir()  # the process's folder, once it is empty


def _children(folder: Path):
    try:
        return [p for p in folder.iterdir() if p.is_dir()]
    except OSError:
        return []


def repair(processed_root, reports_root, tmp_root: str | None = None) -> list[str]:
    """Finish or undo what builds that are gone left (see the module's docstring); returns what was done."""
    processed_root, reports_root = Path(processed_root), Path(reports_root)
    done = []
    # 1. stagings: committed -> swapped in, else removed
    for agency in _children(reports_root):
        for folder in _children(agency):
            m = _YEAR_FOLDER.match(folder.name)
            if m and m[2] == "staging" and not owner_alive(int(m[3])):
                st = Stage.of(agency.name, int(m[1]), processed_root, reports_root, int(m[3]))
                if st.committed():
                    st.commit()
                    done.append(f"finished the interrupted swap of {agency.name}/{m[1]}")
                else:
                    st.discard()
                    done.append(f"removed {folder}")
    for folder in _children(processed_root):
        m = _STAGING_ROOT.match(folder.name)
        if m and not owner_alive(int(m[1])):
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed {folder}")
    # 2. old folders: put back where the published one is missing, else removed
    for root in (processed_root, reports_root):
        for agency in _children(root):
            for folder in _children(agency):
                m = _YEAR_FOLDER.match(folder.name)
                if m and m[2] == "old" and not owner_alive(int(m[3])):
                    published = agency / m[1]
                    if published.exists():
                        shutil.rmtree(folder, ignore_errors=True)
                        done.append(f"removed {folder}")
                    else:
                        folder.rename(published)
                        done.append(f"put back {published}")
    # 3. private temporary folders of build processes that are gone
    tmp = Path(tmp_root or tempfile.gettempdir())
    for folder in _children(tmp):
        m = _PRIVATE_TMP.match(folder.name)
        if m and not owner_alive(int(m[1])):
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed {folder}")
    return done


def private_tmp() -> str:
    """A new private temporary folder named after this process (removed by :func:`repair` once it is gone)."""
    return tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-")


def remove_private_tmp(pid: int) -> None:
    """Remove the private temporary folders of process ``pid`` (:func:`private_tmp`), known to be gone, now
    rather than at the next build's :func:`repair`."""
    for folder in Path(tempfile.gettempdir()).glob(f"{TMP_PREFIX}{pid}-*"):
        shutil.rmtree(folder, ignore_errors=True)


_PROCESS_TMP: str | None = None


@contextlib.contextmanager
def private_tempdir():
    """Temporary folders made in the block (``tempfile``) go to one :func:`private_tmp` folder of this process,
    removed when the process exits.

    For the pool's forkserver, whose socket folder multiprocessing makes once and keeps for the process's
    lifetime (so the folder outlives the block).
    """
    global _PROCESS_TMP
    if _PROCESS_TMP is None:
        import multiprocessing.util

        _PROCESS_TMP = private_tmp()
        # after multiprocessing's own finalizers (they remove its pymp-* folder inside this one): an atexit
        # handler would run first and leave them a traceback about a folder already gone
        multiprocessing.util.Finalize(None, shutil.rmtree, args=(_PROCESS_TMP,), kwargs={"ignore_errors": True},
                                      exitpriority=-200)
    saved, tempfile.tempdir = tempfile.tempdir, _PROCESS_TMP
    try:
        yield _PROCESS_TMP
    finally:
        tempfile.tempdir = saved
