"""A workbook is a first-class raw source: the seed's CSV files written into the data-entry workbook and read
back give the same processed tables; a workbook in the agency's own layout is read through the manifest's
mapping; bad cells are listed with their sheet and cell; a workbook imports to the same CSV rows."""
import csv
import shutil

import openpyxl
import pandas as pd
import pytest
from openpyxl.styles import Alignment

from analysis import pipeline
from analysis.build.fingerprint import source_hash
from analysis.build.options import Options
from analysis.errors import DataError
from analysis.ingest import numbers
from analysis.ingest.clean import clean_agency_year
from analysis.ingest.cleaners import CLEANERS, YEAR_COLUMN
from analysis.ingest.import_workbook import import_workbook
from analysis.ingest.raw import discover, read_raw_csv
from analysis.ingest.template import write_template
from analysis.processed import load_info, load_processed
from conftest import SEED_AGENCY, SEED_DIR, SEED_YEAR


def _seed_tables():
    manifest = list(csv.DictReader(open(SEED_DIR / "manifest.csv", encoding="utf-8")))
    out = {}
    for m in manifest:
        required, optional, _ = CLEANERS[m["tabel"]]
        pattern = YEAR_COLUMN if m["tabel"] in ("realisasi_multi_tahun", "target_nasional") else None
        out[m["tabel"]] = read_raw_csv(SEED_DIR / m["berkas"], required, optional, pattern)
    return out


@pytest.fixture(scope="module")
def workbook_root(tmp_path_factory):
    """A raw root whose seed agency-year is the workbook alone (and the source text its line numbers cite)."""
    base = tmp_path_factory.mktemp("wb")
    book = write_template(SEED_AGENCY, SEED_YEAR, SEED_DIR.parents[1], base / "lkj.xlsx", from_raw=True)
    root = base / "raw"
    folder = root / SEED_AGENCY / str(SEED_YEAR)
    folder.mkdir(parents=True)
    shutil.copy(book, folder / "lkj.xlsx")
    shutil.copy(SEED_DIR / "sumber.txt", folder / "sumber.txt")
    return root


def test_the_workbook_alone_builds_the_same_tables(workbook_root, seed_run, tmp_path):
    assert sorted(p.name for p in (workbook_root / SEED_AGENCY / str(SEED_YEAR)).iterdir()) == ["lkj.xlsx",
                                                                                               "sumber.txt"]
    assert discover(workbook_root) == [(SEED_AGENCY, SEED_YEAR)]
    pipeline.run_clean(SEED_AGENCY, SEED_YEAR, workbook_root, tmp_path)
    pipeline.run_indicators(SEED_AGENCY, SEED_YEAR, tmp_path)
    pipeline.run_trends(SEED_AGENCY, SEED_YEAR, tmp_path)
    from_book = load_processed(SEED_AGENCY, SEED_YEAR, tmp_path)
    from_csv = load_processed(SEED_AGENCY, SEED_YEAR, seed_run["processed"])
    # provenance: CSV line n is sheet row n (the template writes a CSV's rows from row 2, in order, and the
    # seed's files have no blank line and no cell over two lines): computed here, not assumed
    book = clean_agency_year(SEED_AGENCY, SEED_YEAR, workbook_root)
    for kind, t in _seed_tables().items():
        rows = [r for r in book.read if r["tabel"] == kind]
        assert rows and rows[0]["berkas"] == f"lkj.xlsx#{kind}" and rows[0]["baris"] == len(t.rows)
        assert [r["_line"] for r in t.rows] == list(range(2, len(t.rows) + 2)), kind
    assert set(from_book) == set(from_csv)
    for name in from_csv:
        pd.testing.assert_frame_equal(from_book[name], from_csv[name], obj=name)
    info = load_info(SEED_AGENCY, SEED_YEAR, tmp_path)
    assert {r["berkas"] for r in info["tables_read"]} == {f"lkj.xlsx#{k}" for k in _seed_tables()}


def test_a_changed_workbook_changes_the_fingerprint(workbook_root, tmp_path):
    root = tmp_path / "raw"
    shutil.copytree(workbook_root, root)
    opt = Options(raw_root=str(root))
    before = source_hash(SEED_AGENCY, SEED_YEAR, opt)
    path = root / SEED_AGENCY / str(SEED_YEAR) / "lkj.xlsx"
    wb = openpyxl.load_workbook(path)
    wb["capaian_iku"]["E2"] = "4,58 %"
    wb.save(path)
    assert source_hash(SEED_AGENCY, SEED_YEAR, opt) != before


