"""Admin registrations of the flows app (none yet)."""
