"""What a build is asked to do (:class:`Options`) and what it reports for each agency-year (:class:`Result`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..config import NOTEBOOK_DIR, PROCESSED_ROOT, RAW_ROOT, REPORTS_ROOT


@dataclass
class Options:
    raw_root: str = str(RAW_ROOT)
    processed_root: str = str(PROCESSED_ROOT)
    reports_root: str = str(REPORTS_ROOT)
    notebook_dir: str = str(NOTEBOOK_DIR)
    lang: str = "id"
    pdf: bool = True
    force: bool = False
    execution_timeout: int = 600


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
    """A notebook of an agency-year failed: the message names the notebook, the cell and the error."""
