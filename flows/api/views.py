"""``/api/flows/`` and ``/api/processes/``: parse, call a selector or service, serialize.

Visibility is the selectors' business (an admin sees everything, a user only their own; anything
else is 404). Errors are raised as domain errors and turned into JSON by the one exception handler.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as drf
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.pagination import PAGE_PARAMETERS, page_of, paginated_response
from common.api.parsing import parse
from flows import selectors, services
from flows.api import serializers
from flows.converters import public_flow
from flows.models import ProcessMode, ProcessState

_FLOWS = ["flows"]
_PROCESSES = ["processes"]
_ERRORS = {400: serializers.FlowErrorSerializer, 404: serializers.FlowErrorSerializer}


def _process_response(process, code: int = status.HTTP_200_OK) -> Response:
    return Response(serializers.ProcessSerializer(process).data, status=code)


# -- flows ----------------------------------------------------------------------------------------


class FlowListApi(APIView):
    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_list",
        parameters=[
            OpenApiParameter("search", str, description="Substring of the name or description."),
            *PAGE_PARAMETERS,
        ],
        responses=page_of("PaginatedFlowList", serializers.FlowListItemSerializer),
    )
    def get(self, request: Request) -> Response:
        """The flows the user may see (an admin: everyone's), most recently changed first."""
        flows = selectors.flow_list(user=request.user, search=request.query_params.get("search", "").strip())
        return paginated_response(
            queryset=flows, serializer_class=serializers.FlowListItemSerializer, request=request, view=self
        )

    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_create",
        request=serializers.FlowCreateSerializer,
        responses={201: serializers.FlowSerializer, 400: serializers.FlowErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        """Store a new flow. A draft may be invalid: ``problems`` says what the engine would refuse."""
        flow = services.flow_create(
            owner=request.user, **parse(serializers.FlowCreateSerializer, request.data)
        )
        return Response(serializers.FlowSerializer(flow).data, status=status.HTTP_201_CREATED)


class FlowDetailApi(APIView):
    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_retrieve",
        responses={200: serializers.FlowSerializer, 404: serializers.FlowErrorSerializer},
    )
    def get(self, request: Request, flow_id: int) -> Response:
        """One flow, sensitive property values masked."""
        return Response(
            serializers.FlowSerializer(selectors.flow_get(user=request.user, flow_id=flow_id)).data
        )

    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_update",
        request=serializers.FlowPutSerializer,
        responses={200: serializers.FlowSerializer, 409: serializers.FlowErrorSerializer, **_ERRORS},
    )
    def put(self, request: Request, flow_id: int) -> Response:
        """Save a flow based on ``revision``; a stale revision is refused with 409 and the current one.

        Fields left out keep their stored values; masked values (``******``) keep the stored secret.
        """
        return self._update(request, flow_id, serializers.FlowPutSerializer)

    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_partial_update",
        request=serializers.FlowPatchSerializer,
        responses={200: serializers.FlowSerializer, 409: serializers.FlowErrorSerializer, **_ERRORS},
    )
    def patch(self, request: Request, flow_id: int) -> Response:
        """Change some fields of a flow based on ``revision`` (409 when stale)."""
        return self._update(request, flow_id, serializers.FlowPatchSerializer)

    def _update(self, request: Request, flow_id: int, serializer_class: type[drf.Serializer]) -> Response:
        flow = selectors.flow_get(user=request.user, flow_id=flow_id)
        fields = parse(serializer_class, request.data)
        flow = services.flow_update(flow=flow, revision=fields.pop("revision"), actor=request.user, **fields)
        return Response(serializers.FlowSerializer(flow).data)

    @extend_schema(
        tags=_FLOWS, operation_id="flows_destroy", responses={204: None, 404: serializers.FlowErrorSerializer}
    )
    def delete(self, request: Request, flow_id: int) -> Response:
        """Delete a flow (its past runs stay, without the link to it)."""
        services.flow_delete(flow=selectors.flow_get(user=request.user, flow_id=flow_id), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class _FlowStartApi(APIView):
    mode = ProcessMode.RUN

    def post(self, request: Request, flow_id: int) -> Response:
        flow = selectors.flow_get(user=request.user, flow_id=flow_id)
        process = services.process_start_flow(flow=flow, user=request.user, mode=self.mode)
        return _process_response(process, status.HTTP_201_CREATED)


class FlowRunApi(_FlowStartApi):
    mode = ProcessMode.RUN

    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_run",
        request=None,
        responses={201: serializers.ProcessSerializer, **_ERRORS},
    )
    def post(self, request: Request, flow_id: int) -> Response:
        """Run the flow as it is now (a snapshot); 400 listing every problem when it is invalid."""
        return super().post(request, flow_id)


