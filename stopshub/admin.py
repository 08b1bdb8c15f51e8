"""Admin registrations of the stopshub app (none yet)."""
