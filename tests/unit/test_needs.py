"""Every table kind is optional: what each output needs is declared once (analysis.needs), and the notes, the
declared products, the report's sections and data/raw/README.md all follow it."""
import json
import re

from analysis import needs
from analysis.build.products import all_product_files, check_products, declared, file_system_now, product_files
from analysis.config import PRODUCTS, RAW_ROOT
from analysis.report.sections import CONTENTS, shown

SEED_KINDS = {"capaian_iku", "komponen_iku", "realisasi_anggaran", "pk_program", "realisasi_multi_tahun",
              "target_nasional", "nilai_sakip", "output_program", "pegawai", "formasi_pegawai", "aset"}


def test_every_need_names_real_table_kinds_products_and_sections():
    from analysis.ingest.cleaners import CLEANERS

    declared_products = {p for ps in PRODUCTS.values() for p in ps}
    anchors = {a for a, _ in CONTENTS}
    for out in needs.OUTPUTS_NEEDING:
        # every kind is a raw table kind, but for the agency's earlier reports (a folder, not a table)
        assert out.needs and all(set(g.kinds) <= set(CLEANERS) | {needs.EARLIER_REPORTS} for g in out.needs), out.name
        assert set(out.products) <= declared_products and (not out.section or out.section in anchors), out.name


def test_with_every_table_nothing_is_missing():
    assert needs.notes(SEED_KINDS, "id") == [] and needs.notes(SEED_KINDS, "en") == []
    assert shown(SEED_KINDS) == CONTENTS


def test_no_budget_is_one_line_naming_absorption_and_efficiency():
    en = needs.notes({"capaian_iku"}, "en")
    assert ("no budget table in this report: budgets by programme and funding source, absorption and efficiency "
            "are not computed") in en
    assert ("laporan ini tidak memuat tabel anggaran: anggaran per program dan sumber dana, serapan dan efisiensi "
            "tidak dihitung") in needs.notes({"capaian_iku"}, "id")
    assert len(en) == len(needs.notes({"capaian_iku"}, "id"))


def test_the_performance_agreement_stands_in_for_budgets_not_for_spending():
    kinds = {"pk_program"}
    assert needs.has("anggaran", kinds) and not needs.has("serapan", kinds) and not needs.has("efisiensi", kinds)
    assert needs.note("serapan", kinds, "en") == ("no budget realisation table in this report: absorption is not "
                                                  "computed")
    assert needs.note("anggaran", kinds, "en") == ""


def test_sections_follow_the_registry():
    assert [a for a, _ in shown({"capaian_iku"})] == ["ringkasan", "indikator", "rekonsiliasi", "glosarium",
                                                       "provenans"]
    assert [a for a, _ in shown({"realisasi_anggaran"})] == ["ringkasan", "anggaran", "rekonsiliasi", "glosarium",
                                                              "provenans"]


def test_gate_says_the_note_once_and_answers():
    said = []
    gate = needs.Gate(frozenset({"capaian_iku"}), "en", said.append)
    assert gate("capaian") and not gate("efisiensi") and gate("rekonsiliasi")
    assert said == ["no budget realisation table in this report: efficiency is not computed"]


def _clean_info(folder, kinds):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "clean_info.json").write_text(json.dumps({"tables_read": [{"tabel": k} for k in kinds]}))


def test_products_are_declared_by_what_the_inputs_allow(tmp_path):
    _clean_info(tmp_path, ["capaian_iku"])
    assert "budget" not in declared("02-indicators", tmp_path) and "efficiency" not in declared("02-indicators",
                                                                                                   tmp_path)
    assert {"iku", "capaian_sasaran", "reconciliation", "warnings"} <= set(declared("02-indicators", tmp_path))
    assert "summary.json" in declared("03-formula-changes", tmp_path)
    since = file_system_now(tmp_path)
    for p in declared("02-indicators", tmp_path):
        for f in product_files(tmp_path, p):
            f.write_text("x")
    check_products("02-indicators", tmp_path, since)  # no budget table: no budget product to miss
    assert not any(f.name.startswith("budget.") for f in all_product_files(tmp_path))


def test_without_a_record_of_what_was_read_every_product_is_declared(tmp_path):
    assert declared("02-indicators", tmp_path) == PRODUCTS["02-indicators"]


def test_raw_readme_table_is_the_registry():
    text = (RAW_ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- needs-table[^>]*-->\n(.*?)\n<!-- /needs-table -->", text, re.S)
    assert block, "data/raw/README.md lacks the needs table"
    assert block.group(1) == needs.table_markdown(), "regenerate it: analysis.needs.table_markdown()"


def test_earlier_reports_stand_in_for_a_multi_year_table_and_are_never_a_missing_note():
    """An agency with reports of several years has trends from them (no multi-year table needed); one with a
    single report is not told that restatements are not computed (most agencies have one report here)."""
    info = {"tables_read": [{"tabel": "capaian_iku"}], needs.EARLIER_REPORTS: [2015]}
    kinds = needs.kinds_read(info)
    assert needs.has("tren", kinds) and needs.has("laporan_lain", kinds)
    alone = needs.kinds_read({"tables_read": [{"tabel": "capaian_iku"}], needs.EARLIER_REPORTS: []})
    assert not needs.has("tren", alone) and not needs.has("laporan_lain", alone)
    assert not any("dinyatakan ulang" in n for n in needs.notes(alone, "id"))
    assert not any("restated" in n for n in needs.notes(alone, "en"))


def test_the_budget_section_promises_efficiency_only_where_it_is_computed():
    from analysis.report.labels import t

    with_iku = dict(shown(frozenset({"realisasi_anggaran", "capaian_iku"})))
    budget_only = dict(shown(frozenset({"realisasi_anggaran"})))
    levels_only = dict(shown(frozenset({needs.LINES})))
    assert t(with_iku["anggaran"], "id") == "Anggaran dan Efisiensi"
    for titles in (budget_only, levels_only):
        assert t(titles["anggaran"], "id") == "Anggaran" and t(titles["anggaran"], "en") == "Budget"


def test_a_budget_table_with_levels_alone_gives_absorption_in_the_budget_table():
    kinds = {needs.LINES}
    assert needs.has("serapan", kinds) and not needs.has("anggaran", kinds) and not needs.has("efisiensi", kinds)
    assert needs.declared("budget", kinds) and not needs.declared("efficiency", kinds)
    assert not needs.declared("budget", {"capaian_iku"}) and needs.declared("reconciliation", {"capaian_iku"})
    assert not any("absorption" in n for n in needs.notes(kinds, "en"))
