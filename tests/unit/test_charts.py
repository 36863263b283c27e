"""Each chart draws from small hand-made tables; the SVG names the chart in a <title>; text from the data
(a ``$`` in a programme name) is drawn as text, never parsed as mathtext."""
import matplotlib.pyplot as plt
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
    assert {"id": "108,6\u00a0%", "en": "108.6\u00a0%"}[lang] in texts(capaian)  # bar labels in the report language
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
