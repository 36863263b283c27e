"""Row keys: what identifies a row of each table kind, and the check that no two rows share one.

A row pasted twice would otherwise count twice (a budget summed twice, an efficiency changed). A key is
checked on what the cleaner made of the rows (indicator codes, programme numbers, names compared without
case or numbering), so two spellings of one indicator are one key; the message shows both rows as printed.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import Collector
from .cells import normalise_name
from .raw import RawTable


@dataclass(frozen=True)
class Key:
    """The key of a table kind.

    ``frame``: the cleaner's output table whose ``columns`` make the key, or None for the reported figures
    the table states (tables that only state figures); ``printed``: the raw columns that show the key as
    printed; ``what``: what one row is, for the message."""

    columns: tuple[str, ...]
    printed: tuple[str, ...]
    what: str
    frame: str | None = None


def key_value(value) -> object:
    """One key cell, compared as the reader would: text without case, numbering or punctuation; missing as None."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return normalise_name(value)
    return value if isinstance(value, int | float) else str(value)


def check_key(key: Key, records: list[dict], t: RawTable, col: Collector) -> None:
    """Two rows of ``t`` with one key: a problem on the later row naming the earlier one, both keys as printed.

    ``records`` are the cleaner's rows (each with ``baris_raw``); rows with a problem already recorded are not
    compared (their key may be a bad cell's None), nor are several records of one raw row (long tables)."""
    bad_lines = {p.row for p in col.problems if p.file == t.label}
    raw = {r["_line"]: r for r in t.rows}
    first: dict[tuple, int] = {}
    reported = set()
    for rec in records:
        if pd.isna(rec["baris_raw"]):  # a row the table does not print (a computed total) has no key
            continue
        line = int(rec["baris_raw"])
        if line in bad_lines:
            continue
        k = tuple(key_value(rec[c]) for c in key.columns)
        seen = first.setdefault(k, line)
        if seen == line or (seen, line) in reported:
            continue
        reported.add((seen, line))
        named = ", ".join(f"{c} {rec[c]}" for c in key.columns if c not in key.printed)
        col.add(t.label, line, key.printed[0], printed_key(key, raw[line]),
                f"each {key.what} once: line {seen} has the same key ({printed_key(key, raw[seen])}"
                f"{'; ' + named if named else ''}), a duplicated row would count twice")


def printed_key(key: Key, row: dict) -> str:
    """The key cells of a raw row as printed, joined by ' / '."""
    return " / ".join(row.get(c, "") for c in key.printed)
