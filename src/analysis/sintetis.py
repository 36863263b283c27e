"""``python -m analysis.sintetis``: write the national synthetic set (SYNTHETIC data, for the roll-up's tests and
benchmarks); the generator itself is :mod:`analysis.synthetic_national`, re-exported here under the name the
issue uses."""
from __future__ import annotations

import argparse
import sys

from .synthetic_national import NATIONAL, Rates, generate, slug

__all__ = ["NATIONAL", "Rates", "generate", "slug", "main"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m analysis.sintetis",
                                description="Write SYNTHETIC processed tables for many agencies x years (never real "
                                            "reports): every agency-year is marked sintetis = ya; planted.csv lists "
                                            "the printed errors planted on purpose.")
    p.add_argument("root", help="folder to write (a processed root: <root>/<agency>/<year>/)")
    p.add_argument("--agencies", type=int, default=550)
    p.add_argument("--years", default="2020-2024", help="first-last (default 2020-2024)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--error-rate", type=float, default=Rates.error_rate,
                   help=f"printed errors per checkable printed figure (default {Rates.error_rate})")
    args = p.parse_args(argv)
    first, _, last = args.years.partition("-")
    years = range(int(first), int(last or first) + 1)
    planted = generate(args.root, args.agencies, years, args.seed, rates=Rates(error_rate=args.error_rate))
    print(f"{args.agencies} synthetic agencies x {len(years)} years under {args.root}; {len(planted)} printed "
          "errors planted (planted.csv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
