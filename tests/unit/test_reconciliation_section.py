"""The reconciliation section on the seed's reconciliation (tests/golden): findings first, each printed figure
beside a recomputation of the same quantity, the matches only counted (their list is the appendix)."""
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.reconcile.rounding import printed_decimals, round_half_up
from analysis.reconcile.status import STATUS_ORDER
from analysis.report import reconciliation, sections
from analysis.report.labels import t

GOLDEN = Path(__file__).parents[1] / "golden" / "kalbar-diskumkm-2024" / "reconciliation.csv"


@pytest.fixture(scope="module")
def rec() -> pd.DataFrame:
    df = pd.read_csv(GOLDEN, dtype={"baris_sumber": str, "section": str}, keep_default_na=False,
                     na_values={"reported_value": [""], "recomputed": [""], "difference": [""]})
    # the CSV copy neutralises formula-like text with a leading quote; the Parquet the report reads has none
    df["reported"] = df["reported"].str.removeprefix("'")
    return df


def rows_of(html: str, cls: str) -> list[list[str]]:
    """The body rows of the table of class ``cls``, cells as text (markup removed)."""
    table = re.search(rf'<table class="{cls}">(.*?)</table>', html, flags=re.S).group(1)
    body = re.findall(r"<tbody[^>]*>(.*?)</tbody>", table, flags=re.S)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", "".join(body), flags=re.S)
    return [[re.sub(r"<[^>]+>", " ", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, flags=re.S)]
            for r in rows]


def finding(rows, check: str) -> list[str]:
    return next(r for r in rows if r[0].startswith(check + " "))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_findings_first_and_no_match_outside_the_summary_and_the_appendix(rec, lang):
    html = reconciliation.reconciliation_section(rec, lang)
    found = rows_of(html, "wide recon")
    n_match = int((rec["status"] == "match").sum())
    assert len(found) == int((rec["status"] != "match").sum()) == 20
    labels = [r[3] for r in found]
    assert sections.status_label("match", lang) not in labels
    order = {sections.status_label(s, lang): o for s, o in STATUS_ORDER.items()}
    assert [order[x] for x in labels] == sorted(order[x] for x in labels)  # findings, most serious first
    # the matches: a count per table of the report, by its title (never a file name), adding up
    counts = rows_of(html, "recon-counts")
    assert counts[-1] == ["Total", str(n_match)]
    assert sum(int(n) for _, n in counts[:-1]) == n_match
    titles = [title for title, _ in counts[:-1]]
    assert "BAB III.B Realisasi Anggaran" in titles and not any("_" in x for x in titles)
    # ... listed in full only in the appendix, collapsed on screen
    appendix = reconciliation.reconciliation_appendix(rec, lang)
    assert '<details class="recon-appendix">' in appendix and 'id="lampiran-rekonsiliasi"' in appendix
    assert t("rekonsiliasi_lampiran", lang) in appendix
    listed = [r for r in rows_of(appendix, "wide recon-matches") if len(r) == 4]
    assert len(listed) == n_match
    assert reconciliation.reconciliation_appendix(rec[rec["status"] != "match"], lang) == ""


def test_printed_beside_the_recomputation_of_the_same_quantity(rec):
    found = rows_of(reconciliation.reconciliation_section(rec, "id"), "wide recon")
    # UKNK: "0,25%" is a difference in percentage points; the relative change (+312,5 %) is another quantity
    for check, printed, standard in [("perubahan UKNK 2022→2023", "+0,25\u00a0%", "+312,50\u00a0%"),
                                     ("perubahan UKNK 2023→2024", "−0,25\u00a0%", "−75,82\u00a0%"),
                                     ("perubahan KB 2022→2023", "−0,46\u00a0%", "−1,54\u00a0%"),
                                     ("perubahan KB 2023→2024", "−23,46\u00a0%", "−79,98\u00a0%")]:
        row = finding(found, check)
        assert row[1:3] == [printed, "—"], row
        assert "poin persentase" in row[4] and f"metode standar: {standard}." in row[4], row
    # KB 2022→2024 is a relative change, and so is its recomputation: side by side, two decimals more
    assert finding(found, "kemajuan KB 2022→2024")[1:3] == ["−80,29\u00a0%", "−80,2919\u00a0%"]
    # a rounding is the same quantity: capaian from the components beside the printed 100
    assert finding(found, "capaian UKNK 2024")[1:3] == ["100", "99,75"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_recomputation_shown_is_the_printed_quantity_in_the_report_style(rec, lang):
    """Wherever a recomputed number stands beside a printed one, rounding it as printed comes within the
    difference a rounding or a wrong figure can make — never the gap between two quantities (312,5 vs 0,25)."""
    html = reconciliation.reconciliation_section(rec, lang) + reconciliation.reconciliation_appendix(rec, lang)
    cells = rows_of(html, "wide recon") + [r[1:] for r in rows_of(html, "wide recon-matches") if len(r) == 4]
    dec = "," if lang == "id" else "."

    def number(s):
        return float(re.sub(r"[^\d−" + dec + "]", "", s).replace(dec, ".").replace("−", "-"))

    shown = 0
    for row in cells:
        printed, recomputed = row[1], row[2]
        assert "-" not in printed + recomputed  # the minus sign is '−'
        if recomputed == "—" or not re.search(r"\d", printed):
            continue
        p, r = number(printed), number(recomputed)
        assert abs(round_half_up(r, printed_decimals(printed)) - p) <= max(1.0, abs(p) * 0.01), row
        shown += 1
    assert shown > 60


def test_a_section_without_matches_or_findings():
    rec = pd.DataFrame({"check": ["serapan APBD 2024"], "section": ["BAB III.B"], "tabel": ["realisasi_anggaran"],
                        "baris_sumber": ["12"], "besaran": ["serapan"], "reported": ["96,17"],
                        "reported_value": [96.17], "recomputed": [96.1665], "status": ["match"],
                        "explanation": [""], "penjelasan": [""]})
    html = reconciliation.reconciliation_section(rec, "id")
    assert "recon counts" not in html and 'class="wide recon"' not in html
    assert rows_of(html, "recon-counts") == [["BAB III.B", "1"]]
    assert rows_of(reconciliation.reconciliation_appendix(rec, "id"), "wide recon-matches")[1] == [
        "serapan APBD 2024", "12", "96,17", "96,1665"]
    rec["status"] = "mismatch"
    html = reconciliation.reconciliation_section(rec, "en")
    assert "recon-counts" not in html and rows_of(html, "wide recon")[0][1:4] == ["96.17", "96.1665", "mismatch"]
