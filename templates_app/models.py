"""Models of the templates_app app (none yet)."""
