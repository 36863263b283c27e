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


def test_a_good_run_replaces_pages_and_tables_together(opt, monkeypatch):
    def run(items, o, params, digest, root):
        (root / "rollup" / "table.csv").write_text("new table")
        for lang in ("", ".en"):
            (root / f"rollup{lang}.html").write_text(f"new{lang}")

    monkeypatch.setattr(rollup, "_run", run)
    assert rollup.build_rollup(opt) == "built"
    after = _state(Path(opt.reports_root))
    assert after["rollup.html"] == "new" and after["rollup.en.html"] == "new.en"
    assert after["rollup/table.csv"] == "new table" and "rollup.pdf" not in after  # no PDF this time: none stale
    assert json.loads(after[f"rollup/{rollup.HASH_FILE}"])["hash"] != "old"
    assert not any(name.startswith(rollup.STAGE) for name in after)
