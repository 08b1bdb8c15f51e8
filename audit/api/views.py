"""``GET /api/audit/``: the audit trail, for admins (anyone else: 404, as for anything not theirs)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit import selectors
from audit.api import serializers
from audit.models import AuditAction, AuditTarget
from common.api.pagination import PAGE_PARAMETERS, page_of, paginated_response
from common.api.parsing import parse


class AuditEventListApi(APIView):
    @extend_schema(
        tags=["audit"],
        operation_id="audit_list",
        parameters=[
            OpenApiParameter("actor", str, description="User name of who acted (case-insensitive)."),
            OpenApiParameter("action", str, enum=AuditAction.values, description="What was done."),
            OpenApiParameter("target_type", str, enum=AuditTarget.values, description="Kind of object."),
            OpenApiParameter("target_id", str, description="Id of one object (a flow's number, a run's id)."),
            OpenApiParameter("since", str, description="From this time on (ISO 8601), included."),
            OpenApiParameter("until", str, description="Up to this time (ISO 8601), included."),
            *PAGE_PARAMETERS,
        ],
        responses={
            200: page_of("PaginatedAuditEventList", serializers.AuditEventSerializer),
            400: serializers.AuditErrorSerializer,
            404: serializers.AuditErrorSerializer,
        },
    )
    def get(self, request: Request) -> Response:
        """Who did what to which object, newest first; 400 naming a filter that is not valid."""
        selectors.check_may_read(request.user)  # before parsing: a non-admin learns nothing, not even a 400
        events = selectors.event_list(
            user=request.user, **parse(serializers.AuditFilterSerializer, request.query_params)
        )
        return paginated_response(
            queryset=events, serializer_class=serializers.AuditEventSerializer, request=request, view=self
        )
