"""A national synthetic set (SYNTHETIC: for the roll-up's tests and benchmarks only): many agencies × years of
processed tables, in the schemas the pipeline writes to ``<processed_root>/<agency>/<year>/``.

Every agency-year is marked ``sintetis = ya`` in the ``meta`` of its ``clean_info.json``, and the root gets
``SYNTHETIC.md`` and the ground truth ``planted.parquet`` / ``planted.csv`` (one row per printed error planted:
agency, tahun, check, kind, printed, correct). The same ``seed`` gives the same files.

Variety, each at a stated rate: national indicators shared by every agency (with a national standard in
``target_nasional`` where the agency prints it), one indicator of the agency's own, a formula change of a national
indicator in a year of the agency's choosing, a variant definition (same code, another denominator), table kinds
missing (no budget table, no components: printed-only), and printed errors planted at ``error_rate`` per
checkable printed figure (a figure that cannot be recomputed from what the agency-year prints is never planted).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .indicators.budget import serapan
from .indicators.capaian import capaian
from .reconcile.rounding import round_half_up

#: code, name, sasaran_no, numerator component, denominator component, polarity, national standard (%)
NATIONAL = [
    ("KSEHAT", "Persentase Koperasi Sehat", 1, "koperasi_sehat", "koperasi_aktif", "positif", 10.0),
    ("KAKTIF", "Persentase Koperasi Aktif", 1, "koperasi_aktif", "koperasi_terdaftar", "positif", 70.0),
    ("UKNK", "Persentase Usaha Kecil Naik Kelas", 2, "usaha_kecil_naik_kelas", "jumlah_usaha_kecil", "positif", 0.1),
    ("KTIDAKAKTIF", "Persentase Koperasi Tidak Aktif", 3, "koperasi_tidak_aktif", "koperasi_terdaftar", "negatif",
     30.0),
]
SASARAN = {1: "Meningkatnya kualitas koperasi", 2: "Meningkatnya usaha kecil", 3: "Menurunnya koperasi tidak aktif",
           4: "Meningkatnya kapasitas pelaku usaha"}
#: the formula change: from its year, KSEHAT counts the healthy and the fairly healthy cooperatives
CHANGED = ("KSEHAT", "koperasi_sehat_cukup_sehat", "Jumlah koperasi sehat dan cukup sehat")
#: the variant: some agencies divide active cooperatives by those with legal status, not the registered ones
VARIANT = ("KAKTIF", "koperasi_berbadan_hukum", "Jumlah koperasi berbadan hukum")


#: the processed schema's types of a budget by levels (its text columns may be all empty in a set)
LEVEL_TYPES = {"anggaran_rinci": {"jalur": "string", "induk": "string", "tingkat": "string", "kedalaman": "int64",
                                  "nomor": "string", "uraian": "string", "sumber_dana": "string",
                                  "anggaran": "Int64", "realisasi": "Int64", "asal": "string", "cakupan": "string"}}


@dataclass(frozen=True)
class Rates:
    """How often each kind of variety occurs (per agency, per agency-year or per printed figure)."""
    error_rate: float = 0.02          # per checkable printed figure
    formula_change: float = 0.15      # per agency: KSEHAT changes formula in one of its years
    variant: float = 0.08             # per agency: KAKTIF has another denominator
    no_budget: float = 0.10           # per agency-year: no budget table
    no_components: float = 0.05       # per agency-year: no components (printed-only)
    no_national: float = 0.30         # per agency-year: no national standard printed
    budget_levels: float = 0.10       # per agency-year with a budget: printed by levels (Program › Kegiatan)


def slug(i: int) -> str:
    return f"koperasi-{i + 1:03d}"


def _teks(x: float, decimals: int, unit: str = "") -> str:
    """A number as an Indonesian report prints it (``5,87 %``)."""
    text = f"{x:,.{decimals}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text + unit


def generate(root, agencies: int = 550, years=range(2020, 2025), seed: int = 0, programmes: int = 6,
             rates: Rates = Rates()) -> pd.DataFrame:
    """Write the set under ``root`` and return the planted errors (also written as ``planted.parquet``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(root)
    years = list(years)
    rows: dict[str, list[dict]] = {k: [] for k in ("definisi_indikator", "capaian_iku", "komponen_iku",
                                                    "anggaran_program", "anggaran_rinci", "reported_figures",
                                                    "target_nasional")}
    planted: list[dict] = []
    infos = []
    for a in range(agencies):
        rng = np.random.default_rng([seed, a])
        agency = slug(a)
        change_year = int(rng.choice(years[1:])) if len(years) > 1 and rng.random() < rates.formula_change else None
        variant = rng.random() < rates.variant
        defs = _definitions(a, years[0], change_year, variant)
        scale = rng.uniform(0.5, 3.0)
        for year in years:
            _agency_year(rows, planted, rng, agency, year, defs, scale, programmes, rates)
            infos.append((agency, year, a))
    tables = {name: pd.DataFrame(r) for name, r in rows.items()}
    for (agency, year, a) in infos:
        folder = root / agency / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"nama_instansi": f"Dinas Koperasi Sintetis {a + 1:03d}", "provinsi": "Sintetis", "tahun": str(year),
                "judul_laporan": f"Laporan Kinerja Sintetis Tahun {year}", "sintetis": "ya"}
        (folder / "clean_info.json").write_text(json.dumps({"agency": agency, "year": year, "meta": meta,
                                                            "warnings": [], "tables_read": []}, ensure_ascii=False))
    for name, df in tables.items():
        if df.empty:
            continue
        if name in LEVEL_TYPES:
            df = df.astype(LEVEL_TYPES[name])
        df = df.sort_values(["_agency", "_year"], kind="stable").reset_index(drop=True)
        df["baris_raw"] = df.groupby(["_agency", "_year"]).cumcount() + 2
        df["baris_sumber"] = ""
        table = pa.Table.from_pandas(df.drop(columns=["_agency", "_year"]), preserve_index=False)
        bounds = df.groupby(["_agency", "_year"], sort=False).indices
        for (agency, year), idx in bounds.items():
            part = table.slice(int(idx[0]), len(idx))
            pq.write_table(part, root / agency / str(year) / f"{name}.parquet")
    out = pd.DataFrame(planted, columns=["agency", "tahun", "check", "kind", "printed", "correct"])
    out.to_parquet(root / "planted.parquet", index=False)
    out.to_csv(root / "planted.csv", index=False)
    (root / "SYNTHETIC.md").write_text(
        f"SYNTHETIC DATA (analysis.synthetic_national, seed {seed}): {agencies} agencies x {len(years)} years; "
        f"not real reports. planted.csv lists the {len(out)} printed errors planted on purpose.\n", encoding="utf-8")
    return out


