"""Regenerate the golden outputs of the seed: ``python tests/golden/_make.py PROCESSED_DIR REPORT_HTML``.

Run it only when a change is meant to change the seed's figures, and review the diff it makes: the golden
files are what the restructuring of 2026-11 promised to keep (tests/e2e/test_golden.py compares).
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent


def report_numbers(html: str) -> list[str]:
    """Every number a reader sees in the report's text (charts and markup left out), in order; not the
    footer's, which says when and from what the report was built (version, commit, fingerprint, date)."""
    text = re.sub(r"<svg.*?</svg>|<style.*?</style>|<footer.*?</footer>|data:image[^\"]*", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.findall(r"\d[\d.,]*", text)


def main(processed: str, report_html: str) -> None:
    out = HERE / "kalbar-diskumkm-2024"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    for p in sorted(Path(processed).glob("*.csv")):
        shutil.copy(p, out / p.name)
    nums = report_numbers(Path(report_html).read_text(encoding="utf-8"))
    (HERE / "report_numbers.txt").write_text("\n".join(nums) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