def test_bad_cells_are_one_list_with_sheet_and_cell(workbook_root, tmp_path):
    root = tmp_path / "raw"
    shutil.copytree(workbook_root, root)
    path = root / SEED_AGENCY / str(SEED_YEAR) / "lkj.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["realisasi_anggaran"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(3, header.index("anggaran") + 1)
    cell.value, cell.number_format = 216181400.5, "#,##0.0"      # a fraction of a rupiah, shown as such
    ws = wb["capaian_iku"]
    ws["G2"] = "=F2/E2*100"                                         # never computed: no cached value
    ws["E3"] = "0,08 %%"
    wb.save(path)
    with pytest.raises(DataError) as e:
        clean_agency_year(SEED_AGENCY, SEED_YEAR, root)
    text = str(e.value)
    letter = openpyxl.utils.get_column_letter(header.index("anggaran") + 1)
    assert (f"kalbar-diskumkm/2024/lkj.xlsx, cell realisasi_anggaran!{letter}3, column 'anggaran': "
            f"value '216.181.400,5' -> expected an amount in rupiah") in text
    assert "kalbar-diskumkm/2024/lkj.xlsx, cell capaian_iku!G2: value '=F2/E2*100' -> expected a value Excel" in text
    assert "cell capaian_iku!E3, column 'target': value '0,08 %%'" in text
    assert len(e.value.problems) >= 3 and "Traceback" not in text


