"""lkj-analytics: checked numbers from Indonesian LKj (Laporan Kinerja) reports.

The flow, one module per step:

    data/raw/<agency>/<year>/*.csv   (cells as printed)
      -> raw.py, numbers.py, tables.py      read and parse, every problem named
      -> clean.py                           tidy, typed, validated tables (data/processed)
      -> capaian.py, anggaran.py            IKU capaian, serapan, efisiensi
      -> rekonsiliasi.py                    every reported figure vs its recomputation
      -> tren.py                            versioned definitions, series breaks, honest trends
      -> laporan.py, build.py               papermill notebooks -> HTML/PDF reports

Importing this package is cheap on purpose: the CLI's --help and the no-op rebuild
check must not pay for pandas.
"""

__version__ = "0.1.0"
