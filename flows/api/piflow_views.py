"""PiFlow's flow API at its own paths and in its own JSON: ``/flow/*`` (``/group/*`` is in the groups app).

Each view is a shape adapter: it reads the run through the same selectors and services as
``/api/processes/`` and only spells the answer the way PiFlow does. The shapes follow the v0.8
manual (section 3.2). Unlike PiFlow, every endpoint needs a logged-in
caller (session or token), a user sees only their own runs (admins all), and errors are JSON
with a 4xx status: ``{"error": "<PiFlow's message>", ...}``.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.parsing import AnyBodyParser, int_param, json_body
from common.errors import ApplicationError, NotFoundError
from flows import selectors, services
from flows.api import piflow_serializers as shapes
from flows.models import Process, ProcessMode, ProcessState, Trigger
from flows.services.flows import piflow_from_json

#: The OpenAPI tag of PiFlow's API (``/flow/*`` here, ``/group/*`` in the groups app).
PIFLOW_API_TAGS = ["PiFlow flow API"]
_TAGS = PIFLOW_API_TAGS

CANNOT_START = "Can not start flow!"
PROCESS_NOT_FOUND = "Can not found process Error!"
INFO_NOT_FOUND = "appID is null or flow run failed!"
PROGRESS_NOT_FOUND = "appId is null or flow run failed!"
FLOW_NOT_FOUND = selectors.PROCESS_NOT_FOUND

DEBUG_PAGE = 10
DEBUG_PAGE_MAX = 1000

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: PiFlow state -> (YARN application state, YARN final status), for ``/flow/log``'s ``app``.
_YARN = {
    ProcessState.INIT: ("ACCEPTED", "UNDEFINED"),
    ProcessState.STARTED: ("RUNNING", "UNDEFINED"),
    ProcessState.COMPLETED: ("FINISHED", "SUCCEEDED"),
    ProcessState.FAILED: ("FAILED", "FAILED"),
    ProcessState.KILLED: ("KILLED", "KILLED"),
}


# -- helpers -----------------------------------------------------------------------------------


def java_date(value: datetime | None) -> str:
    """``value`` as Java's ``Date.toString()`` writes it in the server's time zone, "" for None."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return (
        f"{_DAYS[local.weekday()]} {_MONTHS[local.month - 1]} {local.day:02d} "
        f"{local:%H:%M:%S} {local.tzname()} {local.year}"
    )


def _progress(process: Process) -> float:
    if process.state == ProcessState.COMPLETED:
        return 100.0
    value = process.progress or 0.0
    return round(value, 2) if math.isfinite(value) else 0.0


