"""A workbook sheet is read as the user saw it, into the RawTable a CSV gives: numbers by their format, merged
ranges empty on their continuation rows, formulas by their cached value with their text kept; every problem is
placed in its sheet and cell."""
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from analysis.errors import DataError
from analysis.ingest.cleaners import CLEANERS
from analysis.ingest.workbook import XLS_NOTE, letter, open_workbook, read_sheet_table, split_ref
from analysis.ingest.workbook_layout import parse_layout

COLUMNS = CLEANERS["capaian_iku"][0]
FIXTURES = Path(__file__).parents[1] / "fixtures"


def _book(path: Path, rows, formats=None, merge=None, formulas=None) -> Path:
    """A workbook written by xlsxwriter (formulas with a cached value, as Excel leaves them)."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("capaian_iku")
    fmts = {k: wb.add_format({"num_format": v}) for k, v in (formats or {}).items()}
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is not None:
                ws.write(i, j, v, fmts.get((i, j)))
    for (i, j), (formula, cached) in (formulas or {}).items():
        ws.write_formula(i, j, formula, fmts.get((i, j)), cached)
    if merge:
        ws.merge_range(*merge)
    wb.close()
    return path


def test_numbers_as_shown_text_as_text_merged_empty_formula_cached(tmp_path):
    path = _book(tmp_path / "b.xlsx", [
        COLUMNS,
        ["457", "1.", None, "Prosentase Koperasi Berkualitas", 0.0457, "5,87 %", None],
        ["458", "2.", None, "Prosentase Usaha Kecil Naik Kelas", 0.0008, 96.16999999999999, None],
    ], formats={(1, 4): "0.00%", (2, 4): "0.00%", (2, 5): "0.00", (1, 6): "0", (2, 6): "0"},
        merge=(1, 2, 2, 2, "Meningkatnya Kualitas Koperasi"),
        formulas={(1, 6): ("=ROUND(5.87/4.57*100,0)", 128), (2, 6): ("=100", 100)})
    t = read_sheet_table(open_workbook(path), "capaian_iku", COLUMNS, table="capaian_iku")
    assert [r["_line"] for r in t.rows] == [2, 3]
    assert [r["target"] for r in t.rows] == ["4,57%", "0,08%"]
    assert t.rows[1]["realisasi"] == "96,17"
    assert t.rows[0]["realisasi"] == "5,87 %"                       # text stays text
    assert [r["sasaran"] for r in t.rows] == ["Meningkatnya Kualitas Koperasi", ""]  # as a transcribed CSV
    assert [r["capaian"] for r in t.rows] == ["128", "100"]          # the cached value
    assert t.formulas[(2, "capaian")] == "=ROUND(5.87/4.57*100,0)"
    assert t.cell_ref(2, "capaian") == "capaian_iku!G2 (=ROUND(5.87/4.57*100,0))"
    assert t.label.endswith("b.xlsx#capaian_iku")


def test_the_same_number_in_the_english_style(tmp_path):
    path = _book(tmp_path / "b.xlsx", [COLUMNS, ["1", "1.", "S", "I", 20674821126, "x", "y"]],
                 formats={(1, 4): "#,##0"})
    t = read_sheet_table(open_workbook(path), "capaian_iku", COLUMNS, style="id;target=en")
    assert t.rows[0]["target"] == "20,674,821,126"


def test_a_formula_never_computed_is_a_problem_naming_sheet_and_cell(tmp_path):
    wb = openpyxl.Workbook()  # openpyxl stores no cached value: as a program writes a workbook
    ws = wb.active
    ws.title = "capaian_iku"
    ws.append(COLUMNS)
    ws.append(["457", "1.", "S", "I", "4,57 %", "5,87 %", "=F2/E2*100"])
    wb.save(tmp_path / "b.xlsx")
    with pytest.raises(DataError) as e:
        read_sheet_table(open_workbook(tmp_path / "b.xlsx"), "capaian_iku", COLUMNS)
    p = e.value.problems
    assert len(p) == 1 and p[0].cell == "capaian_iku!G2" and p[0].value == "=F2/E2*100"
    assert "b.xlsx, cell capaian_iku!G2: value '=F2/E2*100' -> expected a value Excel computed" in str(e.value)


def test_header_and_stray_cells_are_placed_in_cells(tmp_path):
    path = _book(tmp_path / "b.xlsx", [COLUMNS[:-1] + ["capaian_persen"], ["1", "1.", "S", "I", "1", "1", "1"]])
    with pytest.raises(DataError) as e:
        read_sheet_table(open_workbook(path), "capaian_iku", COLUMNS, table="capaian_iku")
    text = str(e.value)
    assert "cell capaian_iku!G1, column 'capaian_persen'" in text
    assert "row 1 of sheet 'capaian_iku', column 'capaian'" in text  # the missing column: the header row
    path = _book(tmp_path / "c.xlsx", [COLUMNS, ["1", "1.", "S", "I", "1", "1", "1", None, "geser"]])
    with pytest.raises(DataError) as e:
        read_sheet_table(open_workbook(path), "capaian_iku", COLUMNS)
    assert "cell capaian_iku!I2: value 'geser' -> expected a cell under a column name" in str(e.value)


def test_a_missing_sheet_and_a_broken_file_are_one_problem_each(tmp_path):
    path = _book(tmp_path / "b.xlsx", [COLUMNS])
    with pytest.raises(DataError, match="expected a sheet of this workbook: capaian_iku"):
        read_sheet_table(open_workbook(path), "capaian", COLUMNS)
    (tmp_path / "x.xlsx").write_bytes(b"not a zip")
    with pytest.raises(DataError, match="x.xlsx -> expected a workbook Excel can open"):
        open_workbook(tmp_path / "x.xlsx")


def test_xls_is_read_with_general_numbers_and_a_warning():
    t = read_sheet_table(open_workbook(FIXTURES / "capaian.xls"), "capaian_iku", COLUMNS)
    assert [r["indikator"] for r in t.rows] == ["Prosentase Koperasi Berkualitas", "Prosentase Usaha Kecil Naik Kelas"]
    assert [r["sasaran"] for r in t.rows] == ["Meningkatnya Kualitas Koperasi", ""]
    assert t.rows[0]["target"] == "0,0457"  # its 0.00% format cannot be read from an .xls: General, said so
    assert t.rows[0]["capaian"] == "128"
    assert any(XLS_NOTE in w.message for w in t.warnings)


def test_refs_and_letters():
    assert [letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    assert split_ref("lkj.xlsx#capaian_iku") == ("lkj.xlsx", "capaian_iku")
    assert split_ref("Form PK 2024.XLS#Tabel 3") == ("Form PK 2024.XLS", "Tabel 3")
    assert split_ref("capaian_iku.csv") is None


def test_a_layout_is_parsed_or_refused_with_its_column():
    lay = parse_layout({"peta_kolom": "no=A; sasaran=B;target=AD", "baris_awal": "8", "baris_akhir": "",
                        "penanda_akhir": "Kepala"})
    assert lay.columns == {"no": 1, "sasaran": 2, "target": 30} and lay.first == 8 and lay.marker == "Kepala"
    assert parse_layout({"peta_kolom": "", "baris_awal": ""}) is None
    for row, column in (({"peta_kolom": "no=A", "baris_awal": "x"}, "baris_awal"),
                        ({"peta_kolom": "no:A", "baris_awal": "8"}, "peta_kolom"),
                        ({"baris_awal": "8"}, "peta_kolom"),
                        ({"peta_kolom": "no=A", "baris_awal": "8", "baris_akhir": "7"}, "baris_akhir")):
        with pytest.raises(ValueError) as e:
            parse_layout(row)
        assert e.value.args[0] == column


def test_an_imported_cell_with_a_line_break_stays_in_its_row():
    import csv
    import io

    from analysis.ingest.import_workbook import _csv

    rows = [["1", "baris satu\rbaris dua"], ["2", "a\r\nb"], ["3", "plain"]]
    assert list(csv.reader(io.StringIO(_csv(["no", "kalimat"], rows), newline=""))) == [["no", "kalimat"], *rows]
    assert _csv(["no"], [["1"]]) == "no\n1\n"  # no line break anywhere: quoted only where needed
