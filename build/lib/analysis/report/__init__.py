"""The report readers see: labels, number format, sections, charts, HTML export and PDF printing."""