class FlowDebugApi(_FlowStartApi):
    mode = ProcessMode.DEBUG

    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_debug",
        request=None,
        responses={201: serializers.ProcessSerializer, **_ERRORS},
    )
    def post(self, request: Request, flow_id: int) -> Response:
        """Run the flow in debug mode: a sample of the rows on every path is kept (``/debug/`` of the run)."""
        return super().post(request, flow_id)


class FlowExportApi(APIView):
    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_export",
        responses={200: serializers.PiflowFlowSerializer, 404: serializers.FlowErrorSerializer},
    )
    def get(self, request: Request, flow_id: int) -> Response:
        """The flow as PiFlow flow JSON, sensitive values masked, with its canvas layout (``layout``)."""
        return Response(public_flow(selectors.flow_get(user=request.user, flow_id=flow_id)))


class FlowImportApi(APIView):
    @extend_schema(
        tags=_FLOWS,
        operation_id="flows_import",
        request=serializers.PiflowFlowSerializer,
        responses={201: serializers.FlowSerializer, 400: serializers.FlowErrorSerializer},
    )
    def post(self, request: Request) -> Response:
        """A new flow from PiFlow flow JSON (``{"flow": {...}}``); a ``layout`` places its stops on the canvas."""
        flow = services.flow_import(owner=request.user, data=request.data)
        return Response(serializers.FlowSerializer(flow).data, status=status.HTTP_201_CREATED)


# -- processes -----------------------------------------------------------------------------------


class ProcessFilterSerializer(drf.Serializer):
    state = drf.ChoiceField(choices=ProcessState.choices, required=False)
    flow = drf.IntegerField(min_value=1, required=False)

    def to_internal_value(self, data):  # states in any letter case, as PiFlow's clients send them
        data = data.copy()
        if isinstance(data.get("state"), str):
            data["state"] = data["state"].strip().upper()
        return super().to_internal_value(data)


class ProcessLogQuerySerializer(drf.Serializer):
    offset = drf.IntegerField(min_value=0, default=0)


class ProcessDebugQuerySerializer(drf.Serializer):
    stop = drf.CharField(max_length=200)
    port = drf.CharField(max_length=200, required=False, default="", allow_blank=True)
    offset = drf.IntegerField(min_value=0, default=0)
    limit = drf.IntegerField(min_value=1, max_value=1000, default=100)


class ProcessListApi(APIView):
    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_list",
        parameters=[ProcessFilterSerializer, *PAGE_PARAMETERS],
        responses={
            200: page_of("PaginatedProcessList", serializers.ProcessListItemSerializer),
            400: serializers.FlowErrorSerializer,
        },
    )
    def get(self, request: Request) -> Response:
        """Runs the user may see (an admin: all), newest first; filter by ``state`` and ``flow`` id."""
        filters = parse(ProcessFilterSerializer, request.query_params)
        processes = selectors.process_list(
            user=request.user, state=filters.get("state", ""), flow_id=filters.get("flow")
        )
        return paginated_response(
            queryset=processes,
            serializer_class=serializers.ProcessListItemSerializer,
            request=request,
            view=self,
        )


