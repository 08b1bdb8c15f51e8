"""Reads of the dashboard: the machine (CPU, memory, disk) and each app's counts for the asking user."""

from __future__ import annotations

from typing import Any

import psutil
from django.apps import apps
from django.conf import settings

# psutil measures CPU use between two calls; the first call starts the clock, so that the first
# dashboard shows the use since the server started rather than a meaningless 0.
psutil.cpu_percent(interval=None)


def system_load() -> dict[str, Any]:
    """CPU, memory and the data dir's disk, machine-wide."""
    memory = psutil.virtual_memory()
    disk = psutil.disk_usage(str(settings.PIFLOW_DATA_DIR))
    return {
        "cpu_percent": psutil.cpu_percent(interval=None),
        "cpu_count": psutil.cpu_count() or 1,
        "memory": {"total": memory.total, "used": memory.total - memory.available, "percent": memory.percent},
        "disk": {
            "path": str(settings.PIFLOW_DATA_DIR),
            "total": disk.total,
            "used": disk.used,
            "free": disk.free,
            "percent": disk.percent,
        },
    }


def app_counts(*, user: Any) -> dict[str, Any]:
    """Every installed app's ``dashboard_counts(user)``, merged (scoped like the app's own lists)."""
    counts: dict[str, Any] = {}
    for config in apps.get_app_configs():
        report = getattr(config, "dashboard_counts", None)
        if report is not None:
            counts.update(report(user))
    return counts


def dashboard_summary(*, user: Any) -> dict[str, Any]:
    """The machine's load, the counts (``runs`` by state apart) the user sees."""
    counts = app_counts(user=user)
    return {"system": system_load(), "runs": counts.pop("runs", {}), "counts": counts}
