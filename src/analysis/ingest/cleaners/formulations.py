"""Cleaner of ``formulasi_iku``: each indicator's definition as this report states it (the IKU table's *formulasi /
cara pengukuran*), checked against the definition declared for the report's year (:mod:`analysis.ingest.stated`)."""
from __future__ import annotations

from ...errors import Warning_
from ...indicators.capaian import POLARITIES
from ..definitions import definition_for
from ..stated import COMPUTED_FIELDS, STATED_FIELDS, differences, stated_frame


def _printed(value) -> str:
    return "" if value is None or value != value else (f"{value:g}" if isinstance(value, float) else str(value))


def formulasi_iku(ctx, t, cells):
    """One row per indicator: pembilang, penyebut, faktor, satuan, polaritas as printed (any may be empty, not
    all), the sentence and its line."""
    out = []
    declared_label = f"{ctx.agency}/definisi_indikator.csv"
    for r in t.rows:
        code = ctx.indicator_code(cells, r, "indikator")
        stated = {"pembilang": r["pembilang"].strip(), "penyebut": r["penyebut"].strip(),
                  "faktor": cells.number(r, "faktor") if r["faktor"].strip() else None,
                  "satuan": r["satuan"].strip(),
                  "polaritas": cells.choice(r, "polaritas", POLARITIES, required=False) or ""}
        kalimat = cells.text(r, "kalimat")
        if not any(r[f].strip() for f in STATED_FIELDS):
            cells.bad(r, "pembilang", "the definition as the report states it: at least one of "
                                      + ", ".join(STATED_FIELDS))
        d = definition_for(ctx.definitions, code, ctx.year) if code else None
        for f in differences(d, stated) if d is not None else []:
            where = (f"{declared_label} line {int(d['baris_raw'])}, column '{f}' ('{_printed(d[f])}', version "
                     f"{int(d['versi'])} of {code}, valid in {ctx.year})")
            if f in COMPUTED_FIELDS:  # the report's own values are read and recomputed by the declared one
                cells.bad(r, f, f"the {f} of {where}, by which this report's values are read and recomputed; if "
                                f"the definition changed, declare a version from {ctx.year} there")
            else:  # wording: no figure is computed from it; a change between reports becomes a break
                ctx.warnings.append(Warning_(t.label, (
                    f"line {r['_line']}, column '{f}': the report states {code}'s {f} as '{stated[f]}' where "
                    f"{where} words it otherwise; the series compares each report's statement, so a change "
                    "between reports is a break found in their text (declare it to name it)")))
        out.append({"kode_indikator": code, **stated, "kalimat": kalimat, "baris_sumber": r["baris_sumber"],
                    "baris_raw": r["_line"]})
    return {"formulasi_iku": stated_frame(out)}, []
