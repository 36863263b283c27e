"""The budget table with levels (``anggaran_rinci``: Program › Kegiatan › Sub Kegiatan) as the report shows it:
each row's printed label, its amounts (printed, or the sum of its rows), the percentage the report printed beside
the one recomputed from the amounts, and the reconciliation's verdict on it."""
from __future__ import annotations

import pandas as pd

from . import fmt
from .labels import t
from .sections import _table, _tables  # one table layout for the whole report

_LEVELS = {"program": ("Program", "Programme"), "kegiatan": ("Kegiatan", "Activity"),
           "sub_kegiatan": ("Sub kegiatan", "Sub-activity"), "total": ("Total", "Total")}


def _level(name: str, lang: str) -> str:
    pair = _LEVELS.get(name)
    return pair[0 if lang == "id" else 1] if pair else str(name).replace("_", " ").capitalize()


def budget_lines_section(lines: pd.DataFrame | None, rec: pd.DataFrame, lang: str) -> str:
    """A table of the budget lines ("" without them): amounts the report does not print but its rows give are
    marked (computed); the printed percentage and its status come from the reconciliation (``serapan`` of
    ``rincian <path>``)."""
    if lines is None or not len(lines):
        return ""
    checks = rec[(rec["besaran"] == "serapan") & rec["subjek"].astype(str).str.startswith("rincian ")]
    by_path = {str(s).split(" ", 1)[1]: r for s, (_, r) in zip(checks["subjek"], checks.iterrows(), strict=True)}
    computed = f" ({t('dari_baris', lang)})"
    rows = []
    for _, r in lines.iterrows():
        mark = computed if r["asal"] == "dihitung" else ""
        pct = r["realisasi"] / r["anggaran"] * 100 if pd.notna(r["anggaran"]) and r["anggaran"] else None
        check = by_path.get(str(r["jalur"]))
        unprinted = r["tingkat"] == "total" and pd.isna(r["baris_raw"])  # the pipeline's sum, not the report's
        label = t("total_dihitung", lang) if unprinted else r["uraian"]
        rows.append([r["jalur"], _level(r["tingkat"], lang), label, r["sumber_dana"] or "",
                     fmt.rupiah(r["anggaran"], lang) + (mark if pd.notna(r["anggaran"]) else ""),
                     fmt.rupiah(r["realisasi"], lang) + (mark if pd.notna(r["realisasi"]) else ""),
                     fmt.teks(str(check["reported"]), lang) if check is not None else fmt.MISSING,
                     fmt.persen(pct, 2, lang),
                     t(f"status_{check['status']}", lang) if check is not None else ""])
    header = [t("rincian", lang), t("tingkat", lang), t("uraian", lang), t("sumber_dana", lang), t("pagu", lang),
              t("realisasi_anggaran", lang), t("persen_tercetak", lang), t("persen_dihitung", lang),
              t("status", lang)]
    return _tables(_table(header, rows, "wide", t("cap_rincian", lang)))
