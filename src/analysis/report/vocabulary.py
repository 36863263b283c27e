"""The data's values in the reader's words and language: polarity, target types, methods, formulas, scopes,
categories of the reference scales, asset conditions, quantities and their subjects (check labels), dates."""
from __future__ import annotations

import csv
import re
from functools import cache

from .labels import t

_POLARITY = {"positif": ("positif", "positive"), "negatif": ("negatif", "negative"),
             "predikat": ("predikat", "grade")}
_TARGET_TYPE = {"jangka_menengah": ("jangka menengah", "medium-term"), "nasional": ("nasional", "national"),
                "tahunan": ("tahunan", "annual")}
_ATTRIBUTION = {"narasi": ("menurut narasi", "as the narrative groups them"),
                "tabel_efisiensi": ("menurut tabel efisiensi", "as the efficiency table groups them"),
                "semua_program": ("semua program", "all programmes")}
_METHOD = {"selisih_rata_rata": ("selisih, rata-rata biasa", "difference, plain mean"),
           "selisih_tertimbang": ("selisih, tertimbang anggaran", "difference, budget-weighted"),
           "rasio": ("rasio", "ratio")}
_FORMULA = {"selisih_rata_rata": ("capaian − rata-rata biasa persentase serapan program",
                                  "achievement − plain mean of the programme absorption percentages"),
            "selisih_tertimbang": ("capaian − Σ realisasi / Σ anggaran × 100",
                                   "achievement − Σ spending / Σ budget × 100"),
            "rasio": ("capaian / serapan tertimbang (efisien bila ≥ 1)",
                      "achievement / weighted absorption (efficient if ≥ 1)")}
#: a row of the budget table (``tingkat``) and a series break (``jenis``), (id, en)
_BUDGET_LEVEL = {"program": ("program", "programme"),
                 "program_sumber_dana": ("program per sumber dana", "programme by funding source"),
                 "sumber_dana": ("sumber dana", "funding source"), "sasaran": ("sasaran", "goal"),
                 "total": ("total", "total"), "rincian": ("rincian", "budget line")}
_BREAK = {"perubahan_rumus": ("perubahan rumus", "formula change"), "celah": ("celah data", "gap in the data"),
          "muncul": ("indikator baru", "new indicator"), "hilang": ("indikator berakhir", "indicator ended")}
#: what a definition change changed (``yang_berubah``: parts joined by ", ", or a phrase), in English
_PART_EN = {"pembilang": "numerator", "penyebut": "denominator", "satuan": "unit", "polaritas": "polarity",
            "faktor": "factor", "indikator baru": "new indicator", "indikator dihentikan": "indicator ended",
            "tidak ada definisi di antaranya": "no definition in between"}
_CONDITION = {"Baik": "Good", "Rusak": "Damaged", "Rusak Berat": "Badly damaged", "Rusak Ringan": "Slightly damaged"}
#: per quantity (``besaran``) the label of a check, {s}: its subject; (id, en)
_QUANTITY = {
    "capaian": ("Capaian {s}", "{s} achievement"),
    "capaian_sasaran": ("Capaian {s}", "{s} achievement"),
    "capaian_rata_rata": ("Rata-rata capaian IKU", "Mean KPI achievement"),
    "realisasi": ("Realisasi {s}", "{s} actual"),
    "serapan": ("Serapan {s}", "{s} absorption"),
    "serapan_rata_rata": ("Rata-rata serapan program", "Mean programme absorption"),
    "kategori_serapan": ("Kategori serapan {s}", "{s} absorption category"),
    "anggaran_total": ("Anggaran {s}", "{s} budget"),
    "realisasi_total": ("Realisasi anggaran {s}", "{s} spending"),
    "efisiensi": ("Efisiensi {s}", "{s} efficiency"),
    "efisiensi_rasio": ("Efisiensi (rasio keluaran/masukan) {s}", "{s} efficiency (output/input ratio)"),
    "efisiensi_rasio_rata_rata": ("Rata-rata efisiensi {s}", "Mean efficiency, {s}"),
    "perubahan": ("Perubahan {s}", "{s} change"),
    "kemajuan": ("Tingkat kemajuan {s}", "{s} progress"),
    "jumlah_pegawai": ("Jumlah pegawai", "Number of staff"),
    "jumlah_program": ("Jumlah program", "Number of programmes"),
    "atribusi_sasaran": ("Sasaran {s}", "{s} goal"),
}
_ROMAN = re.compile(r"^(i{1,3}|iv|v|vi{0,3}|ix|x)$", re.I)
_ACRONYMS = {"pppk", "pns", "asn", "ptt", "thl", "sdm", "umkm", "apbd", "apbn", "dau", "dak", "sakip", "iku"}


def words(identifier: str) -> str:
    """An identifier as words: ``jangka_menengah`` -> ``jangka menengah``."""
    return str(identifier).replace("_", " ")


def title_case(text: str) -> str:
    """A position or label in title case, Roman numerals and acronyms kept upper case: ``eselon_ii`` ->
    ``Eselon II``, ``pppk`` -> ``PPPK``."""
    out = []
    for w in words(text).split():
        out.append(w.upper() if _ROMAN.match(w) or w.lower() in _ACRONYMS else w[:1].upper() + w[1:].lower())
    return " ".join(out)


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "id" else pair[1]


def polarity(value, lang: str) -> str:
    return _pick(_POLARITY.get(value, (words(value), words(value))), lang)


def target_type(value, lang: str) -> str:
    return _pick(_TARGET_TYPE.get(value, (words(value), words(value))), lang)


def method(value, lang: str) -> str:
    return _pick(_METHOD.get(value, (words(value), words(value))), lang)


