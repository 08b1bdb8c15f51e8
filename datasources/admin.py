"""Admin registrations of the datasources app (none yet)."""
