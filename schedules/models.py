"""Models of the schedules app (none yet)."""
