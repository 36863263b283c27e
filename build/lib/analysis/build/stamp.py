"""What a build stamps on each report and its ``summary.json``: the project version, the input fingerprint and
the build date.

- version: ``analysis.__version__`` and the git commit (short hash) of the checkout, read from ``.git`` without
  running git (a worktree's ``.git`` file, loose and packed refs, a detached HEAD); ``unknown`` outside a
  checkout;
- fingerprint: the first 12 hex digits of what the figures are built from (:func:`.fingerprint.source_hash`:
  input files and ``--param`` values; the same in every language, with or without PDF);
- date: ``SOURCE_DATE_EPOCH`` (reproducible-builds.org) as a UTC date when set, so that two builds of the same
  inputs are byte-identical; else the local date the build started. A malformed value is an error.

Standard library only.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..config import PROJECT_ROOT

_SHA = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
#: hex digits of a commit and of the input fingerprint shown to readers
SHORT_COMMIT, SHORT_FINGERPRINT = 7, 12


def _git_dir(root: Path) -> Path | None:
    git = root / ".git"
    if git.is_dir():
        return git
    if git.is_file():  # a worktree or a submodule: "gitdir: <path>"
        text = git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            return (root / text[len("gitdir:"):].strip()).resolve()
    return None


def _resolve_ref(git_dir: Path, ref: str) -> str | None:
    """The commit a ref names: loose in the worktree's or the common folder, else in ``packed-refs``."""
    folders = [git_dir]
    common = git_dir / "commondir"
    if common.is_file():
        folders.append((git_dir / common.read_text(encoding="utf-8").strip()).resolve())
    for folder in folders:
        loose = folder / ref
        if loose.is_file():
            return loose.read_text(encoding="utf-8").strip()
    for folder in folders:
        packed = folder / "packed-refs"
        if packed.is_file():
            for line in packed.read_text(encoding="utf-8").splitlines():
                sha, _, name = line.partition(" ")
                if name.strip() == ref:
                    return sha
    return None


@functools.cache
def git_commit(root: Path = PROJECT_ROOT) -> str:
    """The short hash of the commit checked out at ``root``, or ``unknown`` (not a checkout, unreadable)."""
    try:
        git_dir = _git_dir(Path(root))
        if git_dir is None:
            return "unknown"
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
        sha = _resolve_ref(git_dir, head[len("ref:"):].strip()) if head.startswith("ref:") else head
    except (OSError, UnicodeDecodeError):
        return "unknown"
    return sha[:SHORT_COMMIT] if sha and _SHA.match(sha) else "unknown"


def build_date(environ=None) -> str:
    """The build date, ISO 8601 (``2025-03-01``): ``SOURCE_DATE_EPOCH`` in UTC when set, else today (local).

    A ``SOURCE_DATE_EPOCH`` that is not a whole number of seconds is a ValueError (the convention asks a
    build to fail rather than guess)."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return date.today().isoformat()
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got {value!r}")
    return datetime.fromtimestamp(int(value), UTC).date().isoformat()


@dataclass(frozen=True)
class Stamp:
    """When and from what a report was built."""

    version: str
    commit: str
    fingerprint: str
    date: str

    @classmethod
    def of(cls, digest: str, day: str = "") -> Stamp:
        """The stamp of a build whose inputs hash to ``digest``, on ``day`` (ISO; :func:`build_date` when
        empty)."""
        from .. import __version__

        return cls(__version__, git_commit(), digest[:SHORT_FINGERPRINT], day or build_date())

    def as_dict(self) -> dict[str, str]:
        """What ``summary.json`` records under ``build``."""
        return asdict(self)

    def footer(self, lang: str, title: str, agency_name: str, year: int) -> str:
        """The report's footer (text): version, fingerprint, date, and the report it was built from, by its
        title and agency (no path, no folder name)."""
        from ..report.labels import t
        from ..report.vocabulary import long_date

        title = title or t("kaki_judul_umum", lang).format(year=year)
        return t("kaki", lang).format(version=self.version, commit=self.commit, fingerprint=self.fingerprint,
                                      date=long_date(self.date, lang), title=title, agency=agency_name)
