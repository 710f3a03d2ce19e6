// Intentionally empty: the baseline of the cold-import measurement.
