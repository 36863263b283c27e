"""The roll-up is built aside and swapped in: a failing run leaves the last good roll-up whole, a good one replaces
every page and table together and removes a page it did not build again."""
import json
from pathlib import Path

import pytest

from analysis.build import rollup
from analysis.build.options import Options


@pytest.fixture
def opt(tmp_path):
    for agency in ("a", "b"):
        (tmp_path / "p" / agency / "2024").mkdir(parents=True)
        (tmp_path / "p" / agency / "2024" / "clean_info.json").write_text("{}")
    (tmp_path / "r" / "rollup").mkdir(parents=True)
    for name, text in (("rollup.html", "old id"), ("rollup.en.html", "old en"), ("rollup.pdf", "old pdf"),
                       ("rollup/table.csv", "old table")):
        (tmp_path / "r" / name).write_text(text)
    (tmp_path / "r" / "rollup" / rollup.HASH_FILE).write_text(json.dumps({"hash": "old"}))
    return Options(processed_root=str(tmp_path / "p"), reports_root=str(tmp_path / "r"), lang="both", pdf=False)


def _state(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_failing_run_leaves_the_last_roll_up_whole(opt, monkeypatch):
    before = _state(Path(opt.reports_root))

    def half_then_fail(items, o, params, digest, root):
        (root / "rollup" / "table.csv").write_text("new table")
        (root / "rollup.html").write_text("new id")
        raise RuntimeError("notebook 05-rollup failed")

    monkeypatch.setattr(rollup, "_run", half_then_fail)
    with pytest.raises(RuntimeError):
        rollup.build_rollup(opt)
    assert _state(Path(opt.reports_root)) == before  # nothing staged is left, nothing old was touched


def _run_writing(word: str):
    """A stand-in for the notebook run: the roll-up's table and both pages, saying ``word``."""
    def run(items, o, params, digest, root):
        (root / "rollup" / "table.csv").write_text(f"{word} table")
        for lang in ("", ".en"):
            (root / f"rollup{lang}.html").write_text(f"{word}{lang}")
    return run


def test_a_good_run_replaces_pages_and_tables_together(opt, monkeypatch):
    monkeypatch.setattr(rollup, "_run", _run_writing("new"))
    assert rollup.build_rollup(opt) == "built"
    after = _state(Path(opt.reports_root))
    assert after["rollup.html"] == "new" and after["rollup.en.html"] == "new.en"
    assert after["rollup/table.csv"] == "new table" and "rollup.pdf" not in after  # no PDF this time: none stale
    assert json.loads(after[f"rollup/{rollup.HASH_FILE}"])["hash"] != "old"
    assert not any(name.startswith(rollup.STAGE) for name in after)


KILLED_RUN = """
import os, sys
from analysis import atomic
from analysis.build import rollup
from analysis.build.options import Options

opt = Options(processed_root=sys.argv[1], reports_root=sys.argv[2], lang="both", pdf=False)
kill_at, calls = int(sys.argv[3]), [0]


def run(items, o, params, digest, root):
    (root / "rollup" / "table.csv").write_text("new table")
    for lang in ("", ".en"):
        (root / f"rollup{lang}.html").write_text(f"new{lang}")


def dying(real):
    def step(*args, **kwargs):  # the build is killed (kill -9: no finally, no cleanup) at step kill_at
        calls[0] += 1
        if calls[0] == kill_at:
            os._exit(137)
        return real(*args, **kwargs)
    return step


rollup._run = run
rollup.os.replace = dying(os.replace)
atomic.write_text = dying(atomic.write_text)  # the hash file, written last
print(rollup.build_rollup(opt))
"""


@pytest.mark.parametrize("kill_at", range(1, 6))
def test_a_roll_up_killed_at_any_step_is_rebuilt_whole_by_the_next_run(opt, kill_at, tmp_path, monkeypatch):
    # steps of a run: the folder moved aside, the staged folder in, each page in (2), the hash file written
    import subprocess
    import sys

    root = Path(opt.reports_root)
    r = subprocess.run([sys.executable, "-c", KILLED_RUN, opt.processed_root, opt.reports_root, str(kill_at)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 137, r.stdout + r.stderr
    killed = _state(root)
    saved = json.loads(killed.get(f"rollup/{rollup.HASH_FILE}", '{"hash": null}'))["hash"]
    # what a kill leaves is never taken for a finished roll-up: either the old one, whole, under its old hash,
    # or no hash at all (the next run cannot skip)
    assert saved is None or (saved == "old" and killed["rollup/table.csv"] == "old table")

    monkeypatch.setattr(rollup, "_run", _run_writing("newer"))
    assert rollup.build_rollup(opt) == "built"
    after = _state(root)
    assert (after["rollup.html"], after["rollup.en.html"], after["rollup/table.csv"]) == \
        ("newer", "newer.en", "newer table")
    assert not any(p.name.startswith(rollup.STAGE) for p in root.iterdir())  # what the kill left is gone
