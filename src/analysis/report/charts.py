"""Charts (matplotlib), sized for an A4 page, labelled in the report language, units on the axes.

Series charts never join points of different definition versions: each version is its own line, and
a break is drawn as a dashed vertical line, named in the legend, with both definitions in a note below.

Readable as printed (A4 width, every text at least 8 pt) and colour-blind safe: Okabe–Ito colours, each
at least 3:1 against white (WCAG 2.1, non-text contrast; tests/unit/test_charts.py computes it). A colour
that means something (target met or not, absorption above or below the threshold) is named in a legend
below the plot; value labels are placed where they cross no reference line, no axis and no other label,
and are rounded as in the report's tables.
"""
from __future__ import annotations

import sys
import textwrap

import matplotlib

if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")  # outside Jupyter there is no display; inside, the inline backend shows figures
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from ..ingest.definitions import latest_of_each
from ..ingest.units import unit_of
from . import fmt
from .chart_svg import _SVG_CACHE, svg  # noqa: F401 (the notebooks call charts.svg)
from .labels import t

A4_WIDTH_IN = 6.8
MAX_HEIGHT_IN = 9.4  # A4 less the page margins of report.css, less a heading
# Okabe–Ito (Okabe & Ito 2008), the members at least 3:1 against white; grey and near-black for references
PALETTE = {"blue": "#0072B2", "vermillion": "#D55E00", "bluish_green": "#009E73", "reddish_purple": "#CC79A7",
           "grey": "#767676", "ink": "#333333", "black": "#000000"}
MET, NOT_MET = PALETTE["blue"], PALETTE["vermillion"]  # target met / not met; absorption >= threshold / below
VERSION_COLORS = [PALETTE["blue"], PALETTE["reddish_purple"], PALETTE["bluish_green"], PALETTE["vermillion"]]
REFERENCE = PALETTE["black"]  # target and threshold lines
BREAK = PALETTE["grey"]  # a change of formula
NATIONAL_TARGET = PALETTE["ink"]
LABEL_PT = 8  # value labels, legends, notes: the smallest text of a chart
PAD_PT = 3  # between a bar's end (or a reference line) and its label
# Titles are placed with y=1.0: an explicit position spares matplotlib's search for overlaps with a top
# axis (these charts have none), a third of each chart's drawing time.
plt.rcParams.update({"font.size": 9, "axes.spines.top": False, "axes.spines.right": False,
                     "svg.hashsalt": "lkj-analytics", "figure.dpi": 100,
                     # text as <text>, not glyph outlines: a third of the size, faster to draw and to
                     # print, searchable and selectable in the HTML and the PDF
                     "svg.fonttype": "none",
                     # names from the data are text: a programme called "Dana $A$ dan $B" must not be
                     # read as mathtext (a parse error, or dollars silently dropped)
                     "text.parse_math": False,
                     "legend.fontsize": LABEL_PT, "xtick.labelsize": 8.5, "ytick.labelsize": 8.5})


class _Pct(matplotlib.ticker.Formatter):
    """Tick labels in the report language, with as many decimals as the tick step needs (0, 2, 4 — not 2,0)."""

    def __init__(self, lang):
        self.lang, self.decimals = lang, 0

    def set_locs(self, locs):
        self.decimals = next((d for d in range(4) if all(abs(round(x, d) - x) < 1e-9 for x in locs)), 4)

    def __call__(self, v, pos=None):
        return fmt.angka(v, self.decimals, self.lang)


def _pct_axis(ax, lang, axis="y"):
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(_Pct(lang))


def _wrap(text: str, width: int, lines: int = 2) -> str:
    """``text`` on at most ``lines`` lines of ``width`` characters, the last one shortened with […]."""
    parts = textwrap.wrap(str(text), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines - 1] + [textwrap.shorten(" ".join(parts[lines - 1:]), width)]
    return "\n".join(parts)


def _rows_height(n: int, per_row: float, base: float, least: float = 0.2) -> tuple[float, float]:
    """Figure height (in) for ``n`` rows, and the height of a row: ``per_row`` each while the chart fits a
    page, less (down to ``least``) when it would not."""
    row = max(least, min(per_row, (MAX_HEIGHT_IN - 0.4 - base) / max(n, 1)))  # 0.4: the legend
    return base + row * max(n, 1), row


