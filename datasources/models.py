"""Models of the datasources app (none yet)."""
