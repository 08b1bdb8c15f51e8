"""Models of the stopshub app (none yet)."""
