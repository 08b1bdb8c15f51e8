"""The stop catalogue over HTTP: PiFlow's ``/stop/*`` shapes and our ``/api/stops/``."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

import piflow
from piflow import catalogue
from stops.api import serializers
from stops.selectors import stop_get, stop_list, stop_registry

_PIFLOW = ["PiFlow stop API"]


class PiflowStopGroupsApi(APIView):
    @extend_schema(tags=_PIFLOW, operation_id="stop_groups", responses=serializers.PiflowGroupsSerializer)
    def get(self, request: Request) -> Response:
        """Every palette group (PiFlow's getAllGroups)."""
        return Response(catalogue.stop_groups(stop_registry()))


class PiflowStopListApi(APIView):
    @extend_schema(tags=_PIFLOW, operation_id="stop_list", responses=serializers.PiflowStopsSerializer)
    def get(self, request: Request) -> Response:
        """Every stop's bundle id (PiFlow's getAllStops)."""
        return Response(catalogue.stop_list(stop_registry()))


class PiflowStopListWithGroupApi(APIView):
    @extend_schema(
        tags=_PIFLOW, operation_id="stop_list_with_group", responses=serializers.PiflowStopWithGroupSerializer
    )
    def get(self, request: Request) -> Response:
        """Every ``group:bundle`` pair."""
        return Response(catalogue.stop_with_group(stop_registry()))


class PiflowStopInfoApi(APIView):
    @extend_schema(
        tags=_PIFLOW,
        operation_id="stop_info",
        parameters=[OpenApiParameter("bundle", str, description="Bundle id or any PiFlow name of it.")],
        responses={200: serializers.PiflowStopInfoSerializer, 404: serializers.ErrorSerializer},
    )
    def get(self, request: Request) -> Response:
        """One stop's details (PiFlow's getStopInfo); 404 with PiFlow's message for an unknown bundle."""
        bundle = request.query_params.get("bundle", "")
        try:
            stop = stop_get(bundle=bundle)
        except piflow.UnknownStopError:
            return Response(catalogue.unknown_stop(bundle), status=status.HTTP_404_NOT_FOUND)
        return Response(catalogue.stop_info(stop))


class StopListApi(APIView):
    @extend_schema(
        tags=["stops"],
        parameters=[
            OpenApiParameter("group", str, description="Only stops in this group (any case)."),
            OpenApiParameter("search", str, description="Substring of the name or description (any case)."),
        ],
        responses=serializers.StopDescriptorSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        """Stop descriptors: what the canvas draws palette entries and property forms from."""
        stops = stop_list(group=request.query_params.get("group"), search=request.query_params.get("search"))
        return Response([stop.descriptor() for stop in stops])


class StopDetailApi(APIView):
    @extend_schema(
        tags=["stops"],
        responses={200: serializers.StopDescriptorSerializer, 404: serializers.ErrorSerializer},
    )
    def get(self, request: Request, bundle: str) -> Response:
        """One stop's descriptor, by bundle id or any PiFlow name of it."""
        return Response(stop_get(bundle=bundle).descriptor())
