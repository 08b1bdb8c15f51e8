"""Admin registrations of the groups app (none yet)."""