class ProcessDetailApi(APIView):
    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_retrieve",
        responses={200: serializers.ProcessSerializer, 404: serializers.FlowErrorSerializer},
    )
    def get(self, request: Request, process_id: str) -> Response:
        """One run with its stops (state, times, error) and paths (rows); its flow JSON is shown masked."""
        return _process_response(selectors.process_get(user=request.user, process_id=process_id))

    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_destroy",
        responses={204: None, 404: serializers.FlowErrorSerializer, 409: serializers.FlowErrorSerializer},
    )
    def delete(self, request: Request, process_id: str) -> Response:
        """Delete a finished run and its files (log, checkpoints, debug data).

        409 while it is queued or running (stop it first), or while an unfinished run resumes from its checkpoints.
        """
        services.process_delete(
            process=selectors.process_get(user=request.user, process_id=process_id), actor=request.user
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProcessStopApi(APIView):
    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_stop",
        request=None,
        responses={200: serializers.ProcessSerializer, 404: serializers.FlowErrorSerializer},
    )
    def post(self, request: Request, process_id: str) -> Response:
        """Stop a run: a queued one ends KILLED at once, a running one is interrupted by its worker."""
        process = selectors.process_get(user=request.user, process_id=process_id)
        return _process_response(services.process_stop(process=process, actor=request.user))


class ProcessRerunApi(APIView):
    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_rerun",
        request=None,
        responses={201: serializers.ProcessSerializer, **_ERRORS},
    )
    def post(self, request: Request, process_id: str) -> Response:
        """Run the same snapshot again, as a new run."""
        process = selectors.process_get(user=request.user, process_id=process_id)
        return _process_response(
            services.process_rerun(process=process, user=request.user), status.HTTP_201_CREATED
        )


class ProcessResumeApi(APIView):
    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_resume",
        request=serializers.ProcessResumeSerializer,
        responses={201: serializers.ProcessSerializer, **_ERRORS},
    )
    def post(self, request: Request, process_id: str) -> Response:
        """Run the same snapshot again, loading the given stops (default: all) from this run's checkpoints."""
        process = selectors.process_get(user=request.user, process_id=process_id)
        checkpoints = parse(serializers.ProcessResumeSerializer, request.data).get("checkpoints")
        resumed = services.process_resume(
            process=process, user=request.user, checkpoints=tuple(checkpoints) if checkpoints else None
        )
        return _process_response(resumed, status.HTTP_201_CREATED)


class ProcessLogApi(APIView):
    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_log",
        parameters=[ProcessLogQuerySerializer],
        responses={200: serializers.ProcessLogSerializer, **_ERRORS},
    )
    def get(self, request: Request, process_id: str) -> Response:
        """The run's log from byte ``offset``; poll with ``next_offset`` to follow it."""
        process = selectors.process_get(user=request.user, process_id=process_id)
        query = parse(ProcessLogQuerySerializer, request.query_params)
        page = selectors.process_log_page(process=process, offset=query["offset"])
        return Response({"log": page.text, "next_offset": page.next_offset, "more": page.more})


class ProcessCheckpointsApi(APIView):
    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_checkpoints",
        responses={200: serializers.ProcessCheckpointsSerializer, 404: serializers.FlowErrorSerializer},
    )
    def get(self, request: Request, process_id: str) -> Response:
        """The stops of this run that left a complete checkpoint (what ``/resume/`` can load)."""
        process = selectors.process_get(user=request.user, process_id=process_id)
        return Response({"checkpoints": selectors.process_checkpoint_names(process=process)})


class ProcessDebugApi(APIView):
    @extend_schema(
        tags=_PROCESSES,
        operation_id="processes_debug",
        parameters=[ProcessDebugQuerySerializer],
        responses={200: serializers.ProcessDebugSerializer, **_ERRORS},
    )
    def get(self, request: Request, process_id: str) -> Response:
        """Schema and a page of the rows a debug run kept for one stop's port; 404 when there are none."""
        process = selectors.process_get(user=request.user, process_id=process_id)
        query = parse(ProcessDebugQuerySerializer, request.query_params)
        page = selectors.process_debug_page(process=process, **query)
        return Response(serializers.ProcessDebugSerializer(page).data)
