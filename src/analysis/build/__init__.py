"""The build: every agency-year's notebooks run by papermill, exported to HTML and PDF, incrementally.

``fingerprint`` decides what to rebuild, ``parameters`` reads what each notebook declares and checks
``--param``, ``kernel`` and ``engine`` run the notebooks, ``products`` checks what each one wrote, ``browser`` prints
PDFs, ``worker`` keeps kernel and browser per process, ``languages`` names each language's reports, ``stamp``
says when and from what they were built, ``reproducible`` makes a PDF's bytes independent of when and after
what it printed, ``index`` writes ``reports/index.html`` and ``index.en.html``, and ``runner`` puts them
together (``build_one``, ``build_serial``, ``build_all``); ``pool`` runs them in worker processes (``--jobs``),
``cluster`` and ``dask_worker`` as Dask tasks.
Importing this package imports nothing heavy.
"""
