"""The stops app's HTTP API."""
