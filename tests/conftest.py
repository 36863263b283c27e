"""Shared fixtures. Tests never write under the project's data/raw: they copy it to a temporary folder."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from analysis import pipeline
from analysis.config import RAW_ROOT

SEED_AGENCY, SEED_YEAR = "kalbar-diskumkm", 2024
SEED_DIR = RAW_ROOT / SEED_AGENCY / str(SEED_YEAR)


def tree_digest(folder: Path) -> dict[str, str]:
    """Path -> sha256 of every file under ``folder`` (to prove nothing was touched)."""
    folder = Path(folder)
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


#: the project's raw data as it was when the test session started (compared when the session ends)
RAW_DIGEST_AT_START = tree_digest(RAW_ROOT)


def pytest_sessionfinish(session, exitstatus):
    """After every build, bad input and notebook run of the suite, whatever ran and in whatever order, the
    project's data/raw is byte-identical to what it was when the session started: fail the run otherwise."""
    changed = sorted(set(RAW_DIGEST_AT_START.items()) ^ set(tree_digest(RAW_ROOT).items()))
    if changed:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        tr = session.config.pluginmanager.get_plugin("terminalreporter")
        if tr is not None:
            tr.write_line(f"FAILED: the suite changed data/raw: {sorted({p for p, _ in changed})}", red=True)


@pytest.fixture
def short_tmp():
    """A temporary folder with a short path (sockets live below it: a socket's path fits in 107 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="lkj-test-", dir="/tmp" if os.path.isdir("/tmp") else None))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A private copy of data/raw (the seed agency) to break on purpose."""
    dst = tmp_path / "raw"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, dst / SEED_AGENCY)
    return dst


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """The seed cleaned, recomputed and trended once, into a temporary processed folder."""
    out = tmp_path_factory.mktemp("processed")
    cleaned = pipeline.run_clean(SEED_AGENCY, SEED_YEAR, RAW_ROOT, out)
    ind = pipeline.run_indicators(SEED_AGENCY, SEED_YEAR, out)
    tr = pipeline.run_trends(SEED_AGENCY, SEED_YEAR, out)
    return {"cleaned": cleaned, "tables": cleaned.tables, "ind": ind, "tr": tr, "processed": out}

