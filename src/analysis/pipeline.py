"""The steps of one agency-year, each reading what the previous one wrote (one step per notebook):

1. :func:`run_clean`      raw -> ``data/processed/<agency>/<year>/`` tidy tables (notebook 01)
2. :func:`run_indicators` -> ``iku``, ``capaian_sasaran``, ``budget``, ``efficiency``, ``programme_outputs``,
                             ``reconciliation``, ``warnings`` (notebook 02)
3. :func:`run_trends`     -> ``trends``, ``breaks``, ``gaps``, ``decomposition``, ``summary.json`` (notebook 03)

Every step validates everything before it writes anything, and writes atomically
(:func:`analysis.atomic.write_tables`): a failed run leaves the last good output in place.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from .atomic import write_tables, write_text
from .config import DEFAULT_CATEGORY_SCALE, DEFAULT_EFFICIENCY_SCALE, PROCESSED_ROOT, RAW_ROOT
from .indicators import budget as budget_mod
from .indicators import iku as iku_mod
from .indicators import plausibility
from .indicators import trends as trends_mod
from .ingest.clean import Cleaned, clean_agency_year
from .processed import load_info, load_processed, processed_dir
from .reconcile.budget_candidates import budget_candidates
from .reconcile.candidates import candidates
from .reconcile.reconcile import attribution_checks, reconcile
from .reconcile.status import STATUS_ORDER


def run_clean(agency: str, year, raw_root=RAW_ROOT, processed_root=PROCESSED_ROOT) -> Cleaned:
    cleaned = clean_agency_year(agency, year, raw_root)
    out = processed_dir(agency, year, processed_root)
    write_tables(out, cleaned.tables)
    info = {"agency": cleaned.agency, "year": cleaned.year, "meta": cleaned.meta,
            "warnings": [str(w) for w in cleaned.warnings], "tables_read": cleaned.read}
    write_text(out / "clean_info.json", json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return cleaned


@dataclass
class Indicators:
    iku: pd.DataFrame
    sasaran: pd.DataFrame
    budget: pd.DataFrame
    efficiency: pd.DataFrame
    outputs: pd.DataFrame
    series: pd.DataFrame
    breaks: pd.DataFrame
    reconciliation: pd.DataFrame
    warnings: list = field(default_factory=list)


def compute_indicators(tables: dict[str, pd.DataFrame], year: int, meta: dict | None = None,
                       manifest: pd.DataFrame | None = None, batas_atas: float | None = None) -> Indicators:
    meta = meta or {}
    skala = meta.get("skala_kategori") or DEFAULT_CATEGORY_SCALE
    skala_eff = meta.get("skala_efisiensi") or DEFAULT_EFFICIENCY_SCALE
    if "capaian_iku" not in tables:  # a budget-only agency-year (until every table kind is optional)
        return _budget_only(tables, year, skala, manifest)
    iku, warnings = iku_mod.build_iku(tables, year, skala)
    sasaran = iku_mod.capaian_sasaran(iku, batas_atas)
    budget = budget_mod.build_budget(tables, skala)
    efficiency = budget_mod.build_efficiency(budget, sasaran, skala_eff)
    outputs = budget_mod.output_rates(tables, budget)
    series, breaks = trends_mod.series_and_breaks(tables, iku, year)
    cands = candidates(tables, iku, sasaran, budget, efficiency, series, year, skala)
    rec = reconcile(tables, cands, breaks, manifest)
    att = attribution_checks(tables)
    if len(att):
        rec = pd.concat([rec, att], ignore_index=True)
        rec["_o"] = rec["status"].map(STATUS_ORDER)
        rec = rec.sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)
    return Indicators(iku, sasaran, budget, efficiency, outputs, series, breaks, rec, warnings)


def _budget_only(tables: dict[str, pd.DataFrame], year: int, skala: str, manifest) -> Indicators:
    """The budget figures of an agency-year without IKU tables, reconciled."""
    empty = pd.DataFrame()
    budget = budget_mod.build_budget(tables, skala)
    cands = pd.DataFrame(budget_candidates(tables, empty, budget, empty, year, skala))
    rec = reconcile(tables, cands, pd.DataFrame(columns=["kode_indikator", "tahun_pertama_baru"]), manifest)
    return Indicators(empty, empty, budget, empty, budget_mod.output_rates(tables, budget), empty, empty, rec)


def run_indicators(agency: str, year, processed_root=PROCESSED_ROOT, batas_atas: float | None = None) -> Indicators:
    tables = load_processed(agency, year, processed_root)
    info = load_info(agency, year, processed_root)
    manifest = pd.DataFrame(info["tables_read"])
    ind = compute_indicators(tables, int(year), info.get("meta"), manifest, batas_atas)
    if "capaian_iku" in tables:  # the bounds judge IKU and budget together
        ind.warnings += plausibility.check_recomputed(tables, ind.iku, ind.sasaran, ind.budget, ind.efficiency,
                                                      manifest, f"{agency}/{int(year)}")
    warnings = [{"sumber": "01-clean", "pesan": w} for w in info.get("warnings", [])]
    warnings += [{"sumber": w.file, "pesan": w.message} for w in ind.warnings]
    write_tables(processed_dir(agency, year, processed_root), {
        "iku": ind.iku, "capaian_sasaran": ind.sasaran, "budget": ind.budget, "efficiency": ind.efficiency,
        "programme_outputs": ind.outputs, "reconciliation": ind.reconciliation,
        "warnings": pd.DataFrame(warnings, columns=["sumber", "pesan"]).astype("str")})
    return ind


@dataclass
class Trends:
    trends: pd.DataFrame
    breaks: pd.DataFrame
    gaps: pd.DataFrame
    decomposition: pd.DataFrame


def compute_trends(tables: dict[str, pd.DataFrame], iku: pd.DataFrame, year: int) -> Trends:
    series, breaks = trends_mod.series_and_breaks(tables, iku, year)
    defs = tables["definisi_indikator"]
    targets = pd.concat([t for t in (tables.get("target_tahunan"), tables.get("target_nasional")) if t is not None],
                        ignore_index=True) if ("target_tahunan" in tables or "target_nasional" in tables) else None
    trends = trends_mod.build_trends(series, targets)
    gaps = trends_mod.gap_to_targets(iku, targets) if targets is not None else pd.DataFrame()
    komponen = tables.get("komponen_iku", pd.DataFrame(columns=["kode_indikator", "komponen", "nilai"]))
    dec = trends_mod.decompose(breaks, series, defs, komponen, year)
    return Trends(trends, breaks, gaps, dec)


def run_trends(agency: str, year, processed_root=PROCESSED_ROOT) -> Trends:
    tables = load_processed(agency, year, processed_root)
    if "iku" not in tables:
        raise FileNotFoundError("iku.parquet is missing: run notebooks/02-indicators.ipynb first")
    tr = compute_trends(tables, tables["iku"], int(year))
    folder = processed_dir(agency, year, processed_root)
    write_tables(folder, {"trends": tr.trends, "breaks": tr.breaks, "gaps": tr.gaps,
                          "decomposition": tr.decomposition})
    summary = headline(agency, int(year), tables, tr.breaks, load_info(agency, year, processed_root))
    write_text(folder / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return tr


def headline(agency: str, year: int, tables: dict[str, pd.DataFrame], breaks: pd.DataFrame, info: dict) -> dict:
    """The few figures ``reports/index.html`` shows for an agency-year (``summary.json``)."""
    sas, bud, eff, rec = tables["capaian_sasaran"], tables["budget"], tables["efficiency"], tables["reconciliation"]
    total = bud[bud["tingkat"] == "total"].iloc[0]
    e = eff[(eff["lingkup"] == "semua") & (eff["metode"] == "selisih_tertimbang")].iloc[0]
    meta = info.get("meta", {})
    return {"agency": agency, "year": year, "nama_instansi": meta.get("nama_instansi", agency),
            "sintetis": meta.get("sintetis", "tidak") not in ("tidak", "no", "false", ""),
            "capaian": float(sas[sas["sasaran_no"].isna()].iloc[0]["capaian"]),
            "serapan": float(total["serapan"]), "anggaran": float(total["anggaran"]),
            "efisiensi": float(e["efisiensi"]),
            "rekonsiliasi": {k: int(v) for k, v in rec["status"].value_counts().sort_index().items()},
            "perubahan_rumus": int(len(breaks)),
            "warnings": [str(w) for w in tables["warnings"]["pesan"]] if "warnings" in tables else []}