def _words(component: str) -> str:
    """A component as a report would name it in words (``koperasi_aktif`` -> ``Jumlah koperasi aktif``)."""
    return "Jumlah " + component.replace("_", " ")


def _definitions(a: int, first: int, change_year: int | None, variant: bool) -> pd.DataFrame:
    rows = []
    for code, name, sas, num, den, pol, _ in NATIONAL:
        base = {"kode_indikator": code, "versi": 1, "berlaku_dari": first, "berlaku_sampai": pd.NA, "nama": name,
                "nama_lain": "", "sasaran_no": sas, "sasaran": SASARAN[sas], "pembilang": _words(num),
                "penyebut": _words(den), "komponen_pembilang": num, "komponen_penyebut": den, "faktor": 100.0,
                "satuan": "%", "polaritas": pol, "konvensi_negatif": "2T-R" if pol == "negatif" else "",
                "skala_predikat": "", "laporan_tahun": first, "kalimat_sumber": "(sintetis)", "metode_capaian": "",
                "batas_capaian": np.nan}
        if variant and code == VARIANT[0]:
            base.update(komponen_penyebut=VARIANT[1], penyebut=VARIANT[2])
        if change_year is not None and code == CHANGED[0]:
            rows.append({**base, "berlaku_sampai": change_year - 1})
            base = {**base, "versi": 2, "berlaku_dari": change_year, "komponen_pembilang": CHANGED[1],
                    "pembilang": CHANGED[2]}
        rows.append(base)
    rows.append({**rows[0], "kode_indikator": f"LOKAL{a + 1:03d}", "versi": 1, "berlaku_dari": first,
                 "berlaku_sampai": pd.NA, "nama": "Jumlah pelaku usaha yang dilatih", "sasaran_no": 4,
                 "sasaran": SASARAN[4], "pembilang": "Jumlah pelaku usaha yang dilatih", "penyebut": "",
                 "komponen_pembilang": "pelaku_usaha_dilatih", "komponen_penyebut": "", "faktor": 1.0,
                 "satuan": "orang", "polaritas": "positif", "konvensi_negatif": ""})
    return pd.DataFrame(rows)


