"""The stop catalogue over HTTP: PiFlow's ``/stop/*`` shapes and our ``/api/stops/``.

PiFlow's shapes are English, as PiFlow answers. Ours answer in the request's language
(``LocaleMiddleware``: the ``django_language`` cookie, then ``Accept-Language``): descriptions,
property labels and group labels translated, group ids (``groups``, ``name``) never.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from modeltranslation.utils import get_language
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

import piflow
from piflow import catalogue
from stops.api import serializers
from stops.selectors import group_labels, stop_get, stop_group_list, stop_list, stop_registry

_PIFLOW = ["PiFlow stop API"]
_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    str,
    location=OpenApiParameter.HEADER,
    required=False,
    description="en or zh-hans (the django_language cookie wins); texts without a translation stay English.",
)


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
            OpenApiParameter("group", str, description="Only stops in this group id (any case)."),
            OpenApiParameter(
                "search",
                str,
                description="Substring of the name or description, in English "
                "or the request's language (any case).",
            ),
            _LANGUAGE,
        ],
        responses=serializers.StopDescriptorSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        """Stop descriptors in the request's language: what the canvas draws palette entries and forms from."""
        language = get_language()
        stops = stop_list(
            group=request.query_params.get("group"),
            search=request.query_params.get("search"),
            language=language,
        )
        labels = group_labels(language=language)
        return Response(
            [catalogue.localized_descriptor(stop, language, group_labels=labels) for stop in stops]
        )


class StopGroupListApi(APIView):
    @extend_schema(
        tags=["stops"], parameters=[_LANGUAGE], responses=serializers.StopGroupSerializer(many=True)
    )
    def get(self, request: Request) -> Response:
        """Every palette group in the request's language, with how many stops it holds.

        ``name`` is the id stops' ``groups`` use; ``label`` and ``description`` are what an operator
        set in the admin, else the built-in translation, else English. Only reads: the rows are
        synced after ``migrate``, and a group without one still shows the engine's texts.
        """
        return Response(stop_group_list(language=get_language()))


class StopDetailApi(APIView):
    @extend_schema(
        tags=["stops"],
        parameters=[_LANGUAGE],
        responses={200: serializers.StopDescriptorSerializer, 404: serializers.ErrorSerializer},
    )
    def get(self, request: Request, bundle: str) -> Response:
        """One stop's descriptor in the request's language, by bundle id or any PiFlow name of it."""
        stop = stop_get(bundle=bundle)
        language = get_language()
        labels = group_labels(language=language)
        return Response(catalogue.localized_descriptor(stop, language, group_labels=labels))