def formula(metode, text, lang: str) -> str:
    """The formula of an efficiency method: the pipeline's own text in Indonesian, its translation in English."""
    return text if lang == "id" or metode not in _FORMULA else _FORMULA[metode][1]


def budget_level(value, lang: str) -> str:
    return _pick(_BUDGET_LEVEL.get(value, (words(value), words(value))), lang)


def break_kind(value, lang: str) -> str:
    return _pick(_BREAK.get(value, (words(value), words(value))), lang)


def changed_parts(value, lang: str) -> str:
    """``pembilang, penyebut`` -> ``numerator, denominator`` in English; as words in Indonesian."""
    text = words(value)
    if lang == "id":
        return text
    return ", ".join(_PART_EN.get(part.strip(), part.strip()) for part in text.split(","))


def condition(value, lang: str) -> str:
    return value if lang == "id" else _CONDITION.get(value, value)


def scope(lingkup, atribusi, lang: str) -> str:
    """An efficiency or absorption scope: ``semua`` -> all programmes, ``sasaran 1`` + ``narasi`` -> Goal 1 (as
    the narrative groups them)."""
    lingkup = "" if lingkup is None or lingkup != lingkup else str(lingkup)
    if lingkup == "semua":
        base = t("semua_program", lang)
    elif lingkup.startswith("sasaran "):
        base = f"{t('sasaran', lang)} {lingkup.split(' ', 1)[1]}"
    else:
        base = words(lingkup)
    if isinstance(atribusi, str) and atribusi:
        base += f" ({_pick(_ATTRIBUTION.get(atribusi, (words(atribusi),) * 2), lang)})"
    return base


@cache
def _categories() -> dict[str, str]:
    """Indonesian category -> English, from every reference scale that has a ``category_en`` column."""
    from ..config import REFERENCE_ROOT

    out = {}
    for name in ("skala_kategori.csv", "skala_efisiensi.csv"):
        path = REFERENCE_ROOT / name
        if path.exists():
            with path.open(encoding="utf-8") as f:
                out.update({r["kategori"]: r["category_en"] for r in csv.DictReader(f) if r.get("category_en")})
    return out


def category(value, lang: str):
    """A category of the reference scales (Sangat Berhasil, Efisien, …) in ``lang``; other values as they are."""
    if lang == "id" or not isinstance(value, str):
        return value
    return _categories().get(value, value)


def subject(subjek, lang: str, names: dict | None = None, programmes: dict | None = None) -> str:
    """The subject of a reported figure in words: an indicator by its name, a programme by its name (and
    funding source), ``sasaran 1`` as goal 1, ``semua`` as overall."""
    from ..ingest.figures import Subject

    names, programmes = names or {}, programmes or {}
    try:
        s = Subject.parse(str(subjek))
    except (ValueError, KeyError, TypeError):
        return words(subjek)
    if s.kind == "all":
        if s.funding:  # the means of an efficiency ratio table, for one input
            return _pick(("seluruh sasaran, masukan ", "all goals, input: "), lang) + input_name(s.funding, lang)
        return _pick(("keseluruhan", "overall"), lang)
    if s.kind == "indicator":
        return str(names.get(s.key, s.key))
    if s.kind == "sasaran":
        base = f"{_pick(('sasaran', 'goal'), lang)} {s.key}"
        return base + (_pick((", masukan ", ", input: "), lang) + input_name(s.funding, lang) if s.funding else "")
    if s.kind in ("programme", "programme_by_name"):
        name = programmes.get(s.key) if s.kind == "programme" else s.key
        base = _pick(("program", "programme"), lang) + " " + (str(name) if name else str(s.key))
        return base + (f" ({s.funding})" if s.funding else "")
    if s.kind == "budget_line":  # a row of a budget table with levels: its printed label, then its path
        label = names.get(f"rincian {s.key}")
        return f"{label} ({_pick(('rincian', 'line'), lang)} {s.key})" if label else f"rincian {s.key}"
    return words(s.key)


#: inputs of an efficiency ratio table (named by its columns) in words; others: their name in title case
_INPUT = {"dana": ("dana", "funds"), "sdm": ("SDM", "staff (SDM)")}


def input_name(name: str, lang: str) -> str:
    """An input of an efficiency ratio table in words: ``sdm`` -> ``SDM``."""
    return _pick(_INPUT[name], lang) if name in _INPUT else title_case(name)


def check_label(besaran, subjek, tahun_dasar, tahun, lang: str, names: dict | None = None,
                programmes: dict | None = None) -> str:
    """A check of the reconciliation in words, from its quantity and subject: ``capaian_sasaran`` of
    ``sasaran 1`` in 2024 -> "Capaian sasaran 1 (2024)" / "Goal 1 achievement (2024)"."""
    subj = subject(subjek, lang, names, programmes)
    template = _pick(_QUANTITY.get(besaran, (words(besaran).capitalize() + " {s}", "{s} " + words(besaran))), lang)
    if besaran == "efisiensi" and str(subjek) == "semua":
        template = _pick(("Efisiensi keseluruhan", "Overall efficiency"), lang)
    label = template.format(s=subj)
    label = label[:1].upper() + label[1:]

    def year(y):
        try:
            return int(y)
        except (TypeError, ValueError):  # None, NaN, pandas' NA, empty
            return None

    a, b = year(tahun_dasar), year(tahun)
    if a is not None and b is not None:
        return f"{label} ({a}→{b})"
    return f"{label} ({b})" if b is not None else label




def long_date(iso: str, lang: str = "id") -> str:
    """``2025-03-01`` -> ``1 Maret 2025`` / ``1 March 2025``."""
    y, m, d = (int(part) for part in iso.split("-"))
    return f"{d} {t('bulan', lang).split('|')[m - 1]} {y}"
