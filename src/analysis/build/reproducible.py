"""A printed PDF made reproducible: the same report gives the same bytes, whenever and after whatever it printed.

Chromium writes two things that are not the report's: the second it printed (``/CreationDate``,
``/ModDate``), and, in a tagged PDF, structure element IDs (``(node00002920)``) taken from the renderer's
node counter, which keeps counting across every page the browser printed before. So the same report printed
by another worker, or after other reports, differed in those bytes only. :func:`reproducible_pdf` sets the
dates to the build date (the one on the report's footer: ``SOURCE_DATE_EPOCH`` when set) and renumbers the
IDs 1, 2, … in their order (the ID tree stays sorted). Every rewrite keeps the number of bytes, so the
cross-reference offsets stay right; a PDF whose dates or IDs are not in the expected form is left as it is.

Standard library only.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

#: a date of the information dictionary as Chromium (Skia) writes it: ``/CreationDate (D:20261130035802+00'00')``
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14}[-+Z][^)]{0,8})\)")
#: a structure element ID, a PDF string: ``(node00002920)``
_NODE_ID = re.compile(rb"\(node(\d+)\)")


def pin_dates(data: bytes, day: str) -> bytes:
    """``data`` with its creation and modification dates set to ``day`` (ISO), 00:00 UTC."""
    found = list(_DATE.finditer(data))
    stamp = date.fromisoformat(day).strftime("%Y%m%d").encode() + b"000000+00'00'"
    if not found or any(len(m[2]) != len(stamp) for m in found):
        return data
    return _DATE.sub(lambda m: b"/" + m[1] + b" (D:" + stamp + b")", data)


def renumber_ids(data: bytes) -> bytes:
    """``data`` with its structure element IDs numbered 1, 2, … in their numeric order, each as wide as before
    (all must be equally wide: the ID tree is sorted as text)."""
    numbers = {m[1] for m in _NODE_ID.finditer(data)}
    if not numbers or len({len(n) for n in numbers}) != 1:
        return data
    width = len(next(iter(numbers)))
    new = {n: str(rank).zfill(width).encode() for rank, n in enumerate(sorted(numbers, key=int), 1)}
    return _NODE_ID.sub(lambda m: b"(node" + new[m[1]] + b")", data)


def reproducible_pdf(path: Path, day: str) -> bool:
    """Rewrite the PDF at ``path`` as described in the module (atomically); returns whether it changed."""
    pdf = Path(path)
    data = pdf.read_bytes()
    fixed = renumber_ids(pin_dates(data, day))
    if fixed == data:
        return False
    from ..atomic import write_bytes
    write_bytes(pdf, fixed)
    return True
