"""The report languages a build writes, and the file names of each language's report and results workbook.

Indonesian is the report's own language and keeps the plain names (``report.html``, ``report.pdf``,
``index.html``, ``hasil.xlsx``); every other language adds its code before the suffix (``report.en.html``,
``hasil.en.xlsx``). The processed tables do not depend on the language: one run of notebooks 01-03 serves every
language, notebook 04 is run once per language.
"""
from __future__ import annotations

#: every report language, the default one first
LANGUAGES = ("id", "en")
#: what ``--lang`` accepts: one language, or ``both``
CHOICES = (*LANGUAGES, "both")


def languages(choice: str) -> tuple[str, ...]:
    """The languages ``--lang choice`` builds, in :data:`LANGUAGES` order."""
    if choice == "both":
        return LANGUAGES
    if choice not in LANGUAGES:
        raise ValueError(f"unknown report language {choice!r}; expected one of {', '.join(CHOICES)}")
    return (choice,)


def file_name(stem: str, lang: str, suffix: str) -> str:
    """``report``, ``en``, ``.html`` -> ``report.en.html``; Indonesian keeps the plain name."""
    return f"{stem}{suffix}" if lang == LANGUAGES[0] else f"{stem}.{lang}{suffix}"


def workbook_file(lang: str) -> str:
    """The results workbook in ``lang``: ``hasil.xlsx``, ``hasil.en.xlsx``."""
    return file_name("hasil", lang, ".xlsx")


def report_files(lang: str) -> tuple[str, str]:
    """The HTML and PDF file names of the report in ``lang``."""
    return file_name("report", lang, ".html"), file_name("report", lang, ".pdf")
