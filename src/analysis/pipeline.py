"""The steps of one agency-year, each reading what the previous one wrote (one step per notebook):

1. :func:`run_clean`      raw -> ``data/processed/<agency>/<year>/`` tidy tables (notebook 01)
2. :func:`run_indicators` -> ``iku``, ``capaian_sasaran``, ``budget``, ``efficiency``, ``efficiency_ratios``,
                             ``programme_outputs``, ``reconciliation``, ``warnings`` (notebook 02)
3. :func:`run_trends`     -> ``trends``, ``breaks``, ``gaps``, ``decomposition``, ``summary.json`` (notebook 03)

Every step validates everything before it writes anything, and writes atomically
(:func:`analysis.atomic.write_tables`): a failed run leaves the last good output in place.

Every raw table kind is optional: a step computes an output only when the table kinds it needs were read
(:mod:`analysis.needs`), works on an empty frame of the output's columns otherwise (so the checks that do
not need it still run), and writes only the products that were computed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from . import needs
from .atomic import write_tables, write_text
from .config import DEFAULT_CATEGORY_SCALE, DEFAULT_EFFICIENCY_SCALE, PROCESSED_ROOT, RAW_ROOT
from .errors import Warning_
from .indicators import budget as budget_mod
from .indicators import iku as iku_mod
from .indicators import plausibility, restatements
from .indicators import trends as trends_mod
from .indicators.efficiency_ratios import efficiency_ratios
from .ingest.clean import Cleaned, clean_agency_year
from .ingest.report_years import printed_values, values_by_report
from .ingest.stated import derive_versions
from .processed import load_info, load_processed, processed_dir
from .reconcile.candidates import candidates
from .reconcile.reconcile import attribution_checks, reconcile
from .reconcile.rounding import decimals_as_printed
from .reconcile.status import STATUS_ORDER


def run_clean(agency: str, year, raw_root=RAW_ROOT, processed_root=PROCESSED_ROOT) -> Cleaned:
    cleaned = clean_agency_year(agency, year, raw_root)
    # the agency's earlier reports, read from their raw tables (never from another build's outputs)
    by_report, earlier, warnings, stated = values_by_report(agency, int(year), raw_root, cleaned.tables)
    cleaned.warnings.extend(warnings)
    if earlier:
        cleaned.tables["realisation_by_report"] = by_report
    # a definition the reports state differently with no version declared between them is a break
    cleaned.tables["definisi_indikator"] = derive_versions(cleaned.tables["definisi_indikator"], stated)
    out = processed_dir(agency, year, processed_root)
    write_tables(out, cleaned.tables)
    info = {"agency": cleaned.agency, "year": cleaned.year, "meta": cleaned.meta,
            "warnings": [str(w) for w in cleaned.warnings], "tables_read": cleaned.read,
            needs.EARLIER_REPORTS: earlier}
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
    kinds: frozenset = frozenset()  # the raw table kinds read: what could be computed (analysis.needs)
    ratios: pd.DataFrame | None = None  # efficiency as output/input ratios, where the report prints them

    def products(self) -> dict[str, pd.DataFrame]:
        """The tables step 2 writes: those whose inputs were read."""
        out = {"iku": self.iku, "capaian_sasaran": self.sasaran, "budget": self.budget,
               "efficiency": self.efficiency, "efficiency_ratios": self.ratios, "programme_outputs": self.outputs,
               "reconciliation": self.reconciliation}
        return {k: v for k, v in out.items() if needs.declared(k, self.kinds)}


#: processed tables named otherwise than the raw table kind they come from
_RAW_KIND = {"anggaran_program": "realisasi_anggaran", "efisiensi_dilaporkan": "efisiensi",
             "realisasi_tahunan": "realisasi_multi_tahun", "target_tahunan": "realisasi_multi_tahun",
             "aset_kondisi": "aset"}
_EFFICIENCY_COLUMNS = ["lingkup", "atribusi", "metode", "capaian", "serapan", "efisiensi", "satuan", "kategori",
                       "rumus"]


def kinds_of(tables: dict[str, pd.DataFrame], manifest: pd.DataFrame | None = None) -> frozenset[str]:
    """The raw table kinds an agency-year has: from the manifest read, else from its processed tables' names."""
    if manifest is not None and "tabel" in manifest:
        return frozenset(manifest["tabel"])
    return frozenset(_RAW_KIND.get(k, k) for k in tables)


def _budget(tables: dict[str, pd.DataFrame], kinds, skala: str) -> pd.DataFrame:
    """The budget table; with the performance agreement alone its budgets (spending not stated); with a budget
    table with levels alone its rows' absorption; else empty."""
    if not (needs.has("anggaran", kinds) or needs.has("serapan", kinds)):
        return pd.DataFrame(columns=budget_mod.BUDGET_COLUMNS)
    if "anggaran_program" not in tables and "pk_program" in tables:  # budgets known, no realisation
        tables = {**tables, "anggaran_program": pd.DataFrame(
            {"program_no": pd.Series(dtype="int64"), "program": pd.Series(dtype="object"),
             "anggaran": pd.Series(dtype="int64"), "realisasi": pd.Series(dtype="int64")})}
    return budget_mod.build_budget(tables, skala)