def _layout(fig, handles=(), note: str = "", right: float = 1.0):
    """A legend (and a note) under the plot, the figure grown by their height; the plot laid out above.

    Every text is measured, so nothing overlaps; a legend wider than the figure takes more rows. ``right``
    keeps a margin for a tick label at the end of an axis that is extended afterwards.
    """
    r = fig.canvas.get_renderer()
    dpi, width, height = fig.dpi, fig.bbox.width, fig.get_figheight()
    gap = 0.05
    leg = txt = None
    leg_h = note_h = 0.0
    if handles:
        ncol = len(handles)
        while True:
            leg = fig.legend(handles=list(handles), loc="lower center", ncol=ncol, frameon=False,
                             fontsize=LABEL_PT, handlelength=1.6, columnspacing=1.2, borderaxespad=0)
            if ncol == 1 or leg.get_window_extent(r).width <= width * 0.97:
                break
            leg.remove()
            rows = -(-len(handles) // (ncol - 1))
            ncol = -(-len(handles) // rows)  # balanced: 3 + 2, not 4 + 1
        leg_h = leg.get_window_extent(r).height / dpi + gap
    if note:
        chars = int(width * 0.96 / (LABEL_PT * 0.6 * dpi / 72))
        while True:
            body = "\n".join(textwrap.fill(p, chars) for p in note.split("\n"))
            txt = fig.text(0.015, 0, body, fontsize=LABEL_PT, ha="left", va="bottom", color="#333333")
            if chars < 30 or txt.get_window_extent(r).width <= width * 0.97:
                break
            txt.remove()
            chars -= 5
        note_h = txt.get_window_extent(r).height / dpi + gap
    total = height + leg_h + note_h + (gap if handles or note else 0)
    fig.set_figheight(total)
    y = gap / total
    if txt is not None:
        txt.set_y(y)
        y += note_h / total
    if leg is not None:
        leg.set_bbox_to_anchor((0.5, y), transform=fig.transFigure)
        y += leg_h / total
    # twice: the first layout changes the plot's size, and with it the ticks (and their labels' widths)
    fig.tight_layout(rect=(0, y, right, 1), pad=0.4)
    fig.tight_layout(rect=(0, y, right, 1), pad=0.4)


def _bar_labels(ax, xs, ys, texts, refs=()):
    """A label at the end of each horizontal bar, or just right of a reference line it would cross; the
    x axis extended so every label fits inside the plot. Call after the layout is final."""
    fig = ax.figure
    r = fig.canvas.get_renderer()
    pad, clear = PAD_PT * fig.dpi / 72, 2.0
    items = [(x, y, s) for x, y, s in zip(xs, ys, texts, strict=True) if not fmt.missing(x)]
    anns = [ax.annotate(s, (x, y), xytext=(PAD_PT, 0), textcoords="offset points", va="center", ha="left",
                        fontsize=LABEL_PT, annotation_clip=False) for x, y, s in items]
    widths = [a.get_window_extent(r).width for a in anns]
    lo, hi = ax.get_xlim()
    axw = ax.bbox.width
    anchors = [x for x, _, _ in items]
    for _ in range(5):
        ppu = axw / (hi - lo)
        anchors = []
        for (x, _, _), w in zip(items, widths, strict=True):
            a = max(x, lo)
            for ref in sorted(refs):
                start = (a - lo) * ppu + pad
                if start - pad - clear <= (ref - lo) * ppu <= start + w + clear:
                    a = ref
            anchors.append(a)
        need = max((lo + (a - lo) * axw / (axw - pad - w - clear) for a, w in zip(anchors, widths, strict=True)),
                   default=hi)
        if need <= hi + 1e-9:
            break
        hi = need
        ax.set_xlim(lo, hi)
    for ann, a, (_, y, _) in zip(anns, anchors, items, strict=True):
        ann.xy = (a, y)
    return anns


def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _point_labels(ax, points, texts, hlines=(), vlines=(), marks=(), segments=()):
    """A label beside each point (above, below, right or left: the first place that stays inside the plot
    and crosses no other label, reference line, marker or drawn line). Call after the layout is final."""
    from matplotlib.transforms import Bbox

    fig = ax.figure
    r = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    box = ax.bbox
    inner = Bbox.from_extents(box.x0 + 1, box.y0 + 1, box.x1 - 1, box.y1 - 1)
    hpx = [to_px((0, h))[1] for h in hlines]
    vpx = [to_px((v, 0))[0] for v in vlines]
    mark_boxes = [Bbox.from_extents(px - 4, py - 4, px + 4, py + 4) for px, py in (to_px(m) for m in marks)]
    seg_px = [(to_px(a), to_px(b)) for a, b in segments]
    placed = []
    spots = [(0, 6, "center", "bottom"), (0, -6, "center", "top"), (7, 0, "left", "center"),
             (-7, 0, "right", "center")]

    def conflicts(bb):
        n = 0 if inner.contains(bb.x0, bb.y0) and inner.contains(bb.x1, bb.y1) else 10
        n += sum(_overlaps(bb, p) for p in placed) * 3 + sum(_overlaps(bb, m) for m in mark_boxes)
        n += sum(bb.y0 - 1 <= h <= bb.y1 + 1 for h in hpx) + sum(bb.x0 - 1 <= v <= bb.x1 + 1 for v in vpx)
        for (x0, y0), (x1, y1) in seg_px:
            n += any(bb.x0 < x0 + (x1 - x0) * k / 12 < bb.x1 and bb.y0 < y0 + (y1 - y0) * k / 12 < bb.y1
                     for k in range(13))
        return n

    out = []
    for (x, y), s in zip(points, texts, strict=True):
        best = None
        for dx, dy, ha, va in spots:
            ann = ax.annotate(s, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                              fontsize=LABEL_PT, annotation_clip=False)
            bb = ann.get_window_extent(r)
            n = conflicts(bb)
            if best is None or n < best[0]:
                if best is not None:
                    best[1].remove()
                best = (n, ann, bb)
            else:
                ann.remove()
            if n == 0:
                break
        placed.append(best[2])
        out.append(best[1])
    return out


def capaian_chart(iku: pd.DataFrame, lang: str = "id"):
    df = iku.assign(_c=iku["capaian_komponen"].fillna(iku["capaian"]))
    n = len(df)
    height, row = _rows_height(n, 0.5, 1.0)
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, height))
    y = list(range(n))
    met = [not fmt.missing(v) and v >= 100 for v in df["_c"]]
    ax.barh(y, df["_c"].fillna(0), height=0.7, color=[MET if m else NOT_MET for m in met])
    ax.axvline(100, color=REFERENCE, lw=1, ls="--")
    ax.set_yticks(y, [_wrap(nm, 42, 2 if row >= 0.4 else 1) for nm in df["nama"]])
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlabel(t("sumbu_capaian", lang))
    ax.set_title(t("grafik_capaian", lang), loc="left", y=1.0)
    vals = df["_c"].dropna()
    ax.set_xlim(min(0, vals.min() if len(vals) else 0), max(100, vals.max() if len(vals) else 0) * 1.04)
    _pct_axis(ax, lang, "x")
    handles = ([Patch(color=MET, label=t("target_tercapai", lang))] * any(met)
               + [Patch(color=NOT_MET, label=t("target_tidak_tercapai", lang))] * (not all(met))
               + [Line2D([], [], color=REFERENCE, lw=1, ls="--", label=t("garis_target", lang))])
    _layout(fig, handles, right=0.975)
    _bar_labels(ax, df["_c"], y, [fmt.persen(v, 2, lang) for v in df["_c"]], refs=[100])
    return fig


