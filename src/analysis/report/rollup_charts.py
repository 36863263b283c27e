"""Charts of the national roll-up: achievement per shared indicator (one box per definition), and absorption
against achievement per agency; the style of :mod:`.charts` (sizes, colours, labels in the report language)."""
from __future__ import annotations

import pandas as pd

from .charts import A4_WIDTH_IN, PALETTE, _pct_axis, _wrap, plt
from .labels import t


def capaian_boxes(iku: pd.DataFrame, year: int, lang: str = "id", min_agencies: int = 2):
    """One box of recomputed capaian per indicator definition shared by ``min_agencies`` agencies in ``year``;
    ``None`` when there is none."""
    d = iku[(iku["tahun"] == year) & iku["capaian"].notna()]
    shared = [g for _, g in d.groupby(["kode_indikator", "variant"]) if g["agency"].nunique() >= min_agencies]
    several = pd.Series([g["kode_indikator"].iloc[0] for g in shared]).value_counts()
    # one code, several definitions: each box says its formula
    groups = [(g["nama"].iloc[0] + (f" ({g['rumus'].iloc[0]})" if several[g["kode_indikator"].iloc[0]] > 1 else ""),
               g["capaian"].to_numpy()) for g in shared]
    if not groups:
        return None
    groups.sort(key=lambda x: x[0])
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, 0.6 * len(groups) + 1.2))
    ax.boxplot([v for _, v in groups], vert=False, widths=0.5, patch_artist=True,
               boxprops={"facecolor": "#cfe3f1", "edgecolor": PALETTE["blue"]},
               medianprops={"color": PALETTE["vermillion"]}, flierprops={"markersize": 3})
    ax.set_yticks(range(1, len(groups) + 1), [_wrap(n, 34, 3) for n, _ in groups])
    ax.axvline(100, color=PALETTE["black"], linewidth=0.8, linestyle="--")
    _pct_axis(ax, lang, "x")
    ax.set_title(t("ru_grafik_capaian", lang).format(tahun=year), loc="left", y=1.0)
    fig.tight_layout()
    return fig


def absorption_scatter(agency_years: pd.DataFrame, year: int, lang: str = "id"):
    """Weighted absorption (x) against mean capaian (y), one point per agency in ``year``; ``None`` when no agency
    has both."""
    d = agency_years[(agency_years["tahun"] == year)].dropna(subset=["serapan", "capaian_rata_rata"])
    if d.empty:
        return None
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, 4.2))
    ax.scatter(d["serapan"], d["capaian_rata_rata"], s=12, color=PALETTE["blue"], alpha=0.7, linewidths=0)
    ax.axhline(100, color=PALETTE["black"], linewidth=0.8, linestyle="--")
    _pct_axis(ax, lang, "x")
    _pct_axis(ax, lang, "y")
    ax.set_xlabel(t("ru_sumbu_serapan", lang))
    ax.set_ylabel(t("ru_sumbu_capaian", lang))
    ax.set_title(t("ru_grafik_serapan", lang).format(tahun=year), loc="left", y=1.0)
    fig.tight_layout()
    return fig
