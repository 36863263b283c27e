"""Problems found in input data, collected so that one run reports all of them at once."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

#: characters that look like an ASCII one but are not: named in a message so the analyst knows what to retype
LOOK_ALIKES = {"\u2212": ("a unicode minus", "-"), "\u2013": ("an en dash", "-"), "\u2014": ("an em dash", "-"),
               "\u2010": ("a unicode hyphen", "-"), "\u2011": ("a non-breaking hyphen", "-"),
               "\u00a0": ("a no-break space", " "), "\u202f": ("a narrow no-break space", " "),
               "\u2009": ("a thin space", " "), "\u200b": ("a zero-width space", ""),
               "\ufeff": ("a byte-order mark", ""),
               "\u066b": ("an Arabic decimal separator", ","), "\u2018": ("a curly quote", "'"),
               "\u2019": ("a curly quote", "'")}


def shown(value: str) -> str:
    """``value`` quoted, every non-ASCII character that is not a letter escaped (``'\\u221280,29%'``), so a
    look-alike never prints the same as the character it imitates."""
    out = []
    for ch in value:
        if ch.isascii() and ch.isprintable():
            out.append("\\" + ch if ch in "\\'" else ch)
        elif not ch.isascii() and unicodedata.category(ch).startswith("L"):
            out.append(ch)  # a letter of another script is itself (Indonesian names are ASCII anyway)
        elif ch.isascii():
            out.append(ch.encode("unicode_escape").decode("ascii"))  # \t, \x01
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return "'" + "".join(out) + "'"


def look_alike_hint(value: str) -> str:
    """``" (a unicode minus: type '-')"`` for every look-alike character in ``value``; empty when there is none."""
    hints = []
    for ch in dict.fromkeys(value):
        if ch in LOOK_ALIKES:
            name, ascii_ = LOOK_ALIKES[ch]
            hints.append(f"{name}: type '{ascii_}'" if ascii_ else f"{name}: delete it")
    return f" ({'; '.join(hints)})" if hints else ""


@dataclass(frozen=True)
class Problem:
    """One bad cell (or row, or file): where it is, what it holds, what was expected.

    ``row`` is the line number in the CSV file (the header is line 1), so an analyst can open
    the file and go straight to it. ``None`` means the problem concerns the whole file/column.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str
    #: in a workbook: ``Sheet!E7`` (a cell, with its formula when it has one), ``Sheet!7:7`` (a row) or ``Sheet``
    cell: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.cell is not None:
            sheet, bang, ref = self.cell.partition("!")
            row_only = ":" in ref.split(" ")[0]
            where += (f", sheet '{sheet}'" if not bang else
                      f", row {ref.split(':')[0]} of sheet '{sheet}'" if row_only else f", cell {self.cell}")
        elif self.row is not None:
            where += f", line {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        value = "" if self.value is None else f": value {shown(self.value)}{look_alike_hint(self.value)}"
        return f"{where}{value} -> expected {self.expected}"


class DataError(ValueError):
    """Raised with every problem found in one input; ``str()`` lists them all."""

    def __init__(self, problems: list[Problem], note: str | None = None):
        self.problems = list(problems)
        #: what was not checked because these problems stop the run first (None: everything was checked)
        self.note = note
        n = len(self.problems)
        lines = [f"{n} problem{'s' if n != 1 else ''} in the input data:"]
        lines += [f"  - {p}" for p in self.problems]
        if note:
            lines.append(f"  (not checked yet: {note})")
        super().__init__("\n".join(lines))


@dataclass
class Collector:
    """Gathers problems while a table is checked; ``raise_if_any`` stops the run with all of them."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, row: int | None, column: str | None, value, expected: str) -> None:
        self.problems.append(Problem(file, row, column, None if value is None else str(value), expected))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)


@dataclass(frozen=True)
class Warning_:
    """A legitimately odd input that was accepted; the report shows it."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"
