"""Each chart draws from small hand-made tables; the SVG names the chart in a <title>; text from the data
(a ``$`` in a programme name) is drawn as text, never parsed as mathtext. Readability: colours at least 3:1
against white, every text at least 8 pt and inside the figure (1 to 40 rows), value labels crossing no
reference line and no other label, a legend for each colour that means something, axes fitted to the data."""
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from frames import tables
from matplotlib.figure import Figure

from analysis.report import charts


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(fig) -> list[str]:
    return [x.get_text().strip() for ax in fig.axes for x in ax.texts + ax.get_yticklabels()] + \
           [ax.get_title(loc="left") for ax in fig.axes]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_chart_returns_a_figure(lang):
    d = tables()
    figs = [charts.capaian_chart(d["iku"], lang), charts.serapan_chart(d["budget"], lang),
            charts.series_chart(d["trends"], d["breaks"], "SEHAT", "Persentase Koperasi Sehat", lang, national=5.0),
            charts.series_chart(d["trends"], d["breaks"], "SAKIP", "Nilai SAKIP", lang),
            charts.national_chart(d["gaps"], {"SEHAT": "Persentase Koperasi Sehat"}, lang)]
    assert all(isinstance(f, Figure) for f in figs)
    capaian = figs[0]
    assert len(capaian.axes[0].patches) == 2  # one bar per IKU
    # bar labels in the report language, rounded as in the tables (2 decimals)
    assert {"id": "108,57\u00a0%", "en": "108.57\u00a0%"}[lang] in texts(capaian)
    assert len(figs[1].axes[0].patches) == 2  # one bar per programme and funding source
    assert len(figs[2].axes[0].get_lines()) >= 2  # a line per definition version (and the break)


def test_national_chart_is_none_without_national_targets():
    d = tables()
    assert charts.national_chart(d["gaps"].assign(jenis_target="renstra"), {}, "id") is None


def test_svg_has_a_title_and_is_cached():
    d = tables()
    out = charts.svg(charts.capaian_chart, d["iku"], "en")
    text = out.data
    assert text.lstrip().startswith("<?xml") or "<svg" in text[:500]
    head = text[text.index("<svg"):]
    assert head[head.index(">") + 1:].startswith("<title>KPI achievement against target (100 %)</title>")
    cached = len(charts._SVG_CACHE)
    assert charts.svg(charts.capaian_chart, d["iku"], "en").data == text
    assert len(charts._SVG_CACHE) == cached  # drawn once per input


def test_svg_title_is_escaped():
    d = tables()
    out = charts.svg(charts.series_chart, d["trends"], d["breaks"], "SEHAT", "<b>&</b>", "id").data
    assert "<title>&lt;b&gt;&amp;&lt;/b&gt;</title>" in out


def test_trend_charts_one_per_indicator_and_the_national_chart():
    got = charts.trend_charts(tables(), "id")
    assert len(got) == 3
    assert all("<title>" in c.data for c in got)


def test_an_indicator_of_an_earlier_report_only_is_named_and_measured_by_its_definition():
    # joined from an earlier report and no longer measured: not in this year's IKU table; its chart takes the
    # name and the unit (a count here: no %) of its latest definition, not its code and a default %
    d = tables()
    d["trends"] = pd.concat([d["trends"], pd.DataFrame({
        "kode_indikator": ["AIR"], "tahun": [2022], "versi": [1], "predikat": [None], "realisasi": [5.0],
        "realisasi_tepat": [5.0], "target": [5.0]})], ignore_index=True)
    d["definisi_indikator"] = pd.concat([d["definisi_indikator"], pd.DataFrame({
        "kode_indikator": ["AIR"], "versi": [1], "berlaku_dari": [2019], "nama": ["Status mutu air"],
        "satuan": ["sumber air"]})], ignore_index=True)
    got = [c.data for c in charts.trend_charts(d, "en")]
    air = next(c for c in got if "<title>Status mutu air</title>" in c)
    assert "5\u00a0sumber air" in air and "%" not in air.split("</title>", 1)[1]