def _with_total(budget: pd.DataFrame) -> pd.DataFrame:
    """The budget with a total row (all amounts unknown when there is none): the recomputations of the
    reconciliation read one; an unknown total matches no printed figure."""
    if (budget["tingkat"] == "total").any():
        return budget
    stub = pd.DataFrame([{"tingkat": "total", "atribusi": "", "sumber_dana": "", "nama": "", "jumlah_program": 0}])
    return pd.concat([budget, stub], ignore_index=True) if len(budget) else stub.reindex(columns=budget.columns)


def _partial(manifest: pd.DataFrame | None, kind: str) -> bool:
    """The manifest marks a table of ``kind`` ``sebagian`` (only part of its rows transcribed)."""
    if manifest is None or "cakupan" not in manifest:
        return False
    return bool((manifest.loc[manifest["tabel"] == kind, "cakupan"] == "sebagian").any())


def compute_indicators(tables: dict[str, pd.DataFrame], year: int, meta: dict | None = None,
                       manifest: pd.DataFrame | None = None, batas_atas: float | None = None) -> Indicators:
    meta = meta or {}
    skala = meta.get("skala_kategori") or DEFAULT_CATEGORY_SCALE
    skala_eff = meta.get("skala_efisiensi") or DEFAULT_EFFICIENCY_SCALE
    kinds = kinds_of(tables, manifest)
    if needs.has("capaian", kinds):
        iku, warnings = iku_mod.build_iku(tables, year, skala)
        # shown as printed: 150.00 stays 150,00 %, 93.6 stays 93,6 %
        iku["desimal_capaian_dilaporkan"] = pd.array(decimals_as_printed(
            tables.get("reported_figures"), "capaian", "capaian_iku", iku["kode_indikator"]), dtype="Int64")
    else:  # no IKU table: the checks that need none still run on an empty one
        iku, warnings = pd.DataFrame(columns=iku_mod.IKU_COLUMNS).astype({"capaian": "float64"}), []
    sasaran = iku_mod.capaian_sasaran(iku, batas_atas)
    budget = _budget(tables, kinds, skala)
    efficiency = (budget_mod.build_efficiency(budget, sasaran, skala_eff) if needs.has("efisiensi", kinds)
                  else pd.DataFrame(columns=_EFFICIENCY_COLUMNS))
    outputs = budget_mod.output_rates(tables, budget)
    series, breaks = trends_mod.series_and_breaks(tables, iku, year)
    # The reconciliation judges the report by its own (uncapped) method: an exploration's cap changes the
    # sasaran and efficiency tables of this run, never the verdict on a printed figure.
    sasaran_r, efficiency_r = sasaran, efficiency
    if batas_atas is not None:
        sasaran_r = iku_mod.capaian_sasaran(iku, None)
        if needs.has("efisiensi", kinds):
            efficiency_r = budget_mod.build_efficiency(budget, sasaran_r, skala_eff)
        warnings.append(Warning_("02-indicators", f"capaian capped at {batas_atas:g} in this run (batas_atas): the "
                                 "goal and efficiency figures are capped; the reconciliation compares the report "
                                 "with uncapped recomputations, as the report computes them"))
    cands = candidates(tables, iku, sasaran_r, _with_total(budget), efficiency_r, series, year, skala,
                       partial_iku=_partial(manifest, "capaian_iku"))
    rec = reconcile(tables, cands, breaks, manifest)
    att = attribution_checks(tables)
    if len(att):
        rec = pd.concat([rec, att], ignore_index=True)
        rec["_o"] = rec["status"].map(STATUS_ORDER)
        rec = rec.sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)
    return Indicators(iku, sasaran, budget, efficiency, outputs, series, breaks, rec, warnings, kinds,
                      efficiency_ratios(tables.get("efisiensi_rasio")))


def run_indicators(agency: str, year, processed_root=PROCESSED_ROOT, batas_atas: float | None = None) -> Indicators:
    tables = load_processed(agency, year, processed_root)
    info = load_info(agency, year, processed_root)
    manifest = pd.DataFrame(info["tables_read"], columns=["berkas", "tabel", "bagian", "judul_tabel",
                                                          "baris_sumber", "gaya_angka", "cakupan", "baris",
                                                          "kolom"])
    ind = compute_indicators(tables, int(year), info.get("meta"), manifest, batas_atas)
    if "capaian_iku" in tables:  # the bounds judge IKU and budget together
        ind.warnings += plausibility.check_recomputed(tables, ind.iku, ind.sasaran, ind.budget, ind.efficiency,
                                                      manifest, f"{agency}/{int(year)}")
    warnings = [{"sumber": "01-clean", "pesan": w} for w in info.get("warnings", [])]
    warnings += [{"sumber": w.file, "pesan": w.message} for w in ind.warnings]
    write_tables(processed_dir(agency, year, processed_root), {
        **ind.products(), "warnings": pd.DataFrame(warnings, columns=["sumber", "pesan"]).astype("str")})
    return ind


