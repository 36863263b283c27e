"""Provenance: baris_sumber forms, meta.csv against its folder and source, links and stray folders noted or refused."""
import hashlib
from pathlib import Path

import pytest

from analysis.errors import Collector, DataError, Problem, shown
from analysis.ingest.layout import stray_folders, unlisted_tables
from analysis.ingest.provenance import Source, check_line_refs, check_meta, parse_line_refs
from analysis.ingest.raw import RawTable, agency_year_dir, read_raw_csv


@pytest.mark.parametrize("text, refs", [("123", [(123, 123)]), ("123-125", [(123, 125)]),
                                        ("696;699", [(696, 696), (699, 699)]), ("123,127", [(123, 123), (127, 127)]),
                                        ("1 - 3; 5", [(1, 3), (5, 5)])])
def test_line_references(text, refs):
    assert parse_line_refs(text) == refs


@pytest.mark.parametrize("text", ["", "abc", "12a", "0", "5-3", "1;;2"])
def test_bad_line_references(text):
    with pytest.raises(ValueError):
        parse_line_refs(text)


def test_line_references_beyond_the_source():
    t = RawTable("x", Path("a/2024/x.csv"), ["baris_sumber"],
                 [{"baris_sumber": "5", "_line": 2}, {"baris_sumber": "9-11", "_line": 3},
                  {"baris_sumber": "", "_line": 4}])
    col = Collector()
    check_line_refs(t, Source("sumber.txt", 10), col)
    assert [(p.row, p.value) for p in col.problems] == [(3, "9-11")]
    assert "within sumber.txt (it has 10 lines)" in col.problems[0].expected


def _meta(folder: Path, rows: list[tuple[str, str]]) -> RawTable:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "meta.csv").write_text("kunci,nilai\n" + "".join(f"{k},{v}\n" for k, v in rows), encoding="utf-8")
    return read_raw_csv(folder / "meta.csv", ["kunci", "nilai"])


def test_meta_is_checked_against_its_folder_and_source(tmp_path):
    folder = tmp_path / "agency" / "2024"
    folder.mkdir(parents=True)
    (folder / "sumber.txt").write_text("a\nb\nc\n", encoding="utf-8")
    digest = hashlib.sha256(b"a\nb\nc\n").hexdigest()
    col = Collector()
    meta, source = check_meta(_meta(folder, [("tahun", "2024"), ("berkas_sumber", "sumber.txt"),
                                             ("sha256_sumber", digest)]), 2024, col)
    assert not col.problems and source == Source("sumber.txt", 3) and meta["tahun"] == "2024"
    t = _meta(folder, [("tahun", "2023"), ("berkas_sumber", "sumber.txt"), ("sha256_sumber", "0" * 64),
                       ("skala_kategori", "tiga_tingkat"), ("tahun", "2024")])
    col = Collector()
    check_meta(t, 2024, col)
    found = {(p.row, p.column): p.expected for p in col.problems}
    assert "each key once (also on line 2)" in found[(6, "kunci")]
    assert "the year of the folder the file is in (2024)" in found[(2, "nilai")]
    assert f"the SHA-256 of sumber.txt ({digest})" in found[(4, "nilai")]
    assert "skala_kategori.csv: lkj_dua_tingkat, lima_tingkat" in found[(5, "nilai")]


def test_synthetic_meta_has_no_source_to_check(tmp_path):
    col = Collector()
    _, source = check_meta(_meta(tmp_path / "a" / "2024", [("tahun", "2024"), ("sintetis", "ya")]), 2024, col)
    assert not col.problems and source.lines is None


def test_links_are_refused_not_followed(tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text("SECRET,x\n1,2\n", encoding="utf-8")
    (tmp_path / "raw" / "agency").mkdir(parents=True)
    (tmp_path / "raw" / "agency" / "link.csv").symlink_to(outside)
    with pytest.raises(DataError) as e:
        read_raw_csv(tmp_path / "raw" / "agency" / "link.csv", ["a"])
    assert "not a symbolic link" in str(e.value) and "SECRET" not in str(e.value)
    (tmp_path / "elsewhere" / "2024").mkdir(parents=True)
    (tmp_path / "raw" / "agency" / "2024").symlink_to(tmp_path / "elsewhere" / "2024")
    with pytest.raises(DataError) as e:
        agency_year_dir("agency", 2024, tmp_path / "raw")
    assert e.value.problems[0].file == "agency/2024"


def test_stray_folders_and_unlisted_tables_are_noted(tmp_path):
    for d in ("agency/2024", "agency/2O24", "Agency/2024", ".git"):
        (tmp_path / d).mkdir(parents=True)
    notes = [str(w) for w in stray_folders(tmp_path, "agency")]
    assert len(notes) == 2 and notes[0].startswith("Agency: ") and notes[1].startswith("agency/2O24: ")
    for f in ("meta.csv", "manifest.csv", "a.csv", "b.CSV", "sumber.txt"):
        (tmp_path / "agency" / "2024" / f).write_text("x\n")
    assert [w.file for w in unlisted_tables(tmp_path / "agency" / "2024", {"a.csv"})] == ["agency/2024/b.CSV"]


def test_look_alikes_are_shown_escaped_with_a_hint():
    assert shown("\u221280,29%") == "'\\u221280,29%'" and shown("4,57 %") == "'4,57 %'"
    msg = str(Problem("f.csv", 2, "c", "\u221280,29%", "a number"))
    assert msg == "f.csv, line 2, column 'c': value '\\u221280,29%' (a unicode minus: type '-') -> expected a number"
