"""Admin registrations of the schedules app (none yet)."""
