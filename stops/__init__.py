"""The stop catalogue: PiFlow's /stop/* API and /api/stops/."""
