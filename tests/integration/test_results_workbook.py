"""The results workbook read back (openpyxl): every figure against the processed tables it comes from (and against
a recomputation from them), number formats, frozen header, autofilter, widths, neutralised formula-like text,
the same bytes for the same inputs, and the about sheet's reason for each absent sheet (real agency-years with
partial tables)."""
from __future__ import annotations

import io
import math
import zipfile

import openpyxl
import pandas as pd
import pytest

from analysis import needs, pipeline
from analysis.config import RAW_ROOT
from analysis.reconcile.status import STATUS_ORDER
from analysis.report import workbook
from analysis.report.labels import t
from conftest import SEED_AGENCY, SEED_YEAR

DAY = "2025-03-01"


def _book(data, year, lang, **kw) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook.workbook_bytes(data, year, lang, "stamp", DAY, **kw)))


@pytest.fixture(scope="module")
def seed(seed_run):
    return workbook.load(seed_run["processed"] / SEED_AGENCY / str(SEED_YEAR))


@pytest.fixture(scope="module", params=["id", "en"])
def book(request, seed):
    return request.param, _book(seed, SEED_YEAR, request.param)


def _records(ws) -> list[dict]:
    """The rows of a table sheet as header -> cell."""
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def _close(a, b, tol=1e-9) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None
    return b is not None and abs(a - b) <= tol * max(1.0, abs(a))


def _pct(cell):
    """A percentage cell back in percent (None when empty), its format checked."""
    if cell.value is None:
        return None
    assert cell.number_format.endswith("%"), (cell.coordinate, cell.number_format)
    return cell.value * 100


def _val(x):
    return None if pd.isna(x) else float(x)


def test_sheets_in_the_report_language(book):
    lang, wb = book
    names = [t(k, lang) for k in ("xl_tentang", "xl_iku", "xl_sasaran", "xl_anggaran", "xl_efisiensi",
                                  "xl_rekonsiliasi", "xl_tren", "xl_rumus")]
    assert wb.sheetnames == names  # the seed has no budget table with levels


def test_iku_recomputed_beside_printed(book, seed):
    lang, wb = book
    iku = seed["tables"]["iku"]
    rows = {r[t("kode", lang)].value: r for r in _records(wb[t("xl_iku", lang)])}
    heads = t("kolom_iku", lang).split("|")
    assert set(rows) == set(iku["kode_indikator"])
    for _, r in iku.iterrows():
        row = rows[r["kode_indikator"]]
        assert row[t("indikator_kolom", lang)].value == r["nama"]
        assert _close(_val(r["capaian"]), _pct(row[heads[6]]))
        assert _close(_val(r["capaian_komponen"]), _pct(row[heads[7]]))
        assert _close(_val(r["capaian_dilaporkan"]), _pct(row[heads[8]]))
        # recomputed from the processed components: R/T of the components' realisation
        if r["metode_capaian"] == "R/T" and pd.notna(r["penyebut"]):
            real = row[t("pembilang", lang)].value / row[t("penyebut", lang)].value * 100
            assert _close(real / r["target"] * 100, _pct(row[heads[7]]), 1e-6)
        if r["satuan"] == "%":
            assert _close(_val(r["target"]), _pct(row[t("target", lang)]))
            assert _close(_val(r["realisasi"]), _pct(row[t("realisasi", lang)]))
        if isinstance(r["target_predikat"], str):
            assert row[t("target_predikat", lang)].value == r["target_predikat"]


def test_budget_amounts_and_absorption(book, seed):
    lang, wb = book
    budget = seed["tables"]["budget"]
    rows = _records(wb[t("xl_anggaran", lang)])
    assert len(rows) == len(budget)
    for (_, r), row in zip(budget.iterrows(), rows, strict=True):
        spent, plan = row[t("realisasi_anggaran", lang)], row[t("pagu", lang)]
        assert _close(_val(r["anggaran"]), plan.value) and _close(_val(r["realisasi"]), spent.value)
        assert plan.number_format == '"Rp" #,##0'
        serapan = _pct(row[t("serapan_tertimbang", lang)])
        assert _close(_val(r["serapan"]), serapan)
        if spent.value is not None and plan.value:  # recomputed from the amounts in the sheet
            assert _close(spent.value / plan.value * 100, serapan, 1e-9)


def test_efficiency_is_achievement_against_absorption(book, seed):
    lang, wb = book
    eff = seed["tables"]["efficiency"]
    rows = _records(wb[t("xl_efisiensi", lang)])
    assert len(rows) == len(eff)
    for (_, r), row in zip(eff.iterrows(), rows, strict=True):
        cap, ser, value = _pct(row[t("capaian", lang)]), _pct(row[t("serapan", lang)]), row[t("efisiensi", lang)]
        assert _close(r["capaian"], cap) and _close(r["serapan"], ser) and _close(r["efisiensi"], value.value)
        if r["metode"] == "rasio":
            assert _close(cap / ser, value.value, 1e-9)
        else:  # a difference of percentages, in percentage points
            assert value.number_format == "+0.00;-0.00;0.00" and not value.number_format.endswith("%")
        if r["metode"] == "selisih_tertimbang":
            assert _close(cap - ser, value.value, 1e-9)