def serapan_chart(budget: pd.DataFrame, lang: str = "id", threshold: float = 90):
    df = budget[(budget["tingkat"] == "program_sumber_dana") & budget["serapan"].notna()]
    n = len(df)
    labels = [f"{fmt.angka(r['program_no'], 0, lang) if not fmt.missing(r['program_no']) else '–'}. "
              f"{textwrap.shorten(str(r['nama']), 36)} ({textwrap.shorten(str(r['sumber_dana']), 16)})"
              for _, r in df.iterrows()]
    height, _ = _rows_height(n, 0.3, 1.0)
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, height))
    y = list(range(n))
    ax.barh(y, df["serapan"], height=0.72, color=[MET if v >= threshold else NOT_MET for v in df["serapan"]])
    ax.axvline(threshold, color=REFERENCE, lw=1, ls="--")
    ax.set_yticks(y, labels)
    ax.set_ylim(max(n, 1) - 0.5, -0.5)
    ax.set_xlim(min(0, df["serapan"].min()) if n else 0, max(threshold, df["serapan"].max() if n else 0) * 1.04)
    ax.set_xlabel(t("sumbu_persen", lang))
    ax.set_title(t("grafik_serapan", lang), loc="left", y=1.0)
    _pct_axis(ax, lang, "x")
    th = fmt.angka(threshold, 0, lang)
    enough = [v >= threshold for v in df["serapan"]]
    handles = ([Patch(color=MET, label=t("serapan_cukup", lang).format(batas=th))] * any(enough)
               + [Patch(color=NOT_MET, label=t("serapan_kurang", lang).format(batas=th))] * (not all(enough))
               + [Line2D([], [], color=REFERENCE, lw=1, ls="--", label=t("garis_serapan", lang).format(batas=th))])
    _layout(fig, handles, right=0.975)
    _bar_labels(ax, df["serapan"], y, [fmt.persen(v, 2, lang) for v in df["serapan"]], refs=[threshold])
    return fig


