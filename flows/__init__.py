"""Flows and their runs (processes)."""
