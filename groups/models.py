"""Models of the groups app (none yet)."""
