"""What a reader must know first, ranked, one plain sentence each with its numbers: printed figures that are
wrong or flip met / not met (with how many units the target needs), comparisons across a formula change, the
gap to national targets in units, then achievement, absorption and efficiency."""
from __future__ import annotations

import math

import pandas as pd
from markupsafe import Markup

from . import fmt
from . import vocabulary as vocab
from .labels import t
from .render import sentence
from .restated import found_in_text


def _text(x) -> str:
    if fmt.missing(x):
        return fmt.MISSING
    return x if isinstance(x, Markup) else str(x)


def _printed_percent(x, lang: str, decimals=None) -> str:
    """A printed percentage as printed: with the decimals it was printed with where known (``decimals``), else
    whole when it is whole and two decimals otherwise."""
    if fmt.missing(x):
        return fmt.MISSING
    if not fmt.missing(decimals):
        return fmt.persen(x, int(decimals), lang)
    return fmt.persen(x, 0 if float(x).is_integer() else 2, lang)


def printed_capaian(r, lang: str) -> str:
    """An IKU row's printed capaian, with the decimals it was printed with."""
    return _printed_percent(r["capaian_dilaporkan"], lang, r.get("desimal_capaian_dilaporkan"))


def _unit_word(komponen, code, value, lang: str, count=2) -> str:
    """The unit of an indicator's numerator as the report names it (``usaha kecil``), in Indonesian; "unit(s)"
    in English."""
    if lang != "id":
        return "unit" if count == 1 else t("satuan_unit", lang)
    if komponen is not None and len(komponen):
        hit = komponen[(komponen["kode_indikator"] == code) & (komponen["nilai"] == value)]
        if len(hit) and isinstance(hit.iloc[0]["satuan"], str) and hit.iloc[0]["satuan"]:
            return hit.iloc[0]["satuan"]
    return t("satuan_unit", lang)


