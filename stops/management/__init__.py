"""The stops app's management commands."""
