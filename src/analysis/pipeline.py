"""The steps of one agency-year, each reading what the previous one wrote:

1. :func:`run_clean`      raw -> ``data/processed/<agency>/<year>/`` tidy tables (notebook 01)
2. :func:`run_indicators` -> ``iku``, ``capaian_sasaran``, ``budget``, ``efficiency``, ``keluaran``,
                             ``reconciliation`` (notebook 02)
3. :func:`run_trends`     -> ``trends``, ``breaks``, ``kesenjangan``, ``dekomposisi`` (notebook 03)

Every step validates everything before it writes anything, and writes atomically
(:func:`analysis.keluaran.write_tables`): a failed run leaves the last good output in place.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import anggaran, iku as iku_mod, rekonsiliasi, tren
from .clean import Cleaned, clean_agency_year, read_definitions
from .keluaran import write_tables, write_text
from .raw import PROCESSED_ROOT, RAW_ROOT, check_agency_year


def processed_dir(agency: str, year, processed_root=PROCESSED_ROOT) -> Path:
    agency, year = check_agency_year(agency, year)
    return Path(processed_root) / agency / str(year)


def run_clean(agency: str, year, raw_root=RAW_ROOT, processed_root=PROCESSED_ROOT) -> Cleaned:
    cleaned = clean_agency_year(agency, year, raw_root)
    out = processed_dir(agency, year, processed_root)
    write_tables(out, cleaned.tables)
    info = {"agency": cleaned.agency, "year": cleaned.year, "meta": cleaned.meta,
            "warnings": [str(w) for w in cleaned.warnings], "tables_read": cleaned.read}
    write_text(out / "clean_info.json", json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return cleaned


def load_processed(agency: str, year, processed_root=PROCESSED_ROOT) -> dict[str, pd.DataFrame]:
    """Every table written for the agency-year (Parquet keeps the types)."""
    folder = processed_dir(agency, year, processed_root)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} does not exist: run the cleaning step (notebooks/01-clean.ipynb) first")
    return {p.stem: _read_table(p) for p in sorted(folder.glob("*.parquet"))}


_READ: dict[Path, tuple[tuple[int, int, int], pd.DataFrame]] = {}


def _read_table(path: Path) -> pd.DataFrame:
    """One processed table, read again only when its file changed.

    Notebooks 02, 03 and 04 run in one kernel and read the same tables (about 0,1 s each time). A file
    is known by inode, size and modification time: outputs are replaced atomically, so a rewritten table
    is a new inode. Only the latest folder is kept, so a long batch does not accumulate tables.
    """
    st = path.stat()
    key = (st.st_ino, st.st_size, st.st_mtime_ns)
    hit = _READ.get(path)
    if hit is None or hit[0] != key:
        for other in [p for p in _READ if p.parent != path.parent]:
            del _READ[other]
        hit = (key, pd.read_parquet(path))
        _READ[path] = hit
    return hit[1].copy(deep=False)  # copy-on-write (pandas 3): a caller's change never reaches the cache


def load_info(agency: str, year, processed_root=PROCESSED_ROOT) -> dict:
    return json.loads((processed_dir(agency, year, processed_root) / "clean_info.json").read_text(encoding="utf-8"))


@dataclass
class Indicators:
    iku: pd.DataFrame
    sasaran: pd.DataFrame
    budget: pd.DataFrame
    efficiency: pd.DataFrame
    keluaran: pd.DataFrame
    series: pd.DataFrame
    breaks: pd.DataFrame
    reconciliation: pd.DataFrame
    warnings: list = field(default_factory=list)


def compute_indicators(tables: dict[str, pd.DataFrame], year: int, meta: dict | None = None,
                       manifest: pd.DataFrame | None = None, batas_atas: float | None = None) -> Indicators:
    meta = meta or {}
    skala = meta.get("skala_kategori") or "lkj_dua_tingkat"
    skala_eff = meta.get("skala_efisiensi") or "selisih_lima_poin"
    iku, warnings = iku_mod.build_iku(tables, year, skala)
    sasaran = iku_mod.capaian_sasaran(iku, batas_atas)
    budget = anggaran.build_budget(tables, skala)
    efficiency = anggaran.build_efficiency(budget, sasaran, skala_eff)
    keluaran = anggaran.output_rates(tables, budget)
    series = tren.build_series(tables, iku, year)
    breaks = tren.detect_breaks(tables["definisi_indikator"], sorted(series["tahun"].unique().tolist()))
    cands = rekonsiliasi.candidates(tables, iku, sasaran, budget, efficiency, series, breaks, year, skala)
    rec = rekonsiliasi.reconcile(tables, cands, breaks, manifest)
    att = rekonsiliasi.attribution_checks(tables)
    if len(att):
        rec = pd.concat([rec, att], ignore_index=True)
        rec["_o"] = rec["status"].map(rekonsiliasi.STATUS_ORDER)
        rec = rec.sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)
    return Indicators(iku, sasaran, budget, efficiency, keluaran, series, breaks, rec, warnings)


def run_indicators(agency: str, year, raw_root=RAW_ROOT, processed_root=PROCESSED_ROOT,
                   batas_atas: float | None = None) -> Indicators:
    tables = load_processed(agency, year, processed_root)
    info = load_info(agency, year, processed_root)
    manifest = pd.DataFrame(info["tables_read"])
    ind = compute_indicators(tables, int(year), info.get("meta"), manifest, batas_atas)
    warnings = [{"sumber": "01-clean", "pesan": w} for w in info.get("warnings", [])]
    warnings += [{"sumber": w.file, "pesan": w.message} for w in ind.warnings]
    write_tables(processed_dir(agency, year, processed_root), {
        "iku": ind.iku, "capaian_sasaran": ind.sasaran, "budget": ind.budget, "efficiency": ind.efficiency,
        "keluaran": ind.keluaran, "reconciliation": ind.reconciliation,
        "peringatan": pd.DataFrame(warnings, columns=["sumber", "pesan"]).astype("str")})
    return ind


@dataclass
class Trends:
    trends: pd.DataFrame
    breaks: pd.DataFrame
    gaps: pd.DataFrame
    decomposition: pd.DataFrame


def compute_trends(tables: dict[str, pd.DataFrame], iku: pd.DataFrame, year: int) -> Trends:
    series = tren.build_series(tables, iku, year)
    defs = tables["definisi_indikator"]
    breaks = tren.detect_breaks(defs, sorted(series["tahun"].unique().tolist()))
    targets = pd.concat([t for t in (tables.get("target_tahunan"), tables.get("target_nasional")) if t is not None],
                        ignore_index=True) if ("target_tahunan" in tables or "target_nasional" in tables) else None
    trends = tren.build_trends(series, targets)
    gaps = tren.gap_to_targets(iku, targets) if targets is not None else pd.DataFrame()
    komponen = tables.get("komponen_iku", pd.DataFrame(columns=["kode_indikator", "komponen", "nilai"]))
    dec = tren.decompose(breaks, series, defs, komponen, year)
    return Trends(trends, breaks, gaps, dec)


def run_trends(agency: str, year, raw_root=RAW_ROOT, processed_root=PROCESSED_ROOT) -> Trends:
    tables = load_processed(agency, year, processed_root)
    if "iku" not in tables:
        raise FileNotFoundError("iku.parquet is missing: run notebooks/02-indicators.ipynb first")
    tr = compute_trends(tables, tables["iku"], int(year))
    folder = processed_dir(agency, year, processed_root)
    write_tables(folder, {"trends": tr.trends, "breaks": tr.breaks, "kesenjangan": tr.gaps,
                          "dekomposisi": tr.decomposition})
    summary = headline(agency, int(year), tables, tr.breaks, load_info(agency, year, processed_root))
    write_text(folder / "ringkasan.json", json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return tr


def headline(agency: str, year: int, tables: dict[str, pd.DataFrame], breaks: pd.DataFrame, info: dict) -> dict:
    """The few figures ``reports/index.html`` shows for an agency-year (``ringkasan.json``)."""
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
            "warnings": [str(w) for w in tables["peringatan"]["pesan"]] if "peringatan" in tables else []}
