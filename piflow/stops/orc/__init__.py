"""Orc stops: read and write ORC files."""
