"""Screenshots of the seed's report (Indonesian and English) and of reports/index.html, at 390 px (a phone,
mobile emulation) and 1280 px (a laptop), into docs/screenshots/: ``make screenshots`` (see docs/README.md).

The seed is built afresh in a temporary folder (``python -m analysis build --no-pdf``, once per language) from
data/raw/, so the pictures show what the code of the working tree produces, not an older reports/ folder.
The browser is Debian's chromium driven by Playwright, as for the PDF (:mod:`analysis.report.pdf`); requests
other than the local files are refused. Each picture is the first screens of the page (not the whole page; the
reconciliation's from its heading), reduced to 128 colours, so that the committed PNGs stay small.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis.report.pdf import CHROMIUM_FLAGS, PdfUnavailable, chromium_path  # noqa: E402

SEED = ("kalbar-diskumkm", "2024")
#: (name, viewport width, viewport height, mobile emulation, screens kept)
SIZES = [("390", 390, 844, True, 3), ("1280", 1280, 800, False, 2)]


def build(work: Path) -> Path:
    """The seed built into ``work`` in both languages (``report.html``, ``report.en.html``); returns its reports
    folder."""
    reports = work / "reports"
    cmd = [sys.executable, "-m", "analysis", "build", "--agency", SEED[0], "--year", SEED[1], "--no-pdf",
           "--force", "--lang", "both", "--raw-root", str(ROOT / "data" / "raw"),
           "--processed-root", str(work / "processed"), "--reports-root", str(reports)]
    subprocess.run(cmd, check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return reports


def shoot(pages: dict[str, tuple[Path, str | None]], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if not exe:
        raise PdfUnavailable("screenshots need Debian's chromium: sudo apt-get install chromium")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_FLAGS)
        try:
            for size, width, height, mobile, screens in SIZES:
                ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                          is_mobile=mobile, has_touch=mobile)
                page = ctx.new_page()
                page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                           else route.abort())
                for name, (html, anchor) in pages.items():
                    page.goto(html.resolve().as_uri(), wait_until="load")
                    full = page.evaluate("document.documentElement.scrollHeight")
                    top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top "
                                        "+ window.scrollY - 8") if anchor else 0
                    target = out / f"{name}-{size}.png"
                    page.screenshot(path=str(target), full_page=True,
                                    clip={"x": 0, "y": top, "width": width,
                                          "height": min(full - top, height * screens)})
                    Image.open(target).convert("RGB").quantize(colors=128, dither=Image.Dither.NONE).save(
                        target, optimize=True)
                    written.append(target)
                ctx.close()
        finally:
            browser.close()
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"), help="folder of the PNGs")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lkj-screenshots-") as tmp:
        work = Path(tmp)
        reports = build(work)
        seed = reports / Path(*SEED)
        # (page, element id the picture starts at: None for the top)
        pages = {"report-id": (seed / "report.html", None), "report-en": (seed / "report.en.html", None),
                 "report-id-rekonsiliasi": (seed / "report.html", "rekonsiliasi"),
                 "index": (reports / "index.html", None)}
        for p in shoot(pages, Path(args.out)):
            print(f"{p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}  {p.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
