"""The reconciliation section of the report: findings first, printed beside recomputed, matches counted and listed.

Each finding shows the printed figure and the recomputed one only when they are the same quantity (else
"—" and the standard recomputation in the explanation); the matches appear as a count per table of the
report, and in full in :func:`reconciliation_appendix` (collapsed on screen, the PDF's appendix).
"""
from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from ..reconcile.rounding import figure_decimals
from ..reconcile.status import STATUS_ORDER, equal_as_printed
from . import fmt
from .labels import t
from .render import render, sentence
from .sections import _table, _text, _why, status_label


def _unit(printed) -> str:
    """The unit a figure is printed in: ``"%"``, ``"rp"`` (rupiah) or ``""``."""
    text = str(printed).lower()
    return "%" if "%" in text else ("rp" if "rp" in text else "")


def _number(x, decimals: int, unit: str, lang: str, plus: bool = False) -> str:
    """``x`` in the report's number style: locale separators, ``decimals`` places, a true minus sign (``−``),
    ``+`` for a positive change when ``plus``; rupiah whole; ``unit`` ``%`` after a non-breaking space."""
    if fmt.missing(x):
        return fmt.MISSING
    if unit == "rp":
        return ("−" if round(x) < 0 else "") + fmt.rupiah(abs(x), lang)
    body = fmt.angka(abs(x), decimals, lang)
    zero = not any(ch in "123456789" for ch in body)  # −0,00 prints as 0,00
    sign = "" if zero else ("−" if x < 0 else ("+" if plus and x > 0 else ""))
    return f"{sign}{body}" + (f"{fmt.NBSP}%" if unit == "%" else "")


def _decimals(r) -> int:
    """The printed figure's decimals, as the reconciliation judged it (``0,0189`` shows four, not none)."""
    v = r.get("reported_value")
    return figure_decimals(r["reported"], None if fmt.missing(v) else v)


def _change(r) -> bool:
    """A change figure (relative or in points): its sign is part of it, ``+`` included."""
    return r.get("besaran") in ("perubahan", "kemajuan")


def _printed(r, lang) -> str:
    """The printed figure as read (its sign included), in the report's style at the printed precision;
    a textual figure (a grade, a category) as printed."""
    v = r.get("reported_value")
    if fmt.missing(v):
        return _text(r["reported"])
    return _number(v, 0 if abs(v) >= 100_000 else _decimals(r), _unit(r["reported"]), lang, plus=_change(r))


def _same_quantity(r) -> bool:
    """Whether the row's ``recomputed`` (the primary, standard recomputation) is the quantity the report printed.

    ``method``: the printed figure is another quantity (a difference in percentage points printed as a change
    in %, a plain mean printed for a weighted one, the overall figure printed for a sasaran), which only the
    method the explanation names reproduces; ``not_comparable``: the same when the standard recomputation does
    not reproduce the figure. Every other status compares the same quantity (a wrong figure is still the same
    quantity)."""
    if r["status"] == "method":
        return False
    if r["status"] == "not_comparable":
        v, rep, d = r["recomputed"], r.get("reported_value"), _decimals(r)
        if fmt.missing(v) or fmt.missing(rep):
            return False
        return bool(equal_as_printed(v, rep, d) or equal_as_printed(v, rep, d, truncated=True))
    return True


def _recomputed_value(r, lang, decimals: int | None = None) -> str:
    """The standard recomputation in the printed figure's unit: two decimals more than printed (``decimals`` if
    given), as printed when it is a whole number (a count), whole rupiah for amounts."""
    v = r["recomputed"]
    if fmt.missing(v):
        return fmt.MISSING
    d = _decimals(r) + 2 if decimals is None else decimals
    if abs(v) >= 100_000 or float(v).is_integer():
        d = 0 if abs(v) >= 100_000 else _decimals(r)
    return _number(v, d, _unit(r["reported"]), lang, plus=_change(r))


