"""lkj-analytics: checked numbers from Indonesian LKj (Laporan Kinerja) reports.

The tree is the flow, one subpackage per step:

    data/raw/<agency>/<year>/*.csv      the report's tables, cells as printed
      -> ingest/        find and read raw tables, parse cells, clean each table kind, cross-table checks
      -> processed.py   data/processed/<agency>/<year>/: tidy, typed, validated tables
      -> indicators/    IKU capaian by polarity, absorption and efficiency, series and breaks
      -> reconcile/     every printed figure against its recomputation (one rounding rule, one classifier)
      -> report/        labels, number format, sections, charts, HTML and PDF export
      -> build/         fingerprint, kernel, papermill engine, browser, index page, runner
    pipeline.py ties a step to each notebook; cli.py is ``python -m analysis``; config.py holds the
    folders, default scales, limits and the notebook order.

Importing this package is cheap on purpose: the CLI's --help and the no-op rebuild check must not pay
for pandas.
"""

__version__ = "0.1.0"
