"""Reconciliation: every figure the report states against its recomputations (:mod:`.candidates`), with its
status (:mod:`.status`; a change across a series break is ``not_comparable``), and the programmes' sasaran
attribution.

Columns of the result: check, section, tabel, baris_sumber, besaran, subjek, tahun_dasar, tahun,
reported, reported_value, recomputed, difference, status, explanation (English), penjelasan (the same in
Indonesian), lintas_rumus.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..ingest.figures import Subject
from .candidates import primary_as_printed
from .rounding import printed_decimals, round_half_up
from .status import STATUS_ORDER, classify

KEY = ["besaran", "subjek", "tahun_dasar", "tahun"]


def _norm_key(values) -> tuple:
    """A grouping key where every missing value (None, NaN, pd.NA) is the same."""
    return tuple(None if pd.isna(v) else (int(v) if isinstance(v, (np.integer,)) else v) for v in values)


def _found(r: dict, lang: str) -> str:
    """For a break found in the reports' text: which reports state the two definitions (empty when declared)."""
    if r.get("asal") != "laporan":
        return ""
    a, la, b, lb = r["laporan_lama"], r["baris_lama"], r["laporan_baru"], r["baris_baru"]
    if lang == "en":
        return f" (found in the reports' text, not declared: LKj {a} line {la}, LKj {b} line {lb})"
    return f" (ditemukan dari teks laporan, tidak dinyatakan: LKj {a} baris {la}, LKj {b} baris {lb})"


def _crossing(breaks: list[dict], code: str, a, b) -> tuple[str, str] | None:
    """The series breaks of indicator ``code`` between years ``a`` and ``b`` (English, Indonesian), or None."""
    if pd.isna(a) or pd.isna(b):
        return None
    hit = [r for r in breaks if r["kode_indikator"] == code and a < r["tahun_pertama_baru"] <= b]
    if not hit:
        return None
    return ("; ".join(f"definition v{r['versi_lama']} → v{r['versi_baru']} from {r['tahun_pertama_baru']}"
                      + _found(r, "en") for r in hit),
            "; ".join(f"definisi v{r['versi_lama']} → v{r['versi_baru']} mulai {r['tahun_pertama_baru']}"
                      + _found(r, "id") for r in hit))


def reconcile(tables, cands: pd.DataFrame, breaks: pd.DataFrame, manifest: pd.DataFrame | None = None
              ) -> pd.DataFrame:
    """One row per reported figure, with its status (see module doc); non-``match`` rows first."""
    sections = dict(zip(manifest["tabel"], manifest["bagian"], strict=True)) if manifest is not None else {}
    # plain records: about a hundred figures, each looked up and classified on its own
    groups: dict[tuple, list[dict]] = {}
    for c in cands.to_dict("records"):
        groups.setdefault(_norm_key(c[k] for k in KEY), []).append(c)
    brk = breaks.to_dict("records")
    rows = []
    for r in tables["reported_figures"].to_dict("records"):
        subject = Subject.parse(r["subjek"])
        key = _norm_key((r["besaran"], subject, r["tahun_dasar"], r["tahun"]))
        cross = _crossing(brk, subject.key, r["tahun_dasar"], r["tahun"]) if (
            r["besaran"] in ("perubahan", "kemajuan") and subject.kind == "indicator") else None
        cands_r = groups.get(key, [])
        if r["besaran"] in ("perubahan", "kemajuan"):
            cands_r = primary_as_printed(cands_r, r["teks"])
        status, value, (why, why_id) = classify(r, cands_r, cross)
        d = printed_decimals(r["teks"])
        diff = r["nilai"] - round_half_up(value, d) if not pd.isna(r["nilai"]) and not pd.isna(value) else np.nan
        label = f"{r['besaran']} {r['subjek']}" + (f" {r['tahun_dasar']}→{r['tahun']}" if not pd.isna(r["tahun_dasar"])
                                                    else f" {r['tahun']}")
        rows.append({"check": label, "section": sections.get(r["tabel"], ""), "tabel": r["tabel"],
                     "baris_sumber": r["baris_sumber"], "besaran": r["besaran"], "subjek": r["subjek"],
                     "tahun_dasar": r["tahun_dasar"], "tahun": r["tahun"], "reported": r["teks"],
                     "reported_value": r["nilai"], "recomputed": value, "difference": diff, "status": status,
                     "explanation": why, "penjelasan": why_id, "lintas_rumus": cross is not None})
    df = pd.DataFrame(rows)
    df["_o"] = df["status"].map(STATUS_ORDER)
    df = df.sort_values(["_o", "tabel", "baris_sumber"], kind="stable").drop(columns="_o").reset_index(drop=True)
    return df.astype({"tahun_dasar": "Int64", "tahun": "Int64"})


def attribution_checks(tables) -> pd.DataFrame:
    """Programmes the efficiency table places under another sasaran than the narrative does."""
    eff, prog = tables.get("efisiensi_dilaporkan"), tables.get("program")
    if eff is None or prog is None:
        return pd.DataFrame()
    m = eff.merge(prog[["program_no", "sasaran_no"]], on="program_no", suffixes=("_tabel", "_narasi"))
    rows = []
    for _, r in m.iterrows():
        same = pd.isna(r["sasaran_no_narasi"]) or r["sasaran_no_tabel"] == r["sasaran_no_narasi"]
        rows.append({"check": f"atribusi program {r['program_no']}", "section": "", "tabel": "efisiensi",
                     "baris_sumber": r["baris_sumber"], "besaran": "atribusi_sasaran",
                     "subjek": str(Subject.programme(r["program_no"])), "tahun_dasar": pd.NA, "tahun": pd.NA,
                     "reported": f"sasaran {r['sasaran_no_tabel']}", "reported_value": np.nan,
                     "recomputed": np.nan, "difference": np.nan,
                     "status": "match" if same else "method",
                     "explanation": "" if same else (
                         f"programme attributed to another sasaran: the efficiency table lists it under sasaran "
                         f"{r['sasaran_no_tabel']}, the narrative says it supports sasaran {r['sasaran_no_narasi']}"),
                     "penjelasan": "" if same else (
                         f"program dikelompokkan ke sasaran lain: tabel efisiensi mencantumkannya pada sasaran "
                         f"{r['sasaran_no_tabel']}, narasi menyebut program ini menunjang sasaran "
                         f"{r['sasaran_no_narasi']}"),
                     "lintas_rumus": False})
    return pd.DataFrame(rows)
