"""What every domain app needs and none owns: errors, visibility, pagination and request parsing,
run files, secret masking and guards on what the database can store.

A plain package, not an app: no models, no URLs. Domain apps import it; it imports only Django,
DRF and the engine's public surface (``piflow``), never a domain app (``lint-imports`` checks).
"""
