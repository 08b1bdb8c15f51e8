"""Admin registrations of the stops app (none yet)."""
