"""Json stops: read JSON files and inline JSON text, write DataFrames as JSON lines."""
