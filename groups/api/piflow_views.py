"""PiFlow's group API at its own paths: ``/group/start``, ``/group/stop``, ``/group/info``, ``/group/progress``.

Flow groups arrive with the groups feature; until then each endpoint answers 501 with a JSON
error saying so (and, like everything but login, needs a logged-in caller).
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.parsing import AnyBodyParser
from flows.api.piflow_serializers import PiflowFlowErrorSerializer
from flows.api.piflow_views import PIFLOW_API_TAGS

GROUPS_LATER = "flow groups are not available yet; they arrive with the groups feature"

_NOT_YET = {501: OpenApiResponse(PiflowFlowErrorSerializer, description=GROUPS_LATER)}
_GROUP_ID = OpenApiParameter("groupId", str)


def _groups_later() -> Response:
    return Response({"error": GROUPS_LATER}, status=status.HTTP_501_NOT_IMPLEMENTED)


class GroupStartApi(APIView):
    parser_classes = [AnyBodyParser]

    @extend_schema(
        tags=PIFLOW_API_TAGS,
        operation_id="piflow_group_start",
        request=OpenApiTypes.OBJECT,
        responses=_NOT_YET,
    )
    def post(self, request: Request) -> Response:
        """Run a flow group (startFlowGroup). Not available yet: 501."""
        return _groups_later()


class GroupStopApi(APIView):
    parser_classes = [AnyBodyParser]

    @extend_schema(
        tags=PIFLOW_API_TAGS,
        operation_id="piflow_group_stop",
        request=OpenApiTypes.OBJECT,
        responses=_NOT_YET,
    )
    def post(self, request: Request) -> Response:
        """Stop a flow group (stopFlowGroup). Not available yet: 501."""
        return _groups_later()


class GroupInfoApi(APIView):
    @extend_schema(
        tags=PIFLOW_API_TAGS, operation_id="piflow_group_info", parameters=[_GROUP_ID], responses=_NOT_YET
    )
    def get(self, request: Request) -> Response:
        """A flow group's state (getFlowGroupInfo). Not available yet: 501."""
        return _groups_later()


class GroupProgressApi(APIView):
    @extend_schema(
        tags=PIFLOW_API_TAGS, operation_id="piflow_group_progress", parameters=[_GROUP_ID], responses=_NOT_YET
    )
    def get(self, request: Request) -> Response:
        """A flow group's progress (getFlowGroupProgress). Not available yet: 501."""
        return _groups_later()
