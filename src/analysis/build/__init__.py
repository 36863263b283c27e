"""The build: every agency-year's notebooks run by papermill, exported to HTML and PDF, incrementally.

``fingerprint`` decides what to rebuild, ``kernel`` and ``engine`` run the notebooks, ``browser`` prints
PDFs, ``worker`` keeps kernel and browser per process, ``index`` writes ``reports/index.html`` and
``runner`` puts them together (``build_one``, ``build_all``). Importing this package imports nothing heavy.
"""