def findings(iku, budget, efficiency, rec, breaks, gaps, lang, komponen=None, restated=()) -> list[Markup]:
    """What a reader must know, ranked: printed figures that are wrong or flip met / not met, comparisons
    across a formula change, past figures a later report re-prints differently (``restated``: their
    sentences, :mod:`.restated`), the gap to national targets in units, then achievement, absorption and
    efficiency; one plain sentence each, with its numbers."""
    out = []
    iku, budget, efficiency = (pd.DataFrame() if x is None else x for x in (iku, budget, efficiency))
    names = dict(zip(iku["kode_indikator"], iku["nama"], strict=True)) if len(iku) else {}
    # (1) a printed achievement that says met when the components say not met (or the other way round)
    for _, r in iku.iterrows():
        true, printed = r.get("capaian_komponen"), r.get("capaian_dilaporkan")
        if fmt.missing(true) or fmt.missing(printed) or r["polaritas"] not in ("positif", "negatif"):
            continue
        common = {"nama": r["nama"], "dicetak": _printed_percent(printed, lang, r.get("desimal_capaian_dilaporkan")),
                  "capaian": fmt.persen(true, 2, lang)}
        if printed >= 100 > round(true, 2):
            if r["polaritas"] == "positif" and not any(fmt.missing(r.get(c)) for c in ("target", "pembilang",
                                                                                       "penyebut")):
                perlu = math.ceil(round(r["target"] * r["penyebut"] / 100, 9))
                out.append(sentence("temuan_balik_kurang", lang, **common,
                                    kurang=fmt.angka(perlu - r["pembilang"], 0, lang),
                                    satuan=_unit_word(komponen, r["kode_indikator"], r["pembilang"], lang,
                                                       perlu - r["pembilang"]),
                                    capai=fmt.angka(r["pembilang"], 0, lang), perlu=fmt.angka(perlu, 0, lang)))
            else:
                out.append(sentence("temuan_balik_kurang_singkat", lang, **common))
        elif printed < 100 <= round(true, 2):
            out.append(sentence("temuan_balik_lebih", lang, **common))
    seen = set()
    for _, r in rec[rec["status"] == "mismatch"].iterrows():
        if r["check"] in seen:
            continue
        seen.add(r["check"])
        v = r.get("recomputed")
        shown = fmt.MISSING if fmt.missing(v) else fmt.angka(v, 0 if abs(v) >= 100_000 else 2, lang)
        out.append(sentence("temuan_salah", lang, label=_text(r["check"]), dicetak=_text(r["reported"]),
                            dihitung=shown))
    # (2) comparisons across a formula change
    for _, b in breaks.iterrows():
        code = b["kode_indikator"]
        hits = rec[(rec["status"] == "not_comparable")
                   & (rec["subjek"].astype(str) == str(code) if "subjek" in rec else False)]
        if not len(hits):
            continue
        items = list(dict.fromkeys(str(sentence("temuan_putus_butir", lang, label=_text(h["check"]),
                                                dicetak=_text(h["reported"]).lstrip("'")))
                                   for _, h in hits.iterrows()))
        out.append(Markup(" ").join(filter(None, [
            sentence("temuan_putus", lang, nama=names.get(code, code), tahun=_text(b["tahun_pertama_baru"]),
                     daftar=Markup("; ").join(Markup(i) for i in items)), found_in_text(b, lang)])))
    out += list(restated)  # (2b) restatements across the agency's reports
    # (3) the gap to national targets, in units
    if gaps is not None and len(gaps):
        units = dict(zip(iku["kode_indikator"], iku["satuan"], strict=True)) if "satuan" in iku else {}
        for _, g in gaps[(gaps["jenis_target"] == "nasional") & (gaps["kekurangan_unit"] > 0)].iterrows():
            out.append(sentence("temuan_nasional", lang, nama=names.get(g["kode_indikator"], g["kode_indikator"]),
                                realisasi=fmt.dalam_satuan(g["realisasi"], units.get(g["kode_indikator"]), lang),
                                target=fmt.dalam_satuan(g["target"], units.get(g["kode_indikator"]), lang),
                                kurang=fmt.angka(g["kekurangan_unit"], 0, lang),
                                satuan=_unit_word(komponen, g["kode_indikator"], g["pembilang"], lang,
                                                  g["kekurangan_unit"]),
                                capai=fmt.angka(g["pembilang"], 0, lang),
                                perlu=fmt.angka(g["dibutuhkan_unit"], 0, lang)))
    if not out:
        out.append(Markup(t("tanpa_temuan", lang)))
    # (4) achievement, absorption and efficiency: each where this report's tables give it
    out += _headline_facts(iku, budget, efficiency, lang)
    return out


def _source_of_capaian(iku, lang: str) -> str:
    """What the KPIs' achievement is computed from: their components, the printed figures, or some of each."""
    stated = iku["capaian_komponen"].notna()
    return t("asal_komponen" if stated.all() else "asal_tercetak" if not stated.any() else "asal_campuran", lang)


def _headline_facts(iku, budget, efficiency, lang) -> list[Markup]:
    out = []
    if len(iku):
        cap = iku["capaian_komponen"].fillna(iku["capaian"])
        out.append(sentence("temuan_capaian", lang, capaian=fmt.persen(cap.mean(), 2, lang),
                            tercapai=fmt.angka(int((cap.round(2) >= 100).sum()), 0, lang),
                            jumlah=fmt.angka(len(cap), 0, lang), asal=_source_of_capaian(iku, lang)))
    total = budget[budget["tingkat"] == "total"] if len(budget) else budget
    if len(total) and not fmt.missing(total.iloc[0]["serapan"]):
        total = total.iloc[0]
        out.append(sentence("temuan_serapan", lang, serapan=fmt.persen(total["serapan"], 2, lang),
                            realisasi=fmt.rupiah(total["realisasi"], lang),
                            anggaran=fmt.rupiah(total["anggaran"], lang)))
    eff = efficiency[(efficiency["lingkup"] == "semua")].set_index("metode") if len(efficiency) else efficiency
    if "selisih_tertimbang" in eff.index:
        w = eff.loc["selisih_tertimbang"]
        out.append(sentence("temuan_efisiensi", lang, efisiensi=fmt.poin(w["efisiensi"], 1, lang),
                            capaian=fmt.persen(w["capaian"], 2, lang), serapan=fmt.persen(w["serapan"], 2, lang),
                            kategori=_text(vocab.category(w["kategori"], lang))))
    return out
