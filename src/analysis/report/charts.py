"""Charts (matplotlib), sized for an A4 page, labelled in the report language, units on the axes.

Series charts never join points of different definition versions: each version is its own line, and
a break is drawn as a dashed vertical line labelled with both definitions.
"""
from __future__ import annotations

import sys
import textwrap

import matplotlib

if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")  # outside Jupyter there is no display; inside, the inline backend shows figures
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

from . import fmt
from .labels import t

A4_WIDTH_IN = 6.8
COLORS = ["#1f5f8b", "#d1495b", "#edae49", "#00798c", "#66a182"]
# Titles are placed with y=1.0: an explicit position spares matplotlib's search for overlaps with a top
# axis (these charts have none), a third of each chart's drawing time.
plt.rcParams.update({"font.size": 9, "axes.spines.top": False, "axes.spines.right": False,
                     "svg.hashsalt": "lkj-analytics", "figure.dpi": 100,
                     # text as <text>, not glyph outlines: a third of the size, faster to draw and to
                     # print, searchable and selectable in the HTML and the PDF
                     "svg.fonttype": "none",
                     # names from the data are text: a programme called "Dana $A$ dan $B" must not be
                     # read as mathtext (a parse error, or dollars silently dropped)
                     "text.parse_math": False})


def _pct_axis(ax, lang, axis="y"):
    f = FuncFormatter(lambda v, _: fmt.angka(v, 0 if abs(v) >= 10 or v == 0 else 1, lang))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(f)


def capaian_chart(iku: pd.DataFrame, lang: str = "id"):
    df = iku.assign(_c=iku["capaian_komponen"].fillna(iku["capaian"]))
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, 0.6 + 0.5 * len(df)))
    y = range(len(df))
    ax.barh(list(y), df["_c"], color=[COLORS[0] if v >= 100 else COLORS[1] for v in df["_c"]])
    ax.axvline(100, color="black", lw=1, ls="--")
    ax.set_yticks(list(y), [textwrap.shorten(n, 45) for n in df["nama"]])
    for yi, v in zip(y, df["_c"], strict=True):
        ax.text(v, yi, " " + fmt.persen(v, 1, lang), va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(t("sumbu_capaian", lang))
    ax.set_title(t("grafik_capaian", lang), loc="left", y=1.0)
    ax.set_xlim(0, max(110, df["_c"].max() * 1.15))
    _pct_axis(ax, lang, "x")
    fig.tight_layout()
    return fig


def serapan_chart(budget: pd.DataFrame, lang: str = "id", threshold: float = 90):
    df = budget[(budget["tingkat"] == "program_sumber_dana") & budget["serapan"].notna()]
    labels = [f"{r['program_no']}. {textwrap.shorten(str(r['nama']), 34)} ({r['sumber_dana']})"
              for _, r in df.iterrows()]
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, 0.6 + 0.32 * len(df)))
    ax.barh(labels, df["serapan"], color=[COLORS[0] if v >= threshold else COLORS[2] for v in df["serapan"]])
    ax.axvline(threshold, color="black", lw=1, ls="--")
    ax.text(threshold, -0.9, f" {fmt.angka(threshold, 0, lang)} %", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 105)
    ax.set_xlabel(t("sumbu_persen", lang))
    ax.set_title(t("grafik_serapan", lang), loc="left", y=1.0)
    _pct_axis(ax, lang, "x")
    fig.tight_layout()
    return fig


def series_chart(trends: pd.DataFrame, breaks: pd.DataFrame, code: str, name: str, lang: str = "id",
                 national: float | None = None):
    """One indicator over the years: a line per definition version, the break labelled, targets as x."""
    df = trends[trends["kode_indikator"] == code].sort_values("tahun")
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, 3.2))
    graded = df["predikat"].notna().any()
    for i, (v, g) in enumerate(df.groupby("versi", sort=True)):
        ax.plot(g["tahun"], g["realisasi_tepat"], marker="o", color=COLORS[i % len(COLORS)],
                label=f"{t('versi', lang)} {v}")
        for _, r in g.iterrows():
            txt = (f"{r['predikat']} ({fmt.angka(r['realisasi_tepat'], 1, lang)})" if graded
                   else fmt.persen(r["realisasi_tepat"], 2, lang))
            ax.annotate(txt, (r["tahun"], r["realisasi_tepat"]), textcoords="offset points", xytext=(0, 7),
                        ha="center", fontsize=8)
    if "target" in df and df["target"].notna().any():
        tg = df[df["target"].notna()]
        ax.scatter(tg["tahun"], tg["target"], marker="x", color="black", zorder=3, label=t("target", lang))
    if national is not None:
        ax.axhline(national, color=COLORS[3], ls=":", lw=1.2, label=f"{t('target_nasional', lang)} "
                                                                  f"{fmt.persen(national, 0, lang)}")
    lo, hi = ax.get_ylim()
    top = hi * 1.7 if hi > 0 else hi + 1
    ax.set_ylim(min(0, lo), top)
    for _, b in breaks[(breaks["kode_indikator"] == code) & (breaks["jenis"] == "perubahan_rumus")].iterrows():
        x = b["tahun_pertama_baru"] - 0.5
        ax.axvline(x, color="grey", ls="--", lw=1)
        note = (f"{t('putus_seri', lang)} ({b['tahun_pertama_baru']})\n"
                + textwrap.fill(f"v{b['versi_lama']}: {textwrap.shorten(b['definisi_lama'], 90)}", 48) + "\n"
                + textwrap.fill(f"v{b['versi_baru']}: {textwrap.shorten(b['definisi_baru'], 90)}", 48))
        ax.text(x, top * 0.98, note, fontsize=6.5, va="top", ha="right",
                bbox={"facecolor": "white", "edgecolor": "grey", "alpha": 0.95, "pad": 2})
    ax.set_xticks(sorted(df["tahun"].unique()))
    ax.set_xlabel(t("tahun", lang))
    ax.set_ylabel(t("sumbu_skor", lang) if graded else t("sumbu_persen", lang))
    _pct_axis(ax, lang)
    ax.set_title(textwrap.shorten(name, 70), loc="left", y=1.0)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    fig.tight_layout()
    return fig


