"""Models of the flows app (none yet)."""
