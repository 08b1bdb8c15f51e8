"""Reads of the stop catalogue. Stops live in the engine's registry, not in the database."""

from __future__ import annotations

import piflow


def stop_registry() -> piflow.StopRegistry:
    """The process-wide registry: built-in stops plus installed third-party packages."""
    return piflow.default_registry()


def stop_list(*, group: str | None = None, search: str | None = None) -> list[type[piflow.Stop]]:
    """Registered stops sorted by bundle id, optionally in ``group`` and matching ``search``.

    ``group`` matches a group name ignoring case; ``search`` is a case-insensitive substring of
    the stop's name or description.
    """
    stops = stop_registry().stops()
    if group:
        wanted = group.strip().lower()
        stops = [stop for stop in stops if wanted in (g.lower() for g in stop.groups)]
    if search:
        needle = search.strip().lower()
        stops = [
            stop
            for stop in stops
            if needle in stop.display_name().lower() or needle in (stop.__doc__ or "").lower()
        ]
    return stops


def stop_get(*, bundle: str) -> type[piflow.Stop]:
    """The stop for a bundle id or any PiFlow alias; raises ``piflow.UnknownStopError``."""
    return stop_registry().get(bundle)