def _valid(defs: pd.DataFrame, year: int) -> pd.DataFrame:
    end = defs["berlaku_sampai"].astype("Float64").fillna(9999)
    return defs[(defs["berlaku_dari"] <= year) & (end >= year)]


def _agency_year(rows, planted, rng, agency, year, defs, scale, programmes, rates) -> None:
    tag = {"_agency": agency, "_year": year}
    printed_only = rng.random() < rates.no_components
    budget = rng.random() >= rates.no_budget
    national = rng.random() >= rates.no_national
    for _, d in defs.iterrows():
        rows["definisi_indikator"].append({**tag, **{k: d[k] for k in defs.columns}})

    def plant(check, kind, correct, printed):
        planted.append({"agency": agency, "tahun": year, "check": check, "kind": kind, "printed": printed,
                        "correct": correct})

    def figure(besaran, subjek, value, decimals, unit="", table="capaian_iku"):
        rows["reported_figures"].append({**tag, "besaran": besaran, "subjek": subjek, "tahun_dasar": pd.NA,
                                         "tahun": year, "nilai": value, "teks": _teks(value, decimals, unit),
                                         "tabel": table})

    caps = []
    for _, d in _valid(defs, year).iterrows():
        code, local = d["kode_indikator"], d["penyebut"] == ""
        if local:
            num, den = float(rng.integers(20, 400)), np.nan
            exact = num
        else:
            den = float(int(rng.integers(500, 8000) * scale))
            share = {"KSEHAT": (0.03, 0.2), "KAKTIF": (0.5, 0.9), "UKNK": (0.0005, 0.003),
                     "KTIDAKAKTIF": (0.1, 0.5)}[code]
            num = float(np.floor(den * rng.uniform(*share)))
            exact = num / den * 100
        dec_r = 0 if local else 2
        printed_r = float(round_half_up(exact, dec_r))
        true_r = printed_r if printed_only else exact  # what the roll-up can recompute from
        target = float(round_half_up(exact * rng.uniform(0.8, 1.2), dec_r))
        pol = d["polaritas"]
        cap_true = float(capaian(true_r, target, pol))
        dec_c = 2 if local else 0
        cap_printed = float(round_half_up(capaian(printed_r, target, pol), dec_c))
        caps.append(cap_true)
        if not printed_only and rng.random() < rates.error_rate:  # a realisation that its components do not give
            wrong = float(round_half_up(printed_r * rng.uniform(1.05, 1.3) + 1, dec_r))
            plant(f"realisasi {code}", "realisasi", printed_r, wrong)
            printed_r = wrong
        if rng.random() < rates.error_rate:  # a capaian that its target and realisation do not give
            # ... nor any honest way of getting it: from the rounded or the printed realisation, truncated
            honest = [cap_true, cap_printed, capaian(printed_r, target, pol)]
            wrong = cap_printed
            while min(abs(wrong - h) for h in honest) < 2:
                wrong = float(round_half_up(cap_printed + rng.choice([-1, 1]) * rng.uniform(3, 15), dec_c))
            plant(f"capaian {code}", "capaian", cap_printed, wrong)
            cap_printed = wrong
        unit = " %" if d["satuan"] == "%" else ""
        rows["capaian_iku"].append({**tag, "kode_indikator": code, "sasaran_no": int(d["sasaran_no"]),
                                    "sasaran": d["sasaran"], "target": target, "target_predikat": None,
                                    "realisasi": printed_r, "realisasi_predikat": None,
                                    "capaian_dilaporkan": cap_printed, "target_atas": np.nan,
                                    "sasaran_label": f"{int(d['sasaran_no'])}."})
        figure("realisasi", code, printed_r, dec_r, unit)
        figure("capaian", code, cap_printed, dec_c)
        if not printed_only:
            for name, value in ((d["komponen_pembilang"], num), (d["komponen_penyebut"], den)):
                if name:
                    rows["komponen_iku"].append({**tag, "kode_indikator": code, "komponen": name, "nilai": value,
                                                 "satuan": "unit", "kalimat": "(sintetis)"})
        standard = next((s for c, *_, s in NATIONAL if c == code), None)
        if national and standard is not None:
            rows["target_nasional"].append({**tag, "kode_indikator": code, "tahun": year, "jenis_target": "nasional",
                                            "target": standard, "target_predikat": None, "tabel": "target_nasional"})
    mean = float(np.mean(caps))
    printed_mean = float(round_half_up(mean, 0))
    if rng.random() < rates.error_rate:
        wrong = printed_mean + float(rng.choice([-1, 1]) * rng.integers(2, 7))
        plant("capaian_rata_rata", "capaian_rata_rata", printed_mean, wrong)
        printed_mean = wrong
    figure("capaian_rata_rata", "semua", printed_mean, 0)
    if not budget:
        return
    anggaran = (rng.integers(100, 5000, programmes) * 1_000_000 + rng.integers(0, 999_999, programmes)).astype(float)
    spent = np.floor(anggaran * rng.uniform(0.75, 1.0, programmes))
    pct = serapan(spent, anggaran)
    levels = rng.random() < rates.budget_levels  # Program › Kegiatan: no programme table, no programme figure
    if levels:
        _budget_levels(rows, tag, anggaran, spent)
    for i in range(0 if levels else programmes):
        rows["anggaran_program"].append({**tag, "program_no": i + 1, "program": f"Program Sintetis {i + 1}",
                                         "anggaran": int(anggaran[i]), "realisasi": int(spent[i])})
        printed = float(round_half_up(pct[i], 2))
        if rng.random() < rates.error_rate:
            wrong = float(round_half_up(printed + rng.choice([-1, 1]) * rng.uniform(1.5, 6), 2))
            plant(f"serapan program {i + 1}", "serapan", printed, wrong)
            printed = wrong
        figure("serapan", f"program {i + 1}", printed, 2, table="realisasi_anggaran")
    plain = float(round_half_up(np.mean(pct), 0))
    figure("serapan_rata_rata", "semua", plain, 0, table="efisiensi")
    figure("efisiensi", "semua", float(round_half_up(mean, 0)) - plain, 0, table="efisiensi")


def _budget_levels(rows, tag, anggaran, spent) -> None:
    """The budget printed by levels: each programme, then its two kegiatan (the amounts split in two)."""
    for i, (a_i, s_i) in enumerate(zip(anggaran.astype(int), spent.astype(int), strict=True)):
        for path, parent, level, depth, amount, used in (
                (f"{i + 1}", None, "program", 1, a_i, s_i),
                (f"{i + 1}.1", f"{i + 1}", "kegiatan", 2, a_i // 2, s_i // 2),
                (f"{i + 1}.2", f"{i + 1}", "kegiatan", 2, a_i - a_i // 2, s_i - s_i // 2)):
            rows["anggaran_rinci"].append({**tag, "jalur": path, "induk": parent, "tingkat": level,
                                           "kedalaman": depth, "nomor": None,
                                           "uraian": f"{level.capitalize()} Sintetis {path}", "sumber_dana": "APBD",
                                           "anggaran": int(amount), "realisasi": int(used), "asal": "tercetak",
                                           "cakupan": "lengkap"})