def _recomputed(r, lang) -> str:
    """The recomputed value beside the printed one — only when it is the same quantity; else the em dash."""
    return _recomputed_value(r, lang) if _same_quantity(r) else fmt.MISSING


def _explained(r, lang):
    """The explanation; where the printed figure is another quantity than the standard recomputation, that
    recomputation is named after it, apart from the side-by-side columns."""
    why = _why(r, lang)
    if _same_quantity(r) or fmt.missing(r["recomputed"]):
        return why
    return Markup("{} <span class=\"recon-standard\">{}</span>").format(
        why, sentence("rekonsiliasi_standar", lang, nilai=_recomputed_value(r, lang, 2)))


def _titles(rec) -> pd.Series:
    """Each row's table as the report titles it (its section), else the title of another row from the same
    file, else the file name."""
    sec = rec["section"] if "section" in rec else pd.Series("", index=rec.index)
    sec = sec.fillna("").astype(str).str.strip()
    known = {tb: s for tb, s in zip(rec["tabel"], sec, strict=True) if s}
    return pd.Series([s or known.get(tb, tb) for tb, s in zip(rec["tabel"], sec, strict=True)], index=rec.index)


def _first_line(x) -> float:
    digits = "".join(ch if ch.isdigit() else " " for ch in str(x)).split()
    return float(digits[0]) if digits else float("inf")


def _ordered(rec):
    """Non-match rows first (findings first, as :data:`STATUS_ORDER`), then by table title and source line."""
    rec = rec.assign(_title=_titles(rec), _o=rec["status"].map(STATUS_ORDER).fillna(len(STATUS_ORDER)),
                     _line=rec["baris_sumber"].map(_first_line))
    return rec.sort_values(["_o", "_line"], kind="stable")


def reconciliation_section(rec, lang) -> str:
    """Findings first, each with its printed and recomputed value of the same quantity; the matches as a
    count per table of the report (their full list is :func:`reconciliation_appendix`)."""
    rec = _ordered(rec)
    found, matched = rec[rec["status"] != "match"], rec[rec["status"] == "match"]
    rows = [{"check": _text(r["check"]), "title": _text(r["_title"]), "line": _text(fmt.lines(r["baris_sumber"])),
             "printed": _printed(r, lang),
             "recomputed": _recomputed(r, lang), "status": status_label(r["status"], lang),
             "why": _explained(r, lang)} for _, r in found.iterrows()]
    by_title = matched.groupby("_title", sort=False).agg(n=("status", "size"), line=("_line", "min"))
    by_title = by_title.sort_values("line", kind="stable")
    counts = _table([t("rekonsiliasi_tabel_laporan", lang), t("rekonsiliasi_jumlah_cocok", lang)],
                    [[title, int(n)] for title, n in by_title["n"].items()]
                    + ([["Total", len(matched)]] if len(by_title) > 1 else []), "recon-counts")
    return render("reconciliation.html", part="section", lang=lang, n_found=len(found), n_match=len(matched),
                  findings=rows, counts=counts if len(matched) else None)


def reconciliation_appendix(rec, lang) -> str:
    """The full list of matching figures, grouped by table of the report, at the end of the report: collapsed
    (``<details>``) on screen, open in print (the PDF's appendix). Empty when nothing matched."""
    rec = _ordered(rec)
    matched = rec[rec["status"] == "match"]
    if not len(matched):
        return ""
    order = matched.groupby("_title", sort=False)["_line"].min().sort_values(kind="stable").index
    groups = [{"title": title, "rows": [{"check": _text(r["check"]), "line": _text(fmt.lines(r["baris_sumber"])),
                                         "printed": _printed(r, lang), "recomputed": _recomputed(r, lang)}
                                        for _, r in matched[matched["_title"] == title]
                                        .sort_values("_line", kind="stable").iterrows()]}
              for title in order]
    return render("reconciliation.html", part="appendix", lang=lang, n_match=len(matched), groups=groups)
