"""Problems found in input data, collected so that one run reports all of them at once."""
from __future__ import annotations

from dataclasses import dataclass, field


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

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", line {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        value = "" if self.value is None else f": value {self.value!r}"
        return f"{where}{value} -> expected {self.expected}"


class DataError(ValueError):
    """Raised with every problem found in one input; ``str()`` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        lines = [f"{n} problem{'s' if n != 1 else ''} in the input data:"]
        lines += [f"  - {p}" for p in self.problems]
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
