"""Models of the stops app (none yet)."""
