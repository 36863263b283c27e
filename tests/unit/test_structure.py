"""The package's tree stays readable: every module says its one job in its first docstring line, none grows
past about 400 lines, and no step imports a later step of the flow."""
import ast
from pathlib import Path

import pytest

from analysis.config import PROJECT_ROOT

SRC = PROJECT_ROOT / "src" / "analysis"
MODULES = sorted(SRC.rglob("*.py"))
#: the flow, in order; a module may import its own step and earlier ones (and the shared top-level modules)
STEPS = ["ingest", "indicators", "reconcile", "rollup", "report", "build"]
#: the few imports against the flow, each with its reason
BACKWARD_OK = {
    # the polarity names are defined with the capaian formulas; reading definitions checks them
    ("ingest", "indicators.capaian"),
    # so are the capaian method names a definition may pick (metode_capaian)
    ("ingest", "indicators.methods"),
    # the one rounding rule: whether a figure a later report re-prints differs only by its printed precision
    ("indicators", "reconcile.rounding"),
}


def _rel(p: Path) -> str:
    return p.relative_to(SRC).as_posix()


def test_the_modules_were_found():
    assert len(MODULES) >= 30 and (SRC / "ingest" / "clean.py") in MODULES


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_module_states_its_job_and_is_short(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc and len(doc.splitlines()[0]) > 15, f"{_rel(path)}: no first docstring line saying what it does"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 420, f"{_rel(path)} has {lines} lines: split it by responsibility"


def _imports(path: Path) -> set[str]:
    """The analysis modules ``path`` imports, as dotted names relative to the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pkg = path.parent.relative_to(SRC).parts
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(pkg[: len(pkg) - (node.level - 1)])
                name = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("analysis."):
                name = node.module[len("analysis."):]
            else:
                continue
            out.add(name)
    return out


@pytest.mark.parametrize("path", [p for p in MODULES if p.parent != SRC], ids=_rel)
def test_no_step_imports_a_later_step(path):
    step = path.relative_to(SRC).parts[0]
    if step not in STEPS:
        return
    later = STEPS[STEPS.index(step) + 1:]
    bad = [m for m in _imports(path) if m.split(".")[0] in later and (step, m) not in BACKWARD_OK]
    assert not bad, f"{_rel(path)} imports later steps of the flow: {bad}"
