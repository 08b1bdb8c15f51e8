"""Registered data sources whose settings fill stop properties."""
