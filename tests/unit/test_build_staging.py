"""Staging: processed tables and report swapped in together; what a killed build left is finished or removed,
never listed, and a dead process's folders only."""
import json
import os
import subprocess
import sys

from analysis.build.fingerprint import HASH_FILE
from analysis.build.staging import Stage, owner_alive, repair


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def _stage(tmp_path, pid=None, report="new", table="new"):
    st = Stage.of("dinas", 2024, tmp_path / "p", tmp_path / "r", pid)
    st.create()
    (st.processed / "iku.csv").write_text(table)
    (st.report / "report.html").write_text(report)
    return st


def _published(tmp_path, text="old"):
    for folder in (tmp_path / "p" / "dinas" / "2024", tmp_path / "r" / "dinas" / "2024"):
        folder.mkdir(parents=True)
        (folder / ("iku.csv" if folder.parts[-3] == "p" else "report.html")).write_text(text)


def _texts(tmp_path):
    return ((tmp_path / "p" / "dinas" / "2024" / "iku.csv").read_text(),
            (tmp_path / "r" / "dinas" / "2024" / "report.html").read_text())


def _hidden(tmp_path):
    """Hidden files and folders left (the published hash file aside)."""
    return sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob(".*") if p.name != HASH_FILE)


def test_commit_swaps_both_and_leaves_no_staging(tmp_path):
    _published(tmp_path)
    st = _stage(tmp_path)
    (st.report / HASH_FILE).write_text("{}")
    st.commit()
    assert _texts(tmp_path) == ("new", "new")
    assert _hidden(tmp_path) == []


def test_two_agency_years_of_one_process_stage_side_by_side(tmp_path):
    # a worker stages the next agency-year while the previous one waits for its PDF (runner.build_serial):
    # creating, committing or discarding one must leave the other's staged tables alone
    first = _stage(tmp_path, table="first")
    second = Stage.of("badan", 2025, tmp_path / "p", tmp_path / "r")
    second.create()
    (second.processed / "iku.csv").write_text("second")
    (second.report / "report.html").write_text("second")
    assert (first.processed / "iku.csv").read_text() == "first"
    (first.report / HASH_FILE).write_text("{}")
    first.commit()
    assert _texts(tmp_path) == ("first", "new")
    assert (second.processed / "iku.csv").read_text() == "second"
    second.discard()
    assert _hidden(tmp_path) == [] and not (tmp_path / "p" / "badan").exists()


def test_a_table_no_longer_produced_disappears(tmp_path):
    _published(tmp_path)
    (tmp_path / "p" / "dinas" / "2024" / "dropped.parquet").write_text("stale")
    st = _stage(tmp_path)
    (st.report / HASH_FILE).write_text("{}")
    st.commit()
    assert not (tmp_path / "p" / "dinas" / "2024" / "dropped.parquet").exists()


def test_a_staging_without_commit_mark_of_a_dead_build_is_removed(tmp_path):
    _published(tmp_path)
    _stage(tmp_path, pid=dead_pid())
    done = repair(tmp_path / "p", tmp_path / "r", str(tmp_path / "tmp"))
    assert _texts(tmp_path) == ("old", "old") and _hidden(tmp_path) == [] and len(done) == 1


def test_a_committed_swap_interrupted_halfway_is_finished(tmp_path):
    """Killed after the processed tables were swapped, before the report: the next run rolls forward."""
    _published(tmp_path)
    st = _stage(tmp_path, pid=dead_pid())
    (st.report / HASH_FILE).write_text("{}")
    (staged, published, old), _ = st.pairs()
    published.rename(old)
    staged.rename(published)
    repair(tmp_path / "p", tmp_path / "r", str(tmp_path / "tmp"))
    assert _texts(tmp_path) == ("new", "new") and _hidden(tmp_path) == []


def test_an_old_folder_is_put_back_when_the_published_one_is_missing(tmp_path):
    _published(tmp_path)
    pid = dead_pid()
    rep = tmp_path / "r" / "dinas"
    (rep / "2024").rename(rep / f".2024.old-{pid}")
    repair(tmp_path / "p", tmp_path / "r", str(tmp_path / "tmp"))
    assert _texts(tmp_path) == ("old", "old") and _hidden(tmp_path) == []


def test_the_folders_of_a_live_build_are_left_alone(tmp_path):
    _published(tmp_path)
    st = _stage(tmp_path)  # this process: alive
    tmp = tmp_path / "tmp"
    (tmp / f"lkj-{os.getpid()}-abc").mkdir(parents=True)
    (tmp / f"lkj-{dead_pid()}-abc" / "kernel-x").mkdir(parents=True)
    (tmp / "unrelated-folder").mkdir()
    assert len(repair(tmp_path / "p", tmp_path / "r", str(tmp))) == 1
    assert st.report.is_dir() and st.processed.is_dir()
    assert sorted(p.name for p in tmp.iterdir()) == [f"lkj-{os.getpid()}-abc", "unrelated-folder"]


def test_owner_alive():
    assert owner_alive(os.getpid()) and not owner_alive(dead_pid())


def test_index_lists_no_staging_or_old_folder(tmp_path):
    from analysis.build.index import write_index
    from analysis.build.options import Options

    summary = {"nama_instansi": "Dinas", "year": 2024, "capaian": 100.0, "serapan": 90.0, "efisiensi": 10.0,
               "rekonsiliasi": {"match": 3}, "perubahan_rumus": 0}
    for name in ("2024", ".2024.old-123", ".2024.staging-456"):
        folder = tmp_path / "r" / "dinas" / name
        folder.mkdir(parents=True)
        (folder / "summary.json").write_text(json.dumps(summary))
        (folder / "report.html").write_text("<p>")
    html = write_index(Options(reports_root=str(tmp_path / "r"))).read_text(encoding="utf-8")
    # one row for the agency-year (its name and its HTML link both point at the one report), no staging or old one
    assert html.count("<tr><td>") == 1 and html.count("dinas/2024/report.html") == 2 and ".2024." not in html
