"""Project-wide API plumbing (the exception handler)."""
