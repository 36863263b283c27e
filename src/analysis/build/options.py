"""What a build is asked to do (:class:`Options`) and what it reports for each agency-year (:class:`Result`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..config import NOTEBOOK_DIR, PROCESSED_ROOT, RAW_ROOT, REPORTS_ROOT


@dataclass
class Options:
    """Plain values only (the process pool sends them as ``asdict``)."""

    raw_root: str = str(RAW_ROOT)
    processed_root: str = str(PROCESSED_ROOT)
    reports_root: str = str(REPORTS_ROOT)
    notebook_dir: str = str(NOTEBOOK_DIR)
    #: the report languages: ``id``, ``en`` or ``both`` (:mod:`.languages`)
    lang: str = "both"
    pdf: bool = True
    force: bool = False
    execution_timeout: int = 600
    #: seconds a PDF may take to print before Chromium is taken as hung and stopped (``--print-timeout``)
    print_timeout: int = 300
    #: ``--param`` values: parameter -> value (int, float, bool, None or str), for the notebooks declaring it
    params: dict = field(default_factory=dict)
    #: the build date stamped on the reports (ISO); empty: :func:`.stamp.build_date` when an agency-year is built
    date: str = ""


@dataclass
class Result:
    agency: str
    year: int
    status: str  # built | skipped | failed
    seconds: float = 0.0
    error: str = ""
    notes: list = field(default_factory=list)
    stages: dict = field(default_factory=dict)  # stage -> seconds from the start of the build when it ended


class BuildError(RuntimeError):
    """A notebook of an agency-year failed: the message names the notebook and the cell and error, or the
    declared product it did not write."""
