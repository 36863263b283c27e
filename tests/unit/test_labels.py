"""Every label exists in Indonesian and English, and the sentence templates take the same values in both."""
import string

import pytest
from markupsafe import Markup

from analysis.report import vocabulary
from analysis.report.labels import LABELS, t
from analysis.report.render import sentence


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_has_both_languages_non_empty(key):
    pair = LABELS[key]
    assert isinstance(pair, tuple) and len(pair) == 2
    ida, en = pair
    assert isinstance(ida, str) and isinstance(en, str)
    assert ida.strip() and en.strip()
    assert t(key, "id") == ida and t(key, "en") == en


SENTENCES = sorted(k for k, (ida, en) in LABELS.items() if placeholders(ida) or placeholders(en))


def test_there_are_sentence_templates():
    assert {"temuan_balik_kurang", "temuan_putus", "temuan_nasional", "temuan_serapan", "temuan_efisiensi",
            "peringatan_rumus", "dekomposisi_ada", "dekomposisi_tidak", "ringkasan_rekonsiliasi"} <= set(SENTENCES)


@pytest.mark.parametrize("key", SENTENCES)
def test_sentence_templates_have_the_same_placeholders_in_both_languages(key):
    ida, en = LABELS[key]
    assert placeholders(ida) == placeholders(en)
    assert all(p.isidentifier() for p in placeholders(ida))  # named, never positional


@pytest.mark.parametrize("key", SENTENCES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_sentence_values_are_escaped_and_the_label_markup_kept(key, lang):
    hostile = "<script>alert(1)</script>"
    out = sentence(key, lang, **{p: hostile for p in placeholders(t(key, lang))})
    assert isinstance(out, Markup)
    assert hostile not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    if "<b>" in t(key, lang):
        assert "<b>" in out


def test_unknown_label_is_a_key_error():
    with pytest.raises(KeyError):
        t("no_such_label", "id")


def test_every_status_has_a_label():
    from analysis.reconcile.status import STATUSES

    assert all(f"status_{s}" in LABELS for s in STATUSES)
    assert LABELS["status_not_comparable"] == ("tidak sebanding", "not comparable")


@pytest.mark.parametrize("args, id_, en", [
    (("capaian_sasaran", "sasaran 1", None, 2024), "Capaian sasaran 1 (2024)", "Goal 1 achievement (2024)"),
    (("serapan_rata_rata", "semua", None, 2024), "Rata-rata serapan program (2024)",
     "Mean programme absorption (2024)"),
    (("kategori_serapan", "program 1 DAU", None, 2024), "Kategori serapan program Penunjang (DAU) (2024)",
     "Programme Penunjang (DAU) absorption category (2024)"),
    (("kemajuan", "KB", 2022, 2024), "Tingkat kemajuan Koperasi Berkualitas (2022→2024)",
     "Koperasi Berkualitas progress (2022→2024)"),
    (("efisiensi", "semua", None, 2024), "Efisiensi keseluruhan (2024)", "Overall efficiency (2024)"),
    (("jumlah_pegawai", "semua", None, 2024), "Jumlah pegawai (2024)", "Number of staff (2024)"),
])
def test_every_check_gets_a_human_label(args, id_, en):
    from analysis.report.vocabulary import check_label

    names, programmes = {"KB": "Koperasi Berkualitas"}, {1: "Penunjang"}
    assert check_label(*args, "id", names, programmes) == id_
    assert check_label(*args, "en", names, programmes) == en


def test_casing_categories_and_scopes():

    assert vocabulary.title_case("eselon_ii") == "Eselon II" and vocabulary.title_case("pppk") == "PPPK"
    assert vocabulary.category("Sangat Berhasil", "en") == "Very successful"
    assert vocabulary.category("Cukup Efisien", "en") == "Fairly efficient"
    assert vocabulary.category("Sangat Berhasil", "id") == "Sangat Berhasil"
    assert vocabulary.scope("sasaran 2", "tabel_efisiensi", "id") == "Sasaran 2 (menurut tabel efisiensi)"
    assert vocabulary.polarity("negatif", "en") == "negative"
    assert vocabulary.target_type("jangka_menengah", "en") == "medium-term"


@pytest.mark.parametrize("value, id_, en", [("pembilang", "pembilang", "numerator"),
                                            ("pembilang, penyebut", "pembilang, penyebut", "numerator, denominator"),
                                            ("indikator baru", "indikator baru", "new indicator"),
                                            ("indikator dihentikan", "indikator dihentikan", "indicator ended")])
def test_what_a_definition_change_changed_in_words(value, id_, en):
    assert vocabulary.changed_parts(value, "id") == id_ and vocabulary.changed_parts(value, "en") == en


def test_budget_levels_and_series_breaks_in_words():
    assert vocabulary.budget_level("program_sumber_dana", "en") == "programme by funding source"
    assert vocabulary.budget_level("rincian", "id") == "rincian"
    assert vocabulary.break_kind("perubahan_rumus", "id") == "perubahan rumus"
    assert vocabulary.break_kind("muncul", "en") == "new indicator"
    assert vocabulary.break_kind("tak_dikenal", "en") == "tak dikenal"  # an unknown value as words, never raw
