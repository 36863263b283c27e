"""Recomputed indicators: IKU capaian by polarity, absorption and efficiency, series, breaks and trends."""
