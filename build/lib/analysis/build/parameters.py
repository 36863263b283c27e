"""The notebooks' parameters: those each declares (read with papermill), and ``--param`` values checked against them.

The build sets the built-in ones (:data:`BUILT_IN`); ``--param KEY=VALUE`` sets any other a notebook
declares, and each notebook gets only the parameters it declares. papermill is imported only when a
notebook's declarations are first read.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..config import NOTEBOOKS

#: set by the build from its own options, never by ``--param`` (parameter -> the option that sets it)
BUILT_IN = {"agency": "use --agency", "year": "use --year", "raw_root": "use --raw-root",
            "processed_root": "use --processed-root", "lang": "use --lang",
            # a build's runs publish, through its staging folder (analysis.workspace)
            "build_run": "always True in a build", "publish": "a build always publishes"}

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ParameterError(ValueError):
    """A ``--param`` the notebooks do not declare, or one the build sets itself."""


def parse_value(text: str):
    """A value as papermill's command line reads ``-p``: True/False/None, an int, a float, else the string."""
    constants = {"True": True, "False": False, "None": None}
    if text in constants:
        return constants[text]
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def parse_assignment(text: str) -> tuple[str, object]:
    """``KEY=VALUE`` -> (key, parsed value); a ValueError when it is not one."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not _KEY.match(key):
        raise ValueError(f"expected KEY=VALUE with KEY a parameter name, got {text!r}")
    return key, parse_value(value)


@functools.cache
def _inspect(path: str, mtime_ns: int) -> dict[str, str]:
    """Parameter -> default (its source text) declared by the notebook at ``path`` (once per file version)."""
    from .engine import skip_unused_imports

    skip_unused_imports()
    import papermill as pm

    return {name: p["default"] for name, p in pm.inspect_notebook(path).items()}


def declared(notebook_dir: Path | str, notebook: str) -> dict[str, str]:
    """The parameters ``notebook`` declares in its ``parameters`` cell, with their defaults (source text)."""
    path = Path(notebook_dir) / f"{notebook}.ipynb"
    return _inspect(str(path), path.stat().st_mtime_ns)


def check(params: dict, notebook_dir: Path | str) -> None:
    """Raise :class:`ParameterError` for a built-in key or one no notebook declares (listing those that are)."""
    built_in = sorted(k for k in params if k in BUILT_IN)
    if built_in:
        raise ParameterError("set by the build, not by --param: "
                             + ", ".join(f"{k} ({BUILT_IN[k]})" for k in built_in))
    decl = {name: declared(notebook_dir, name) for name in NOTEBOOKS}
    unknown = sorted(k for k in params if not any(k in d for d in decl.values()))
    if unknown:
        lines = [f"  {k} = {default}  ({name})" for name, d in decl.items() for k, default in d.items()
                 if k not in BUILT_IN]
        raise ParameterError(f"unknown --param {', '.join(unknown)}: no notebook declares "
                             f"{'them' if len(unknown) > 1 else 'it'}; those --param can set (default, notebook):\n"
                             + ("\n".join(lines) or "  (none)"))


def for_notebook(notebook: str, built_in: dict, params: dict, notebook_dir: Path | str) -> dict:
    """The parameters to pass to ``notebook``: those of ``built_in`` and ``params`` that it declares."""
    decl = declared(notebook_dir, notebook)
    return {k: v for k, v in {**built_in, **params}.items() if k in decl}