def test_reconciliation_findings_first_each_figure_as_processed(book, seed):
    lang, wb = book
    rec = seed["tables"]["reconciliation"]
    rows = _records(wb[t("xl_rekonsiliasi", lang)])
    assert len(rows) == len(rec)
    labels = {t(f"status_{s}", lang): s for s in STATUS_ORDER}
    statuses = [labels[row[t("status", lang)].value] for row in rows]
    assert statuses == sorted(statuses, key=STATUS_ORDER.get)  # non-match first, matches last
    assert statuses.count("match") == int((rec["status"] == "match").sum()) > 0
    # every row is one processed figure: printed text, status and printed value (a % back in percent)
    left = {}
    for _, r in rec.iterrows():
        left.setdefault((r["reported"] if lang == "id" else None, r["status"]), []).append(_val(r["reported_value"]))
    for row, status in zip(rows, statuses, strict=True):
        cell = row[t("nilai_dilaporkan", lang)]
        value = None if cell.value is None else cell.value * (100 if cell.number_format.endswith("%") else 1)
        key = (row[t("realisasi_dilaporkan_teks", lang)].value if lang == "id" else None, status)
        match = next(i for i, v in enumerate(left[key]) if _close(v, value, 1e-9))
        left[key].pop(match)
    for row, status in zip(rows, statuses, strict=True):  # a numeric match shows its recomputation, which rounds
        printed, again = row[t("nilai_dilaporkan", lang)], row[t("dihitung", lang)]  # to the printed figure
        if status == "match" and printed.value is not None:
            assert again.value is not None and printed.number_format[-1:] == again.number_format[-1:]
            assert abs(again.value - printed.value) <= 0.006 * max(1.0, abs(printed.value)), row


def test_trends_and_their_changes_recomputed(book, seed):
    lang, wb = book
    tr = seed["tables"]["trends"]
    rows = _records(wb[t("xl_tren", lang)])
    assert len(rows) == len(tr)
    got = {(row[t("kode", lang)].value, row[t("tahun", lang)].value): row for row in rows}
    for _, r in tr.iterrows():
        row = got[(r["kode_indikator"], int(r["tahun"]))]
        cell = row[t("realisasi", lang)]
        value = cell.value * 100 if cell.number_format.endswith("%") else cell.value
        assert _close(float(r["realisasi"]), value)
        change = row[t("perubahan_pp", lang)].value
        assert _close(_val(r["perubahan_tahunan_pp"]), change)
        prev = tr[(tr["kode_indikator"] == r["kode_indikator"]) & (tr["tahun"] == r["tahun"] - 1)]
        if len(prev) and change is not None:  # recomputed: the difference of the two years' (exact) actuals
            exact = [x["realisasi_tepat"] if pd.notna(x["realisasi_tepat"]) else x["realisasi"]
                     for x in (r, prev.iloc[0])]
            assert _close(exact[0] - exact[1], change, 1e-9)
    breaks = seed["tables"]["breaks"]
    brows = _records(wb[t("xl_rumus", lang)])
    assert [r[t("kode", lang)].value for r in brows] == list(breaks["kode_indikator"])
    assert [r[t("tahun_baru", lang)].value for r in brows] == [int(y) for y in breaks["tahun_pertama_baru"]]


def test_every_table_sheet_frozen_filtered_and_fitted(book):
    lang, wb = book
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}{ws.max_row}", ws.title
        widths = {i: d.width for d in ws.column_dimensions.values() for i in range(d.min, d.max + 1)}
        for j, col in enumerate(ws.iter_cols(), 1):
            width = widths[j]
            longest = max(len(str(c.value)) for c in col[1:] if isinstance(c.value, str)) if any(
                isinstance(c.value, str) for c in col[1:]) else 0
            assert min(longest, workbook.MAX_WIDTH) <= width <= workbook.MAX_WIDTH + 2, (ws.title, j)
        headers = [c.value for c in next(ws.iter_rows())]
        assert all(h and "_" not in h for h in headers), headers  # labels, never a column name


def test_formula_like_text_is_kept_as_text(seed):
    """A printed figure such as ``-80,29%`` and an indicator named like a formula stay text, exactly as printed,
    marked with Excel's quote prefix (never a formula, not even after editing the cell)."""
    hostile = '=HYPERLINK("http://x.invalid","klik")'
    tables = dict(seed["tables"], iku=seed["tables"]["iku"].assign(nama=hostile))
    wb = _book({**seed, "tables": tables}, SEED_YEAR, "id")
    found = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate, c.value)
                    found += 1
                elif isinstance(c.value, str):
                    assert not c.quotePrefix
    names = [r["Indikator"].value for r in _records(wb["IKU"])]
    assert names == [hostile] * len(tables["iku"])
    printed = {r["Dilaporkan (tercetak)"].value for r in _records(wb["Rekonsiliasi"])}
    assert printed & set(seed["tables"]["reconciliation"]["reported"]) and found > len(names)