@pytest.mark.parametrize("name", ["Dana $\\frac{1}{ dan $x^", "Program $A$ dan $B$", "Biaya $5 juta", "$$"])
def test_dollar_in_a_programme_name_is_drawn_as_text(name):
    d = tables(name)
    fig = charts.serapan_chart(d["budget"], "id")
    fig.canvas.draw()  # mathtext would be parsed (and fail) here
    labels = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert any("$" in label for label in labels)
    fig = charts.capaian_chart(d["iku"], "id")
    fig.canvas.draw()
    out = charts.svg(charts.series_chart, d["trends"], d["breaks"], "SEHAT", name, "id").data
    assert "$" in out


def luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted([luminance(a), luminance(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", sorted(charts.PALETTE))
def test_every_colour_is_at_least_3_to_1_against_white(name):
    assert contrast(charts.PALETTE[name], "#FFFFFF") >= 3.0  # WCAG 2.1 SC 1.4.11, graphical objects


def test_chart_colours_come_from_the_palette():
    used = {charts.MET, charts.NOT_MET, charts.REFERENCE, charts.BREAK, charts.NATIONAL_TARGET,
            *charts.VERSION_COLORS}
    assert used <= set(charts.PALETTE.values())
    assert charts.MET != charts.NOT_MET


def all_texts(fig):
    """Every visible text artist of the figure (ticks, labels, titles, annotations, legends, notes)."""
    from matplotlib.text import Text
    undrawn = set()  # tick labels outside the axis' range, which matplotlib keeps but does not draw
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            undrawn |= {id(x) for tk in axis.get_major_ticks() if not lo - 1e-9 <= tk.get_loc() <= hi + 1e-9
                        for x in (tk.label1, tk.label2)}
    return [x for x in fig.findobj(Text) if x.get_visible() and x.get_text().strip() and id(x) not in undrawn]


def assert_readable(fig):
    """Every text at least 8 pt and wholly inside the figure."""
    r = fig.canvas.get_renderer()
    fig.draw(r)
    box = fig.bbox
    for x in all_texts(fig):
        assert x.get_fontsize() >= 8, (x.get_text(), x.get_fontsize())
        bb = x.get_window_extent(r)
        assert box.x0 - 0.5 <= bb.x0 and bb.x1 <= box.x1 + 0.5, ("clipped left/right", x.get_text())
        assert box.y0 - 0.5 <= bb.y0 and bb.y1 <= box.y1 + 0.5, ("clipped top/bottom", x.get_text())


def many(n: int, long_name: bool = True) -> dict:
    d = tables()
    name = ("Program Peningkatan Kapasitas dan Pemberdayaan Koperasi, Usaha Kecil dan Menengah "
            "serta Pengawasan Simpan Pinjam" if long_name else "P")
    budget = pd.DataFrame({"tingkat": ["program_sumber_dana"] * n, "program_no": list(range(1, n + 1)),
                           "nama": [f"{name} {i}" for i in range(n)], "sumber_dana": ["DAU"] * n,
                           "serapan": [60 + (i * 7) % 41 for i in range(n)]})
    iku = pd.concat([d["iku"]] * n, ignore_index=True).iloc[:n]
    iku = iku.assign(nama=[f"{name} {i}" for i in range(n)], capaian_komponen=[80 + (i * 3) % 45 for i in range(n)])
    return {"budget": budget, "iku": iku}


@pytest.mark.parametrize("n", [1, 2, 12, 40])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_bar_charts_with_1_to_40_rows_are_readable(n, lang):
    d = many(n)
    for fig in (charts.serapan_chart(d["budget"], lang), charts.capaian_chart(d["iku"], lang)):
        assert len(fig.axes[0].get_yticklabels()) == n
        assert_readable(fig)
        assert fig.get_figheight() <= charts.MAX_HEIGHT_IN  # fits an A4 page, legend included
        plt.close(fig)


def test_the_absorption_chart_grows_with_its_programmes():
    heights = [charts.serapan_chart(many(n)["budget"], "id").get_figheight() for n in (1, 10, 20)]
    assert heights[0] < heights[1] < heights[2]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_chart_is_readable(lang):
    d = tables()
    for fig in [charts.capaian_chart(d["iku"], lang), charts.serapan_chart(d["budget"], lang),
                charts.series_chart(d["trends"], d["breaks"], "SEHAT", "Persentase Koperasi Sehat", lang,
                                    national=5.0),
                charts.series_chart(d["trends"], d["breaks"], "SAKIP", "Nilai SAKIP", lang),
                charts.national_chart(d["gaps"], {"SEHAT": "Persentase Koperasi Sehat"}, lang)]:
        assert_readable(fig)


def reference_lines(ax):
    """x of the vertical and y of the horizontal reference lines, in pixels."""
    xs, ys = [], []
    for line in ax.get_lines():
        x, y = line.get_xdata(), line.get_ydata()
        if line.get_transform() == ax.get_xaxis_transform() or (len(set(x)) == 1 and len(x) == 2):
            xs.append(ax.transData.transform((x[0], 0))[0])
        elif line.get_transform() == ax.get_yaxis_transform() or (len(set(y)) == 1 and len(y) == 2):
            ys.append(ax.transData.transform((0, y[0]))[1])
    return xs, ys


def assert_labels_clear(fig, lines=True):
    """Value labels cross no reference line, no other label, and stay inside the plot."""
    ax = fig.axes[0]
    r = fig.canvas.get_renderer()
    fig.draw(r)
    boxes = [a.get_window_extent(r) for a in ax.texts]
    assert boxes
    xs, ys = reference_lines(ax)
    assert bool(xs or ys) == lines
    for i, b in enumerate(boxes):
        assert not any(b.x0 - 1 <= x <= b.x1 + 1 for x in xs), ax.texts[i].get_text()
        assert not any(b.y0 - 1 <= y <= b.y1 + 1 for y in ys), ax.texts[i].get_text()
        assert ax.bbox.x0 <= b.x0 and b.x1 <= ax.bbox.x1 + 0.5 and ax.bbox.y0 <= b.y0 and b.y1 <= ax.bbox.y1 + 0.5
        for c in boxes[:i]:
            assert not (b.x0 < c.x1 and c.x0 < b.x1 and b.y0 < c.y1 and c.y0 < b.y1)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_value_labels_cross_no_line_and_no_other_label(lang):
    d = tables()
    # like the seed: one IKU just under 100 % (its label would sit on the target line), one far above
    iku = d["iku"].assign(capaian_komponen=[128.47, 99.75])
    fig = charts.capaian_chart(iku, lang)
    assert {"id": "99,75\u00a0%", "en": "99.75\u00a0%"}[lang] in texts(fig)  # as in the tables, not 99,8
    assert_labels_clear(fig)
    budget = d["budget"].assign(serapan=[88.9, 99.99, 90, 90, 90])  # 88,90 % would cross the 90 % line
    assert_labels_clear(charts.serapan_chart(budget, lang))
    # a point just under the national target line (5,87 % under 10 %), and one on it
    trends = d["trends"].assign(realisasi_tepat=[9.2, 5.87, 10.0, 89.4])
    assert_labels_clear(charts.series_chart(trends, d["breaks"], "SEHAT", "x", lang, national=10.0))
    assert_labels_clear(charts.series_chart(trends, d["breaks"], "SAKIP", "x", lang), lines=False)


def legend_texts(fig) -> list[str]:
    return [x.get_text() for leg in fig.legends + [a.get_legend() for a in fig.axes if a.get_legend()]
            for x in leg.get_texts()]


def test_a_legend_names_each_colour_that_means_something():
    d = tables()
    iku = d["iku"].assign(capaian_komponen=[128.47, 99.75])
    assert legend_texts(charts.capaian_chart(iku, "en")) == ["target met (≥ 100 %)", "target not met (< 100 %)",
                                                           "target (100 %)"]
    assert legend_texts(charts.serapan_chart(d["budget"], "id")) == ["serapan ≥ 90 %", "serapan < 90 %",
                                                                   "batas 90 %"]
    assert legend_texts(charts.national_chart(d["gaps"], {}, "en")) == ["Actual", "National target"]
    got = legend_texts(charts.series_chart(d["trends"], d["breaks"], "SEHAT", "x", "en", national=5.0))
    assert got == ["Definition version 1", "Definition version 2", "Target", "National target 5.00\u00a0%",
                   "formula changed (2023)"]


def test_axes_fit_the_data_and_the_scale():
    d = tables()
    sakip = charts.series_chart(d["trends"], d["breaks"], "SAKIP", "Nilai SAKIP", "id").axes[0]
    assert sakip.get_ylim() == (0, 100)  # a score from 0 to 100
    sehat = charts.series_chart(d["trends"], d["breaks"], "SEHAT", "x", "id", national=5.0).axes[0]
    assert sehat.get_ylim()[0] == 0 and 15.07 < sehat.get_ylim()[1] <= 15.07 * 1.3
    cap = charts.capaian_chart(d["iku"], "id").axes[0]
    assert cap.get_xlim()[0] == 0 and 108.57 < cap.get_xlim()[1] <= 108.57 * 1.3


def test_the_break_note_is_below_the_plot_at_8_pt():
    d = tables()
    fig = charts.series_chart(d["trends"], d["breaks"], "SEHAT", "x", "id")
    notes = [x for x in fig.texts if "v1:" in x.get_text()]
    assert len(notes) == 1 and notes[0].get_fontsize() >= 8
    r = fig.canvas.get_renderer()
    assert notes[0].get_window_extent(r).y1 < fig.axes[0].get_window_extent(r).y0


def test_tick_labels_keep_the_decimals_they_need():
    d = tables()
    ax = charts.series_chart(d["trends"], d["breaks"], "SEHAT", "x", "en").axes[0]
    ax.figure.canvas.draw()
    for tick, v in zip(ax.get_yticklabels(), ax.get_yticks(), strict=True):
        assert float(tick.get_text().replace(",", "")) == pytest.approx(v)


def test_svg_cache_keeps_the_latest_charts_only(monkeypatch):
    from analysis.report import chart_svg

    d = tables()
    monkeypatch.setattr(chart_svg, "SVG_CACHE_SIZE", 2)
    chart_svg._SVG_CACHE.clear()
    first = charts.svg(charts.capaian_chart, d["iku"], "id").data
    charts.svg(charts.capaian_chart, d["iku"], "en")
    charts.svg(charts.serapan_chart, d["budget"], "id")
    assert len(chart_svg._SVG_CACHE) == 2  # the oldest (the first chart) went
    assert charts.svg(charts.capaian_chart, d["iku"], "id").data == first  # drawn again, the same


@pytest.mark.parametrize("draw", ["capaian", "serapan", "series"])
def test_svg_is_what_a_plain_savefig_gives(draw):
    """svg() prints without the unseen draw savefig makes first on a laid-out figure: the same bytes."""
    import io
    import re

    import matplotlib.pyplot as plt

    from analysis.report import chart_svg

    d = tables()
    func, args = {"capaian": (charts.capaian_chart, (d["iku"], "en")),
                  "serapan": (charts.serapan_chart, (d["budget"], "id")),
                  "series": (charts.series_chart, (d["trends"], d["breaks"], "SEHAT", "Sehat", "id"))}[draw]
    chart_svg._SVG_CACHE.clear()
    charts.svg(func, *args)
    (got,) = chart_svg._SVG_CACHE.values()  # the text as printed (the display object drops the XML header)
    fig = func(*args)
    assert fig.get_layout_engine() is not None  # laid out: savefig alone would draw twice
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    assert re.sub(r"<title>[^<]*</title>", "", got, count=1) == buf.getvalue()
