"""Flow and group templates users save and reuse."""