def test_same_inputs_same_bytes(seed):
    a = workbook.workbook_bytes(seed, SEED_YEAR, "en", "stamp", DAY)
    assert a == workbook.workbook_bytes(seed, SEED_YEAR, "en", "stamp", DAY)
    other = workbook.workbook_bytes(seed, SEED_YEAR, "en", "stamp", "2025-03-02")
    parts = [zipfile.ZipFile(io.BytesIO(b)) for b in (a, other)]
    differ = [n for n in parts[0].namelist() if parts[0].read(n) != parts[1].read(n)]
    assert differ == ["docProps/core.xml"] and b"2025-03-01T00:00:00Z" in parts[0].read("docProps/core.xml")


def test_about_sheet_names_the_source_and_what_each_sheet_holds(book, seed):
    lang, wb = book
    cells = [c.value for row in wb[t("xl_tentang", lang)].iter_rows() for c in row if c.value is not None]
    meta = seed["info"]["meta"]
    assert meta["nama_instansi"] in cells and meta["judul_laporan"] in cells and SEED_YEAR in cells
    assert "stamp" in cells and t("xl_isi_rekonsiliasi", lang) in cells
    assert len(seed["tables"]["reconciliation"]) in cells
    assert t("xl_tidak_ada", lang).format(alasan=t("xl_tanpa_rincian", lang)) in cells


@pytest.mark.parametrize("agency_year, absent", [("kanwil-djpb-sulut/2023", ("anggaran", "efisiensi", "tren")),
                                                  ("sumut-setda/2021", ("capaian", "efisiensi", "tren")),
                                                  ("tanahdatar-kab/2015", ("anggaran", "efisiensi"))])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_real_agency_year_with_partial_tables(tmp_path, agency_year, absent, lang):
    """A sheet is there only when its processed table is; the about sheet says why each other one is absent,
    with the report's own note on what the agency-year's tables do not allow."""
    agency, year = agency_year.split("/")
    cleaned = pipeline.run_clean(agency, int(year), RAW_ROOT, tmp_path)
    pipeline.run_indicators(agency, int(year), tmp_path)
    pipeline.run_trends(agency, int(year), tmp_path)
    data = workbook.load(tmp_path / agency / year)
    wb = _book(data, int(year), lang)
    kinds = needs.kinds_read(data["info"])
    cells = [c.value for row in wb[t("xl_tentang", lang)].iter_rows() for c in row]
    for name in absent:
        note = needs.note(name, kinds, lang)
        assert note and t("xl_tidak_ada", lang).format(alasan=note) in cells, (name, note)
    sheets = {s.table: t(s.name, lang) for s in workbook.SHEETS}
    for table, sheet in sheets.items():
        assert (sheet in wb.sheetnames) == (table in data["tables"]), (table, sheet)
    assert t("xl_rekonsiliasi", lang) in wb.sheetnames
    rows = _records(wb[t("xl_rekonsiliasi", lang)])
    assert len(rows) == len(data["tables"]["reconciliation"]) and cleaned is not None
    if "anggaran_rinci" in data["tables"]:  # the budget table with levels, each amount as processed
        lines = data["tables"]["anggaran_rinci"]
        got = _records(wb[t("xl_rincian", lang)])
        assert [r[t("pagu", lang)].value for r in got] == [_val(x) for x in lines["anggaran"]]
        assert [r[t("realisasi_anggaran", lang)].value for r in got] == [_val(x) for x in lines["realisasi"]]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_efficiency_ratios_sheet_recomputed_from_the_printed_achievements(tmp_path, lang):
    """BPKP 2021 prints efficiency as output/input ratios: each IE in the sheet is output / input achievement of
    the processed (as printed) table, as a fraction with a percent format."""
    pipeline.run_clean("bpkp", 2021, RAW_ROOT, tmp_path)
    pipeline.run_indicators("bpkp", 2021, tmp_path)
    pipeline.run_trends("bpkp", 2021, tmp_path)
    data = workbook.load(tmp_path / "bpkp" / "2021")
    wb = _book(data, 2021, lang)
    rows = _records(wb[t("xl_efisiensi_rasio", lang)])
    src = data["tables"]["efficiency_ratios"]
    assert len(rows) == len(src) == 12
    for row in rows:
        ie, inp, out = (row[t(k, lang)] for k in ("efisiensi_ie", "capaian_masukan", "capaian_keluaran"))
        assert ie.number_format == "0.00%" and _close(ie.value, out.value / inp.value, 1e-12)
    printed = pd.read_parquet(tmp_path / "bpkp/2021/efisiensi_rasio.parquet")
    assert sorted(r[t("capaian_masukan", lang)].value for r in rows) == pytest.approx(
        sorted(printed["capaian_masukan"] / 100))
