"""The reconciliation in words: each check named by its quantity and subject, each table by the report's own
title, each explanation with its numbers in the report's style and no identifier of the pipeline. The processed
table (``reconciliation``) is left as it is; the report shows this copy."""
from __future__ import annotations

import re

import pandas as pd

from . import fmt
from . import vocabulary as vocab

_EN_TERMS = [(re.compile(r"\bIKU\b"), "KPI"), (re.compile(r"\bcapaian\b"), "achievement"),
             (re.compile(r"\bsasaran\b"), "goal")]
_IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def explain(text, lang: str) -> str:
    """An explanation of the reconciliation as the reader gets it: its numbers in the report's style
    (:func:`fmt.teks`), identifiers as words, and in English the Indonesian terms translated."""
    if fmt.missing(text) or not text:
        return ""
    out = fmt.teks(str(text), lang)
    out = _IDENTIFIER.sub(lambda m: vocab.words(m.group(0)), out)
    if lang == "en":
        for pattern, word in _EN_TERMS:
            out = pattern.sub(word, out)
    return out


def table_titles(tables_read) -> dict[str, str]:
    """Raw table name -> the report's own title of that table (``judul_tabel``; its section when the title
    says little)."""
    out = {}
    for r in tables_read or []:
        title = str(r.get("judul_tabel") or "").strip()
        if sum(ch.isalpha() for ch in title) < 8:
            title = str(r.get("bagian") or "").strip()
        name = r.get("tabel") or str(r.get("berkas", "")).removesuffix(".csv")
        out[name] = title or vocab.words(name)
        out[str(r.get("berkas", "")).removesuffix(".csv")] = out[name]  # a check may name the file
    return out


def programme_names(budget) -> dict:
    rows = budget[budget["program_no"].notna() & budget["nama"].notna()] if "nama" in budget else budget.iloc[0:0]
    return {int(no): name for no, name in zip(rows["program_no"], rows["nama"], strict=True)}


def readable_reconciliation(rec, lang: str, iku=None, budget=None, tables_read=None, lines=None) -> pd.DataFrame:
    """The reconciliation as readers get it: each check named by its quantity and subject (:func:`vocab.check_label`,
    indicators and programmes by name), each table by the report's own title, each explanation through
    :func:`explain`. The processed table is left as it is."""
    names = dict(zip(iku["kode_indikator"], iku["nama"], strict=True)) if iku is not None else {}
    if lines is not None:  # budget lines (anggaran_rinci) by their printed label
        names.update({f"rincian {j}": u for j, u in zip(lines["jalur"], lines["uraian"], strict=True)})
    progs = programme_names(budget) if budget is not None else {}
    titles = table_titles(tables_read)
    out = rec.copy()
    if {"besaran", "subjek", "tahun"} <= set(out.columns):
        base = out["tahun_dasar"] if "tahun_dasar" in out else pd.Series(pd.NA, index=out.index)
        out["check"] = [vocab.check_label(b, s, a, y, lang, names, progs)
                        for b, s, a, y in zip(out["besaran"], out["subjek"], base, out["tahun"], strict=True)]
    if "tabel" in out:
        out["tabel"] = [titles.get(x, vocab.words(x)) if isinstance(x, str) else x for x in out["tabel"]]
    if "reported" in out and lang == "en":  # a printed category, in English
        out["reported"] = [vocab.category(x, lang) for x in out["reported"]]
    for col in ("penjelasan", "explanation"):
        if col in out:
            out[col] = [explain(x, "id" if col == "penjelasan" else "en") for x in out[col]]
    return out