def _formulir(path, rows, budget):
    """A Formulir Pengukuran Kinerja as an agency keeps it: title rows, a merged two-row header, a numbering row,
    numbers typed as numbers with a percent format, the budget lines, a signature block."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Formulir PK"
    ws["A1"] = "FORMULIR PENGUKURAN KINERJA"
    ws.merge_cells("A1:F1")
    ws["A2"] = "PERANGKAT DAERAH : DINAS KOPERASI, USAHA KECIL DAN MENENGAH"
    ws.merge_cells("A2:F2")
    ws["A3"] = f"TAHUN ANGGARAN : {SEED_YEAR}"
    for ref, text in (("A5", "No"), ("B5", "Sasaran Strategis"), ("C5", "Indikator Kinerja"), ("D5", "Kinerja"),
                      ("D6", "Target"), ("E6", "Realisasi"), ("F6", "Capaian")):
        ws[ref] = text
        ws[ref].alignment = Alignment(horizontal="center", vertical="center")
    for rng in ("A5:A6", "B5:B6", "C5:C6", "D5:F5"):
        ws.merge_cells(rng)
    for j in range(1, 7):
        ws.cell(7, j, j)                       # the numbering row 1 2 3 …
    r = 8
    for row in rows:
        ws.cell(r, 1, row["no"])
        ws.cell(r, 2, row["sasaran"])
        ws.cell(r, 3, row["indikator"])
        for j, c in ((4, "target"), (5, "realisasi"), (6, "capaian")):
            printed = row[c]
            if "%" in printed:                 # typed as a number, shown with the decimals as printed
                num = printed.replace("%", "").strip()
                places = len(num.split(",")[1]) if "," in num else 0
                cell = ws.cell(r, j, numbers.parse_percent(printed, "id") / 100)
                cell.number_format = "0" + ("." + "0" * places if places else "") + "%"
            else:
                ws.cell(r, j, printed)         # a grade stays text
        r += 1
    for row in budget:                         # the budget lines, right under the table
        ws.cell(r, 2, row["uraian"])
        amount = numbers.parse_rupiah(row["nilai"], "en")
        ws.cell(r, 4, amount).number_format = '"Rp "#,##0'
        r += 1
    ws.cell(r + 1, 5, "Pontianak, Januari 2025")
    ws.cell(r + 2, 5, "KEPALA DINAS")
    ws.cell(r + 5, 5, "NIP. 19700101 199001 1 001")
    wb.save(path)
    return 8, 8 + len(rows), r - 1


def test_a_workbook_in_the_agency_layout(raw_copy):
    folder = raw_copy / SEED_AGENCY / str(SEED_YEAR)
    seed = _seed_tables()
    rows, budget = seed["formulir_pengukuran"].rows, seed["formulir_anggaran"].rows
    first, budget_first, last = _formulir(folder / "formulir.xlsx", rows, budget)
    (folder / "formulir_pengukuran.csv").unlink()
    (folder / "formulir_anggaran.csv").unlink()
    manifest = list(csv.DictReader(open(folder / "manifest.csv", encoding="utf-8")))
    layout = {"formulir_pengukuran": {"peta_kolom": "no=A;sasaran=B;indikator=C;target=D;realisasi=E;capaian=F",
                                      "baris_awal": str(first), "penanda_akhir": budget[0]["uraian"][:12]},
              "formulir_anggaran": {"peta_kolom": "uraian=B;nilai=D", "baris_awal": str(budget_first),
                                    "baris_akhir": str(last)}}
    for m in manifest:
        m.update(layout.get(m["tabel"], {}))
        if m["tabel"] in layout:
            m["berkas"] = "formulir.xlsx#Formulir PK"
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, list(manifest[0]) + ["cakupan", "peta_kolom", "baris_awal", "baris_akhir",
                                                   "penanda_akhir"])
        w.writeheader()
        w.writerows(manifest)
    got = clean_agency_year(SEED_AGENCY, SEED_YEAR, raw_copy)
    want = clean_agency_year(SEED_AGENCY, SEED_YEAR, SEED_DIR.parents[1])
    keep = ["tabel", "besaran", "subjek", "tahun_dasar", "tahun", "nilai", "teks"]
    fig = {k: v[v["tabel"].isin(list(layout))].reset_index(drop=True)
           for k, v in (("got", got.tables["reported_figures"]), ("want", want.tables["reported_figures"]))}
    assert len(fig["want"]) > 0
    pd.testing.assert_frame_equal(fig["got"][keep], fig["want"][keep])
    lines = set(fig["got"]["baris_raw"])
    assert lines <= set(range(first, last + 1)) and min(lines) == first  # sheet rows, signature block never read
    read = {r["tabel"]: r for r in got.read}
    assert read["formulir_pengukuran"]["baris"] == len(rows) and read["formulir_anggaran"]["baris"] == len(budget)
    for name in want.tables:                     # everything else is untouched
        if name != "reported_figures":
            pd.testing.assert_frame_equal(got.tables[name], want.tables[name], obj=name)


def test_a_mapping_naming_an_unknown_column_is_a_problem(raw_copy):
    folder = raw_copy / SEED_AGENCY / str(SEED_YEAR)
    seed = _seed_tables()
    _formulir(folder / "formulir.xlsx", seed["formulir_pengukuran"].rows, [])
    text = (folder / "manifest.csv").read_text(encoding="utf-8").splitlines()
    header = text[0] + ",cakupan,peta_kolom,baris_awal,baris_akhir,penanda_akhir"
    mapping = ",,no=A;sasaran=B;indikator=C;target=D;realisasi=E;capaian_persen=F,8,,"
    body = [line.replace("formulir_pengukuran.csv,", "formulir.xlsx#Formulir PK,") + mapping
            if line.startswith("formulir_pengukuran.csv") else line + ",,,,," for line in text[1:]]
    (folder / "manifest.csv").write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        clean_agency_year(SEED_AGENCY, SEED_YEAR, raw_copy)
    assert "formulir.xlsx, sheet 'Formulir PK', column 'peta_kolom': value 'capaian_persen'" in str(e.value)
    assert "a letter for column 'capaian' (it is missing)" in str(e.value)


def test_import_writes_the_same_rows_and_says_where_they_came_from(workbook_root, tmp_path):
    book = workbook_root / SEED_AGENCY / str(SEED_YEAR) / "lkj.xlsx"
    out = tmp_path / "raw" / SEED_AGENCY / str(SEED_YEAR)
    written = import_workbook(book, SEED_AGENCY, SEED_YEAR, out)
    assert {p.name for p in written} >= {"manifest.csv", "meta.csv", "definisi_indikator.csv", "capaian_iku.csv"}
    for kind, t in _seed_tables().items():
        required, optional, _ = CLEANERS[kind]
        pattern = YEAR_COLUMN if kind in ("realisasi_multi_tahun", "target_nasional") else None
        assert read_raw_csv(out / f"{kind}.csv", required, optional, pattern).rows == t.rows, kind
    manifest = {m["tabel"]: m for m in csv.DictReader(open(out / "manifest.csv", encoding="utf-8"))}
    n = len(_seed_tables()["capaian_iku"].rows)
    assert f"diimpor dari lkj.xlsx, lembar capaian_iku: baris CSV 2–{n + 1} = baris lembar 2–{n + 1}" in \
        manifest["capaian_iku"]["catatan"]
    with pytest.raises(DataError, match="--force"):
        import_workbook(book, SEED_AGENCY, SEED_YEAR, out)
    shutil.move(out / "definisi_indikator.csv", out.parent / "definisi_indikator.csv")
    shutil.copy(SEED_DIR / "sumber.txt", out / "sumber.txt")
    got = clean_agency_year(SEED_AGENCY, SEED_YEAR, tmp_path / "raw")
    want = clean_agency_year(SEED_AGENCY, SEED_YEAR, SEED_DIR.parents[1])
    for name in want.tables:
        pd.testing.assert_frame_equal(got.tables[name], want.tables[name], obj=name)


def _copy(workbook_root, tmp_path):
    root = tmp_path / "raw"
    shutil.copytree(workbook_root, root)
    return root, root / SEED_AGENCY / str(SEED_YEAR)


def test_a_check_across_tables_names_the_cell(workbook_root, tmp_path):
    root, folder = _copy(workbook_root, tmp_path)
    wb = openpyxl.load_workbook(folder / "lkj.xlsx")
    ws = wb["efisiensi"]
    col = [c.value for c in ws[1]].index("program") + 1
    ws.cell(2, col).value = "1. Program Yang Tidak Ada"
    wb.save(folder / "lkj.xlsx")
    with pytest.raises(DataError) as e:
        clean_agency_year(SEED_AGENCY, SEED_YEAR, root)
    text = str(e.value)
    assert f"kalbar-diskumkm/2024/lkj.xlsx, cell efisiensi!{openpyxl.utils.get_column_letter(col)}2, column " \
           "'program': value '" in text
    assert "Yang Tidak Ada' -> expected a programme named as in kalbar-diskumkm/2024/lkj.xlsx#realisasi_anggaran" \
        in text


@pytest.mark.parametrize("case, expected", [
    ("second_workbook", "manifest.csv -> expected the file manifest.csv, or a workbook lkj.xlsx with a sheet"),
    ("no_manifest_sheet", "lkj.xlsx: value 'manifest' -> expected a sheet of this workbook: petunjuk, daftar, meta"),
    ("missing_sheet", "expected a sheet of this workbook"),
])
def test_a_workbook_folder_that_cannot_be_read_says_why(workbook_root, tmp_path, case, expected):
    root, folder = _copy(workbook_root, tmp_path)
    if case == "second_workbook":
        (folder / "lkj.xlsx").rename(folder / "satu.xlsx")
        shutil.copy(folder / "satu.xlsx", folder / "dua.xlsx")
    wb = openpyxl.load_workbook(folder / "lkj.xlsx") if case != "second_workbook" else None
    if case == "no_manifest_sheet":
        del wb["manifest"]
    if case == "missing_sheet":
        ws = wb["manifest"]
        row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "aset")
        row[0].value = "aset_lama"
    if wb is not None:
        wb.save(folder / "lkj.xlsx")
    with pytest.raises(DataError) as e:
        clean_agency_year(SEED_AGENCY, SEED_YEAR, root)
    assert expected in str(e.value)
    if case == "missing_sheet":
        assert "lkj.xlsx: value 'aset_lama' -> expected a sheet of this workbook" in str(e.value)


def test_a_workbook_no_manifest_names_is_a_warning(raw_copy):
    folder = raw_copy / SEED_AGENCY / str(SEED_YEAR)
    write_template(SEED_AGENCY, SEED_YEAR, raw_copy, folder / "lama.xlsx")
    cleaned = clean_agency_year(SEED_AGENCY, SEED_YEAR, raw_copy)
    assert any("lama.xlsx" in w.file and "no manifest row names" in w.message for w in cleaned.warnings)
