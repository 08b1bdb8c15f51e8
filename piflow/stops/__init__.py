"""Built-in stops, one module per stop, grouped in packages (csv/, common/, jdbc/ ...)."""
