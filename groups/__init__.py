"""Flow groups: flows and groups run together, with conditions."""
