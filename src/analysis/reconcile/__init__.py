"""Every figure the report prints against its recomputation: match, rounding, method, mismatch, unverifiable."""