def _percent_text(value: float) -> str:
    """100.0 -> "100", 66.666 -> "66.67", 0 -> "0"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _port_names(rows: dict[str, int]) -> dict[str, int]:
    """Rows by port as PiFlow names ports: the default port is "default"."""
    return {port or "default": count for port, count in rows.items()}


def _epoch_ms(value: datetime | None) -> int:
    return int(value.timestamp() * 1000) if value else 0


def _visible_process(request: Request, app_id: Any, message: str) -> Process:
    """The caller's process ``app_id``; else 404 with the endpoint's PiFlow message."""
    if not isinstance(app_id, str) or not app_id.strip():
        raise NotFoundError(message, extra={"appID": app_id if isinstance(app_id, str) else ""})
    return selectors.process_get(user=request.user, process_id=app_id.strip(), message=message)


def _app_id(request: Request) -> str:
    return request.query_params.get("appID") or request.query_params.get("appId") or ""


_APP_ID = OpenApiParameter("appID", str, required=True, description="The run's id, as /flow/start answered.")
_ERRORS = {
    400: OpenApiResponse(shapes.PiflowFlowErrorSerializer, description="Malformed request."),
    404: OpenApiResponse(shapes.PiflowFlowErrorSerializer, description="No such run (or not yours)."),
}


# -- flows -------------------------------------------------------------------------------------


class FlowStartApi(APIView):
    parser_classes = [AnyBodyParser]

    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_start",
        request={"application/json": shapes.PiflowFlowStartRequestSerializer},
        responses={200: shapes.PiflowFlowStartedSerializer, **_ERRORS},
    )
    def post(self, request: Request) -> Response:
        """Run a flow given as PiFlow's flow JSON (startFlow).

        ``runMode: "DEBUG"`` keeps a sample of the data on every port (see /flow/debugData).
        With ``checkpointParentProcessId`` the run resumes from that earlier run's checkpoints
        (those named in ``checkpoint``, or all of them). An invalid flow gets 400
        "Can not start flow!" with every problem and the stop and property it concerns.
        """
        data = json_body(request)
        if not isinstance(data, dict):
            raise ApplicationError(f"the flow JSON must be an object, not {type(data).__name__}")
        spec, run_request = piflow_from_json(data)
        if not spec.stops:
            raise ApplicationError(CANNOT_START, extra={"problems": [{"message": "the flow has no stops"}]})
        resumed_from = None
        if run_request.resume_from:
            resumed_from = selectors.process_get(
                user=request.user,
                process_id=run_request.resume_from,
                message=f"checkpointParentProcessId {run_request.resume_from!r}: no such run to resume from",
            )
        try:
            process = services.process_start(
                owner=request.user,
                spec=spec,
                request=run_request,
                trigger=Trigger.API,
                resumed_from=resumed_from,
            )
        except services.InvalidFlowError as exc:
            raise ApplicationError(CANNOT_START, extra=exc.extra) from None
        return Response({"flow": {"id": process.id, "pid": process.pid}})


class FlowStopApi(APIView):
    parser_classes = [AnyBodyParser]

    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_stop",
        request={"application/json": shapes.PiflowFlowStopRequestSerializer},
        responses={200: OpenApiResponse(OpenApiTypes.STR, description='The JSON string "ok".'), **_ERRORS},
    )
    def post(self, request: Request) -> Response:
        """Stop a run (stopFlow): a queued run ends KILLED at once, a running one within seconds."""
        data = json_body(request)
        if not isinstance(data, dict):
            raise ApplicationError(
                f'the body must be an object {{"appID": "..."}}, not {type(data).__name__}'
            )
        app_id = data.get("appID", data.get("appId"))
        if app_id is not None and not isinstance(app_id, str):
            raise ApplicationError(f"appID must be a string, not {type(app_id).__name__}")
        process = _visible_process(request, app_id, PROCESS_NOT_FOUND)
        services.process_stop(process=process, actor=request.user)
        return Response("ok")


class FlowInfoApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_info",
        parameters=[_APP_ID],
        responses={200: shapes.PiflowFlowInfoSerializer, 404: _ERRORS[404]},
    )
    def get(self, request: Request) -> Response:
        """A run's state, times, progress and each stop's state and times (getFlowInfo)."""
        process = _visible_process(request, _app_id(request), INFO_NOT_FOUND)
        rows = selectors.process_port_rows(process)
        stops = [
            {
                "stop": {
                    "name": stop.name,
                    "state": stop.state,
                    "startTime": java_date(stop.started_at),
                    "endTime": java_date(stop.ended_at),
                    "rows": _port_names(rows.get(stop.name, {})),
                }
            }
            for stop in process.stops.all()
        ]
        return Response(
            {
                "flow": {
                    "id": process.id,
                    "pid": process.pid,
                    "name": process.name,
                    "state": process.state,
                    "startTime": java_date(process.started_at),
                    "endTime": java_date(process.ended_at),
                    "progress": _percent_text(_progress(process)),
                    "stops": stops,
                }
            }
        )


class FlowProgressApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_progress",
        parameters=[_APP_ID],
        responses={200: shapes.PiflowFlowProgressSerializer, 404: _ERRORS[404]},
    )
    def get(self, request: Request) -> Response:
        """A run's progress (getFlowProgress), in the manual's v0.8 shape."""
        process = _visible_process(request, _app_id(request), PROGRESS_NOT_FOUND)
        return Response(
            {
                "flow": {
                    "appId": process.id,
                    "name": process.name,
                    "state": process.state,
                    "progress": _percent_text(_progress(process)) + "%",
                }
            }
        )


class FlowLogApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_log",
        parameters=[
            _APP_ID,
            OpenApiParameter(
                "offset", int, description="Byte offset to read from (nextOffset of the last answer)."
            ),
        ],
        responses={200: shapes.PiflowFlowLogSerializer, **_ERRORS},
    )
    def get(self, request: Request) -> Response:
        """A run's log itself (getFlowLog), with a YARN-like ``app`` summary; follow it by offset."""
        app_id = _app_id(request)
        process = _visible_process(request, app_id, FLOW_NOT_FOUND)
        offset = int_param(request, "offset", 0)
        page = selectors.process_log_page(process=process, offset=offset, message=FLOW_NOT_FOUND)
        state, final_status = _YARN.get(process.state, ("UNDEFINED", "UNDEFINED"))
        started = _epoch_ms(process.started_at)
        finished = _epoch_ms(process.ended_at)
        elapsed = (finished or _epoch_ms(timezone.now())) - started if started else 0
        log_url = request.build_absolute_uri(
            f"{reverse('piflow_api:flow-log')}?{urlencode({'appID': process.id})}"
        )
        return Response(
            {
                "app": {
                    "id": process.id,
                    "user": process.owner.get_username(),
                    "name": process.name,
                    "state": state,
                    "finalStatus": final_status,
                    "progress": _progress(process),
                    "startedTime": started,
                    "finishedTime": finished,
                    "elapsedTime": max(elapsed, 0),
                    "amContainerLogs": log_url,
                },
                "log": page.text,
                "offset": offset,
                "nextOffset": page.next_offset,
            }
        )


class FlowCheckpointsApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_checkpoints",
        parameters=[_APP_ID],
        responses={200: shapes.PiflowFlowCheckpointsSerializer, 404: _ERRORS[404]},
    )
    def get(self, request: Request) -> Response:
        """The stops this run checkpointed (getFlowCheckPoints); resume from them via /flow/start."""
        process = _visible_process(request, _app_id(request), FLOW_NOT_FOUND)
        return Response({"checkpoints": ",".join(selectors.process_checkpoint_names(process=process))})


class FlowDebugDataApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_debug_data",
        parameters=[
            _APP_ID,
            OpenApiParameter("stopName", str, required=True, description="The stop whose output to read."),
            OpenApiParameter(
                "port", str, description='Its output port; "default" (the default) for the default port.'
            ),
            OpenApiParameter("offset", int, description="First sampled row to answer (0 first)."),
            OpenApiParameter(
                "limit", int, description=f"Rows per page, {DEBUG_PAGE} by default, {DEBUG_PAGE_MAX} at most."
            ),
        ],
        responses={200: shapes.PiflowFlowDebugDataSerializer, **_ERRORS},
    )
    def get(self, request: Request) -> Response:
        """The data a DEBUG run kept on one stop's port (getFlowDebugData): schema, where, and a page of rows."""
        process = _visible_process(request, _app_id(request), FLOW_NOT_FOUND)
        stop = request.query_params.get("stopName", "").strip()
        if not stop:
            raise ApplicationError("stopName is required: the stop whose output to read")
        port = (request.query_params.get("port") or request.query_params.get("Port") or "default").strip()
        offset = int_param(request, "offset", 0)
        limit = min(int_param(request, "limit", DEBUG_PAGE, minimum=1), DEBUG_PAGE_MAX)
        if process.mode != ProcessMode.DEBUG:
            raise NotFoundError(
                f"run {process.id} ran in {process.mode} mode; only a run started with runMode DEBUG keeps debug data",
                extra={"appID": process.id},
            )
        try:
            page = selectors.process_debug_page(
                process=process, stop=stop, port=port, offset=offset, limit=limit
            )
        except NotFoundError as exc:
            available = [
                {"stopName": a["stop"], "port": a["port"] or "default"} for a in exc.extra["available"]
            ]
            raise NotFoundError(exc.message, extra={"appID": process.id, "available": available}) from None
        end = offset + len(page.rows)
        return Response(
            {
                "schema": ",".join(page.columns),
                "debugDataPath": page.directory,
                "rows": page.rows,
                "offset": offset,
                "limit": limit,
                "total": page.sampled,
                "nextOffset": end if end < page.sampled else None,
                "count": page.total_rows,
                "fields": page.schema.get("fields", []),
            }
        )
