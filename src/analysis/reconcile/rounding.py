"""The one rounding rule: half-up on the printed (shortest decimal) form of a number, as printed reports round.

A float is rounded as the decimal its ``repr`` shows — ``2.675`` is 2,675, not the binary 2,67499999… —
half away from zero (``-2.5`` -> ``-3``, symmetric for negatives), to ``decimals`` places. :func:`truncate`
cuts instead (towards zero), for reports that truncate.

Both work on a scalar (a float back; NaN for None/NaN) and on an array or Series (a float64 ndarray back).
The scalar path is the rule itself (:mod:`decimal` on ``repr``); the vectorised path gives exactly the
same floats with numpy (see :func:`_vectorised`) and is what the batch of thousands of agency-years uses.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal

import numpy as np

# wide enough to quantize any finite float to any sensible number of decimals without InvalidOperation
_CONTEXT = Context(prec=400)
# below this many units of the last printed place, a half point (10·n − 5) / 10^(d+1) has at most 15
# significant digits, so the float nearest to it is the float whose shortest repr it is (see _vectorised)
_EXACT_LIMIT = 1e14


def printed_decimals(text: str) -> int:
    """Decimals as printed: '5,87 %' -> 2, '128' -> 0, '12.151.893.026' -> 0, '93.6' (en) -> 1."""
    t = re.sub(r"[^0-9.,]", "", str(text))
    if re.search(r",\d{1,2}$", t) and not re.search(r",\d{3}$", t):
        return len(t.rsplit(",", 1)[1])
    if re.search(r"\.\d{1,2}$", t) and "," not in t and t.count(".") == 1:
        return len(t.rsplit(".", 1)[1])
    return 0


def figure_decimals(text: str, value=None) -> int:
    """Decimals of a printed figure: as its text reads (:func:`printed_decimals`), or more where the value read
    from it has more — the style tells ('1,060' in id style is 1.06: 2; '0,0189' is 0.0189: 4, where the text
    alone suggests a thousands separator or none)."""
    d = printed_decimals(text)
    if value is None or value != value:  # None, NaN or NA
        return d
    shortest = repr(float(value))
    return max(d, 0 if "e" in shortest or shortest.endswith(".0") else len(shortest.split(".")[1]))


def decimals_as_printed(figures, besaran: str, table: str, subjects) -> list:
    """For each of ``subjects``, the decimals its figure ``besaran`` was printed with in ``table`` (its first
    printing, :func:`figure_decimals`); None where ``figures`` (``reported_figures``) has no such printing."""
    found: dict = {}
    if figures is not None and len(figures):
        f = figures[(figures["besaran"] == besaran) & (figures["tabel"] == table)]
        for subject, text, value in zip(f["subjek"], f["teks"], f["nilai"], strict=True):
            found.setdefault(subject, figure_decimals(text, value))
    return [found.get(s) for s in subjects]


def round_half_up(value, decimals: int = 0):
    """``value`` rounded half-up (away from zero) to ``decimals`` places, on its printed decimal form."""
    return _apply(value, decimals, ROUND_HALF_UP)


def truncate(value, decimals: int = 0):
    """``value`` cut (towards zero) to ``decimals`` places, on its printed decimal form."""
    return _apply(value, decimals, ROUND_DOWN)


def decimal_rule(value, decimals: int, mode=ROUND_HALF_UP) -> float:
    """The rule on one number: ``Decimal(repr(value))`` quantized with ``mode``. NaN stays NaN, ±inf stays."""
    if value is None:
        return float("nan")
    x = float(value)
    if not np.isfinite(x):
        return x
    q = Decimal(1).scaleb(-int(decimals))
    return float(Decimal(repr(x)).quantize(q, rounding=mode, context=_CONTEXT))


def _apply(value, decimals, mode):
    if np.ndim(value) == 0 and np.ndim(decimals) == 0:
        try:
            missing = value is None or bool(np.isnan(value))
        except TypeError:  # pd.NA
            missing = True
        return float("nan") if missing else decimal_rule(value, decimals, mode)
    return _vectorised(value, decimals, mode)


def _vectorised(value, decimals, mode) -> np.ndarray:
    """The same floats as :func:`decimal_rule`, element-wise, without a Python loop.

    With ``a = |x|`` and ``f = 10^d``: a first guess ``n`` of the result in units of the last place comes
    from ``a·f``; it can be one off only next to a boundary (a half point ``(2n ± 1) / 2f`` for half-up,
    an integer point ``n / f`` or ``(n + 1) / f`` for truncation). Each boundary ``B`` is computed as one
    correctly rounded division of exact integers, i.e. as ``float(B)``. Rounding to nearest is monotonic,
    so ``a < float(B)`` means the printed decimal is below ``B`` and ``a > float(B)`` above it; ``a ==
    float(B)`` means the printed decimal *is* ``B`` when ``B`` has at most 15 significant digits (two
    distinct decimals that short never map to the same float). Larger values, where that bound fails, are
    rare and go through :func:`decimal_rule` one by one.
    """
    x = np.asarray(value, dtype="float64")
    d = np.broadcast_to(np.asarray(decimals, dtype="int64"), x.shape)
    f = 10.0 ** d
    a = np.abs(x)
    with np.errstate(invalid="ignore", over="ignore"):
        y = a * f
        exact = np.isfinite(y) & (y < _EXACT_LIMIT)
        ys = np.where(exact, y, 0.0)
        if mode == ROUND_HALF_UP:
            n = np.floor(ys + 0.5)
            lower = (2 * n - 1) / (2 * f)  # the half point below n
            upper = (2 * n + 1) / (2 * f)  # the half point above n: reaching it rounds up
            n = n - (a < lower) + (a >= upper)
        else:
            n = np.floor(ys)
            n = n - (a < n / f) + (a >= (n + 1) / f)
        out = np.copysign(n / f, x)
    out = np.where(exact, out, x)  # NaN and ±inf stay as they are
    big = np.isfinite(x) & ~exact
    if big.any():
        out = out.copy()
        out[big] = [decimal_rule(v, k, mode) for v, k in zip(x[big], d[big], strict=True)]
    return out
