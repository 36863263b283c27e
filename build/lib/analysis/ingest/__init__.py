"""Raw tables as printed -> tidy, typed, validated tables (one error listing every problem)."""
