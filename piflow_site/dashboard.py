"""``GET /api/dashboard/``: the machine (CPU, memory, disk) and what the user has (flows, runs, ...).

Counts are scoped like everything else: a user counts their own flows and runs, an admin all of them.
"""

from __future__ import annotations

from typing import Any

import psutil
from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.selectors import flow_list, process_counts_by_state
from stops.selectors import stop_registry

# psutil measures CPU use between two calls; the first call starts the clock, so that the first
# dashboard shows the use since the server started rather than a meaningless 0.
psutil.cpu_percent(interval=None)


def dashboard_summary(*, user) -> dict[str, Any]:
    memory = psutil.virtual_memory()
    disk = psutil.disk_usage(str(settings.PIFLOW_DATA_DIR))
    return {
        "system": {
            "cpu_percent": psutil.cpu_percent(interval=None),
            "cpu_count": psutil.cpu_count() or 1,
            "memory": {"total": memory.total, "used": memory.total - memory.available, "percent": memory.percent},
            "disk": {"path": str(settings.PIFLOW_DATA_DIR), "total": disk.total, "used": disk.used,
                     "free": disk.free, "percent": disk.percent},
        },
        "counts": {
            "flows": flow_list(user=user).count(),
            # Groups, schedules and data sources have no models yet (they come in the next batch).
            "groups": 0,
            "schedules": 0,
            "datasources": 0,
            "stops": len(stop_registry().stops()),
        },
        "runs": process_counts_by_state(user=user),
    }


class DashboardMemorySerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Bytes.")
    used = serializers.IntegerField(help_text="Bytes (total minus available).")
    percent = serializers.FloatField()


class DashboardDiskSerializer(DashboardMemorySerializer):
    path = serializers.CharField(help_text="PIFLOW_DATA_DIR; the numbers are of its file system.")
    used = serializers.IntegerField(help_text="Bytes.")
    free = serializers.IntegerField(help_text="Bytes.")


class DashboardSystemSerializer(serializers.Serializer):
    cpu_percent = serializers.FloatField(help_text="Machine-wide, since the previous dashboard request.")
    cpu_count = serializers.IntegerField()
    memory = DashboardMemorySerializer()
    disk = DashboardDiskSerializer()


class DashboardCountsSerializer(serializers.Serializer):
    flows = serializers.IntegerField()
    groups = serializers.IntegerField()
    schedules = serializers.IntegerField()
    datasources = serializers.IntegerField()
    stops = serializers.IntegerField(help_text="Stops in the catalogue (built-in and installed).")


class DashboardRunsSerializer(serializers.Serializer):
    INIT = serializers.IntegerField()
    STARTED = serializers.IntegerField()
    COMPLETED = serializers.IntegerField()
    FAILED = serializers.IntegerField()
    KILLED = serializers.IntegerField()


class DashboardSerializer(serializers.Serializer):
    system = DashboardSystemSerializer()
    counts = DashboardCountsSerializer()
    runs = DashboardRunsSerializer(help_text="Runs by state.")


class DashboardApi(APIView):
    @extend_schema(tags=["dashboard"], operation_id="dashboard", responses=DashboardSerializer)
    def get(self, request: Request) -> Response:
        """The machine's load and the user's flows and runs (an admin: everyone's)."""
        return Response(dashboard_summary(user=request.user))