def series_chart(trends: pd.DataFrame, breaks: pd.DataFrame, code: str, name: str, lang: str = "id",
                 national: float | None = None, satuan: str | None = None):
    """One indicator over the years: a line per version, the break named, targets as x; in unit ``satuan``."""
    df = trends[trends["kode_indikator"] == code].sort_values("tahun")
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, 2.6))
    graded = df["predikat"].notna().any()
    points, texts, segments, handles = [], [], [], []
    for i, (v, g) in enumerate(df.groupby("versi", sort=True)):
        g = g[g["realisasi_tepat"].notna()]
        line, = ax.plot(g["tahun"], g["realisasi_tepat"], marker="os^D"[i % 4], color=VERSION_COLORS[i % 4],
                        label=f"{t('versi', lang)} {v}")
        handles.append(line)
        xy = list(zip(g["tahun"], g["realisasi_tepat"], strict=True))
        segments += list(zip(xy, xy[1:], strict=False))
        for _, r in g.iterrows():
            points.append((r["tahun"], r["realisasi_tepat"]))
            texts.append(f"{r['predikat']} ({fmt.angka(r['realisasi_tepat'], 2, lang)})"
                         if isinstance(r["predikat"], str) else fmt.dalam_satuan(r["realisasi_tepat"], satuan, lang))
    marks = list(points)
    high = [v for _, v in points]
    if "target" in df and df["target"].notna().any():
        tg = df[df["target"].notna()]
        handles.append(ax.scatter(tg["tahun"], tg["target"], marker="x", color=REFERENCE, zorder=3,
                                  label=t("target", lang)))
        marks += list(zip(tg["tahun"], tg["target"], strict=True))
        high += list(tg["target"])
    hlines = []
    if national is not None:
        handles.append(ax.axhline(national, color=REFERENCE, ls=":", lw=1.2,
                                  label=f"{t('target_nasional', lang)} {fmt.dalam_satuan(national, satuan, lang)}"))
        hlines.append(national)
        high.append(national)
    vlines, notes = [], []
    for _, b in breaks[(breaks["kode_indikator"] == code) & (breaks["jenis"] == "perubahan_rumus")].iterrows():
        x = b["tahun_pertama_baru"] - 0.5
        handles.append(ax.axvline(x, color=BREAK, ls="--", lw=1,
                                  label=f"{t('putus_seri', lang)} ({b['tahun_pertama_baru']})"))
        vlines.append(x)
        notes.append(f"{t('putus_seri', lang).capitalize()} ({b['tahun_pertama_baru']}):\n"
                     f"v{b['versi_lama']}: {textwrap.shorten(str(b['definisi_lama']), 220)}\n"
                     f"v{b['versi_baru']}: {textwrap.shorten(str(b['definisi_baru']), 220)}")
    years = sorted(df["tahun"].unique())
    lo = min([0] + high)
    top = max(high) if high else 1
    if graded:  # a score from 0 to 100
        ax.set_ylim(min(0, lo), max(100, top))
    else:
        ax.set_ylim(lo, (top * 1.18 if top > 0 else 1) if lo >= 0 else top + (top - lo) * 0.18)
    if years:
        ax.set_xlim(min(years + vlines) - 0.4, max(years + vlines) + 0.4)
    ax.set_xticks(years)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
    ax.set_xlabel(t("tahun", lang))
    percent = graded or unit_of(satuan or "%").kind == "persen"
    ax.set_ylabel(t("sumbu_skor", lang) if graded else t("sumbu_persen", lang) if percent else str(satuan))
    if percent:  # an index or a count keeps plain numbers on its axis
        _pct_axis(ax, lang)
    ax.set_title(_wrap(name, 80, 2), loc="left", y=1.0)
    _layout(fig, handles, "\n".join(notes))
    _point_labels(ax, points, texts, hlines=hlines, vlines=vlines, marks=marks, segments=segments)
    return fig


