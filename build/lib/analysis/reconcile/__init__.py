"""Every printed figure against its recomputation: match, rounding, method, mismatch, not comparable, unverifiable."""