def national_chart(gaps: pd.DataFrame, names: dict[str, str], lang: str = "id"):
    df = gaps[gaps["jenis_target"] == "nasional"]
    if not len(df):
        return None
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, 0.9 + 0.6 * len(df)))
    labels = [textwrap.shorten(names.get(c, c), 40) for c in df["kode_indikator"]]
    y = list(range(len(df)))
    ax.barh([i - 0.18 for i in y], df["realisasi"], height=0.35, color=COLORS[0], label=t("realisasi", lang))
    ax.barh([i + 0.18 for i in y], df["target"], height=0.35, color=COLORS[3], label=t("target_nasional", lang))
    for i, (_, r) in zip(y, df.iterrows(), strict=True):
        ax.text(r["realisasi"], i - 0.18, " " + fmt.persen(r["realisasi"], 2, lang), va="center", fontsize=8)
        ax.text(r["target"], i + 0.18, " " + fmt.persen(r["target"], 0, lang), va="center", fontsize=8)
    ax.set_yticks(y, labels)
    ax.set_xlabel(t("sumbu_persen", lang))
    ax.set_xlim(0, max(df["target"].max(), df["realisasi"].max()) * 1.3)
    ax.set_title(t("grafik_nasional", lang), loc="left", y=1.0)
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))  # never over a bar
    _pct_axis(ax, lang, "x")
    fig.tight_layout()
    return fig


def trend_charts(tables: dict[str, pd.DataFrame], lang: str = "id") -> list:
    """Every chart of the trends section, as SVG display objects: one series chart per indicator (with its
    national target where one is stated), then the national-target chart when there is one.

    Needs the processed ``trends``, ``breaks``, ``iku`` and ``gaps`` tables; ``target_nasional`` is optional.
    """
    iku, trends, breaks = tables["iku"], tables["trends"], tables["breaks"]
    names = dict(zip(iku["kode_indikator"], iku["nama"], strict=True))
    national = tables.get("target_nasional")
    out = []
    for code in trends["kode_indikator"].unique():
        nat = national.loc[national["kode_indikator"] == code, "target"] if national is not None else []
        out.append(svg(series_chart, trends, breaks, code, names.get(code, code), lang,
                       national=float(nat.iloc[0]) if len(nat) else None))
    out.append(svg(national_chart, tables["gaps"], names, lang))
    return [c for c in out if c is not None]


_SVG_CACHE: dict[str, str] = {}


def _key(func, args, kwargs) -> str:
    import hashlib
    import pickle

    h = hashlib.sha256(func.__name__.encode())
    for a in list(args) + sorted(kwargs.items()):
        if isinstance(a, tuple) and len(a) == 2 and isinstance(a[0], str):  # a keyword argument
            h.update(a[0].encode())
            a = a[1]
        if isinstance(a, pd.DataFrame):
            h.update(pd.util.hash_pandas_object(a, index=True).to_numpy().tobytes())
            h.update(repr(list(a.columns)).encode())
        else:
            h.update(pickle.dumps(a))
    return h.hexdigest()


def svg(func, *args, **kwargs):
    """The chart ``func(*args, **kwargs)`` as an SVG display object.

    Rendered once per kernel and input: notebooks 02, 03 and the report draw the same charts, and a build
    runs them all in one kernel. ``None`` when ``func`` draws nothing.
    """
    from IPython.display import SVG

    key = _key(func, args, kwargs)
    if key not in _SVG_CACHE:
        fig = func(*args, **kwargs)
        if fig is None:
            return None
        import io

        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        title = " — ".join(t for t in (ax.get_title(loc="left") for ax in fig.axes) if t)
        plt.close(fig)
        text = buf.getvalue()
        if title:  # a <title> names the chart for screen readers; the HTML export copies it to alt
            from html import escape
            end = text.index(">", text.index("<svg")) + 1
            text = text[:end] + f"<title>{escape(title)}</title>" + text[end:]
        _SVG_CACHE[key] = text
    return SVG(_SVG_CACHE[key])
