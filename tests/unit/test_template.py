"""The data-entry workbook: a sheet per table kind with the cleaners' columns, every column explained in the
petunjuk sheet, drop-downs whose values come from where the project defines them, every cell text, and an
existing file never replaced without --force."""
import openpyxl
import pytest

from analysis import cli
from analysis.errors import DataError
from analysis.indicators.capaian import POLARITIES
from analysis.ingest.cleaners import CLEANERS
from analysis.ingest.definitions import DEFINITION_COLUMNS, METHOD_COLUMNS
from analysis.ingest.template import (
    MANIFEST_SHEET_COLUMNS,
    blank_columns,
    column_help,
    drop_downs,
    explanations,
    write_template,
)
from analysis.reference import grade_scale


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    root = tmp_path_factory.mktemp("raw")
    path = write_template("dinas-x", 2025, root)
    return path, openpyxl.load_workbook(path)


def test_written_where_the_build_reads_it(blank):
    path, _ = blank
    assert path.parts[-3:] == ("dinas-x", "2025", "lkj.xlsx")


def test_a_sheet_per_table_kind_with_the_cleaners_columns(blank):
    _, wb = blank
    assert wb.sheetnames[:4] == ["petunjuk", "daftar", "meta", "manifest"]
    for kind, (required, optional, _) in CLEANERS.items():
        header = [c.value for c in wb[kind][1] if c.value]
        assert set(required) | set(optional) <= set(header), kind
        assert header == blank_columns(kind, 2025)
    assert [c.value for c in wb["definisi_indikator"][1]] == DEFINITION_COLUMNS + METHOD_COLUMNS
    assert [c.value for c in wb["manifest"][1]] == MANIFEST_SHEET_COLUMNS
    assert [r[1].value for r in wb["manifest"].iter_rows(min_row=2)] == list(CLEANERS)
    assert {r[0].value: r[1].value for r in wb["meta"].iter_rows(min_row=2)}["tahun"] == "2025"


def test_every_sheet_and_column_is_explained(blank):
    _, wb = blank
    sheets, columns = explanations()
    explained = {(r[0].value, r[1].value): r[2].value for r in wb["petunjuk"].iter_rows(min_row=3)}
    for name in wb.sheetnames:
        if name == "daftar":
            continue
        assert sheets.get(name), name
        for c in wb[name][1] if name != "petunjuk" else []:
            assert explained[(name, c.value)], (name, c.value)
    assert "2023" in column_help("realisasi_2023", columns)


def test_every_column_is_text(blank):
    _, wb = blank
    for kind in CLEANERS:
        ws = wb[kind]
        dim = ws.column_dimensions["A"]  # one range of columns, from A to the last one
        assert dim.number_format == "@" and dim.min == 1 and dim.max == len(blank_columns(kind, 2025)), kind


def test_drop_downs_take_their_values_from_the_project(blank):
    _, wb = blank
    lists = wb["daftar"]
    values = {c[0].value: [x.value for x in c[1:] if x.value] for c in lists.iter_cols()}
    assert values["tabel"] == list(CLEANERS)
    assert values["polaritas"] == list(POLARITIES)
    assert values["predikat"] == list(grade_scale().grades)
    assert lists.sheet_state == "hidden"

    def validated(sheet):
        ws = wb[sheet]
        header = {c.column_letter: c.value for c in ws[1]}
        return {header[str(dv.sqref).split(":")[0].rstrip("0123456789")]: (dv.formula1, dv.errorStyle or "stop")
                for dv in ws.data_validations.dataValidation}

    assert validated("manifest")["tabel"] == (f"daftar!$A$2:$A${len(CLEANERS) + 1}", "stop")
    assert validated("definisi_indikator")["polaritas"][1] == "stop"
    assert validated("definisi_indikator")["satuan"][1] == "information"  # a unit may name what it counts
    assert validated("nilai_sakip")["predikat"][1] == "stop"
    assert validated("anggaran_sumber_dana")["sumber_dana"][1] == "information"
    assert set(drop_downs()) >= {"tabel", "polaritas", "predikat", "satuan", "sumber_dana"}


def test_never_replaced_without_force(blank, tmp_path):
    path, _ = blank
    before = path.read_bytes()
    with pytest.raises(DataError, match="--force"):
        write_template("dinas-x", 2025, path.parents[2])
    assert path.read_bytes() == before
    assert cli.main(["template", "--agency", "dinas-x", "--year", "2025", "--raw-root", str(path.parents[2])]) == 2
    out = tmp_path / "t.xlsx"
    assert cli.main(["template", "--agency", "dinas-x", "--year", "2025", "--output", str(out)]) == 0
    assert cli.main(["template", "--agency", "dinas-x", "--year", "2025", "--output", str(out), "--force"]) == 0
    assert cli.main(["template", "--agency", "../etc", "--year", "2025", "--output", str(out), "--force"]) == 2
