"""``GET /api/dashboard/``: the machine (CPU, memory, disk) and what the user has (flows, runs, ...).

Counts are scoped like everything else: a user counts their own flows and runs, an admin all of them.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dashboard.api.serializers import DashboardSerializer
from dashboard.selectors import dashboard_summary


class DashboardApi(APIView):
    @extend_schema(tags=["dashboard"], operation_id="dashboard", responses=DashboardSerializer)
    def get(self, request: Request) -> Response:
        """The machine's load and the user's flows and runs (an admin: everyone's)."""
        return Response(DashboardSerializer(dashboard_summary(user=request.user)).data)