@dataclass
class Trends:
    trends: pd.DataFrame
    breaks: pd.DataFrame
    gaps: pd.DataFrame
    decomposition: pd.DataFrame
    restatements: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=restatements.COLUMNS))


def compute_trends(tables: dict[str, pd.DataFrame], iku: pd.DataFrame, year: int,
                   kinds: frozenset[str] | None = None) -> Trends:
    """Breaks always (the definitions); trends, decomposition and gaps where their table kinds were read
    (empty frames of their columns otherwise, which step 3 does not write). The agency's earlier reports
    (``realisation_by_report``, read by step 1) are joined into the series, their restatements listed."""
    kinds = kinds_of(tables) if kinds is None else kinds
    defs = tables["definisi_indikator"]
    by_report = tables.get("realisation_by_report")
    if by_report is None:  # this report alone: still each figure's line
        by_report = printed_values(tables, year)
    series = restatements.join_series(trends_mod.build_series(tables, iku, year), by_report, defs, year)
    breaks = trends_mod.detect_breaks(defs, sorted(series["tahun"].unique().tolist()))
    parts = [t for t in (tables.get("target_tahunan"), tables.get("target_nasional")) if t is not None]
    targets = pd.concat(parts, ignore_index=True) if parts else None
    trends = trends_mod.build_trends(series, targets) if needs.has("tren", kinds) else pd.DataFrame()
    gaps = (trends_mod.gap_to_targets(iku, targets) if targets is not None and needs.has("kesenjangan", kinds)
            else pd.DataFrame())
    komponen = tables.get("komponen_iku", pd.DataFrame(columns=["kode_indikator", "komponen", "nilai"]))
    dec = trends_mod.decompose(breaks, series, defs, komponen, year)
    return Trends(trends, breaks, gaps, dec, restatements.detect_restatements(by_report, defs))


def run_trends(agency: str, year, processed_root=PROCESSED_ROOT) -> Trends:
    tables = load_processed(agency, year, processed_root)
    info = load_info(agency, year, processed_root)
    kinds = needs.kinds_read(info)
    if "iku" not in tables and needs.has("capaian", kinds):
        raise FileNotFoundError("iku.parquet is missing: run notebooks/02-indicators.ipynb first")
    iku = tables.get("iku", pd.DataFrame(columns=iku_mod.IKU_COLUMNS))
    tr = compute_trends(tables, iku, int(year), kinds)
    folder = processed_dir(agency, year, processed_root)
    products = {"trends": tr.trends, "breaks": tr.breaks, "gaps": tr.gaps, "decomposition": tr.decomposition,
                "restatements": tr.restatements}
    write_tables(folder, {k: v for k, v in products.items() if needs.declared(k, kinds)})
    summary = headline(agency, int(year), tables, tr.breaks, info)
    write_text(folder / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return tr


def _first(df: pd.DataFrame | None, query) -> pd.Series | None:
    """The first row of ``df`` where ``query(df)`` holds; None when the table or the row is not there."""
    if df is None or not len(df):
        return None
    hit = df[query(df)]
    return hit.iloc[0] if len(hit) else None


def _number(row: pd.Series | None, column: str) -> float | None:
    """A figure of the headline, None (shown as "—") when it was not computed."""
    v = None if row is None else row.get(column)
    return None if v is None or pd.isna(v) else float(v)


def key_figures(tables: dict[str, pd.DataFrame]) -> dict[str, float | None]:
    """Overall capaian, weighted absorption, budget and weighted efficiency from the processed tables
    (``capaian_sasaran``, ``budget``, ``efficiency``); None for each one the agency-year's tables do not give."""
    overall = _first(tables.get("capaian_sasaran"), lambda d: d["sasaran_no"].isna())
    total = _first(tables.get("budget"), lambda d: d["tingkat"] == "total")
    e = _first(tables.get("efficiency"), lambda d: (d["lingkup"] == "semua") & (d["metode"] == "selisih_tertimbang"))
    return {"capaian": _number(overall, "capaian"), "serapan": _number(total, "serapan"),
            "anggaran": _number(total, "anggaran"), "efisiensi": _number(e, "efisiensi")}


def headline(agency: str, year: int, tables: dict[str, pd.DataFrame], breaks: pd.DataFrame, info: dict) -> dict:
    """The few figures ``reports/index.html`` shows for an agency-year (``summary.json``); a figure whose
    tables the report does not have is None."""
    rec = tables["reconciliation"]
    meta = info.get("meta", {})
    return {"agency": agency, "year": year, "nama_instansi": meta.get("nama_instansi", agency),
            "sintetis": meta.get("sintetis", "tidak") not in ("tidak", "no", "false", ""),
            **key_figures(tables),
            "rekonsiliasi": {k: int(v) for k, v in rec["status"].value_counts().sort_index().items()},
            "perubahan_rumus": int(len(breaks)),
            "warnings": [str(w) for w in tables["warnings"]["pesan"]] if "warnings" in tables else []}