def national_chart(gaps: pd.DataFrame, names: dict[str, str], lang: str = "id", units: dict | None = None):
    df, units = gaps[gaps["jenis_target"] == "nasional"], units or {}
    if not len(df):
        return None
    n = len(df)
    height, row = _rows_height(n, 0.6, 1.0, least=0.4)
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, height))
    y = list(range(n))
    ya, yb = [i - 0.19 for i in y], [i + 0.19 for i in y]
    ax.barh(ya, df["realisasi"], height=0.36, color=MET, label=t("realisasi", lang))
    ax.barh(yb, df["target"], height=0.36, color=NATIONAL_TARGET, label=t("target_nasional", lang))
    ax.set_yticks(y, [_wrap(names.get(c, c), 42, 2 if row >= 0.5 else 1) for c in df["kode_indikator"]])
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlabel(t("sumbu_persen", lang))
    ax.set_xlim(0, max(df["target"].max(), df["realisasi"].max()) * 1.04)
    ax.set_title(t("grafik_nasional", lang), loc="left", y=1.0)
    _pct_axis(ax, lang, "x")
    _layout(fig, ax.get_legend_handles_labels()[0], right=0.975)
    _bar_labels(ax, list(df["realisasi"]) + list(df["target"]), ya + yb, [fmt.dalam_satuan(v, units.get(c), lang)
                for col in ("realisasi", "target") for v, c in zip(df[col], df["kode_indikator"], strict=True)])
    return fig


def trend_charts(tables: dict[str, pd.DataFrame], lang: str = "id") -> list:
    """Every chart of the trends section as SVG: one series per indicator (its national target where stated, in its
    unit), then the national-target chart. Needs ``trends``, ``breaks``, ``iku``; ``gaps``, ``target_nasional``
    optional."""
    iku, trends, breaks = tables["iku"], tables["trends"], tables["breaks"]
    # an indicator of an earlier report only (joined from it, no longer measured) is named and measured as its
    # latest definition says; one of this report, as its IKU table does
    defs = tables.get("definisi_indikator")
    names, units = latest_of_each(defs, "nama"), latest_of_each(defs, "satuan")
    names.update(zip(iku["kode_indikator"], iku["nama"], strict=True))
    units.update(zip(iku["kode_indikator"], iku.get("satuan", pd.Series("%", iku.index)), strict=True))
    national = tables.get("target_nasional")
    out = []
    for code in trends["kode_indikator"].unique():
        nat = national.loc[national["kode_indikator"] == code, "target"] if national is not None else []
        out.append(svg(series_chart, trends, breaks, code, names.get(code, code), lang,
                       national=float(nat.iloc[0]) if len(nat) else None, satuan=units.get(code)))
    if "gaps" in tables:  # no medium-term or national target in the report: no gaps table
        out.append(svg(national_chart, tables["gaps"], names, lang, units))
    return [c for c in out if c is not None]
