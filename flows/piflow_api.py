"""PiFlow's flow API at its own paths and in its own JSON: ``/flow/*`` and ``/group/*``.

The shapes follow the v0.8 manual (section 3.2). Unlike PiFlow, every endpoint needs a logged-in
caller (session or token), a user sees only their own runs (admins all), and errors are JSON
with a 4xx status: ``{"error": "<PiFlow's message>", ...}``.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import RequestDataTooBig
from django.http import QueryDict
from django.http.request import RawPostDataException
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

import piflow
from flows import piflow_serializers as shapes
from flows import selectors, services
from flows.models import Process, ProcessMode, ProcessState, Trigger
from piflow_site.errors import ApplicationError, NotFoundError

_TAGS = ["PiFlow flow API"]

CANNOT_START = "Can not start flow!"
PROCESS_NOT_FOUND = "Can not found process Error!"
INFO_NOT_FOUND = "appID is null or flow run failed!"
PROGRESS_NOT_FOUND = "appId is null or flow run failed!"
FLOW_NOT_FOUND = "appID is null or flow does not exist!"
GROUPS_LATER = "flow groups are not available yet; they arrive with the groups feature"

#: The most log text one answer carries; follow with ``offset=nextOffset`` for more.
LOG_CHUNK = 1 << 20
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


class AnyBodyParser(JSONParser):
    """Accepts a body of any content type; the view decodes ``request.body`` itself.

    PiFlow's clients (curl -d) post flow JSON form-encoded or as ``text/plain`` as often as JSON.
    Being a ``JSONParser`` makes DRF buffer the body, so ``request.body`` stays readable after
    the session CSRF check has parsed the request. That check reads ``request.POST``, which for
    a form content type is this parser's result, so it gets an empty QueryDict: the CSRF token
    then comes from the X-CSRFToken header.
    """

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> QueryDict:
        return QueryDict()


# -- helpers -----------------------------------------------------------------------------------


def java_date(value: datetime | None) -> str:
    """``value`` as Java's ``Date.toString()`` writes it in the server's time zone, "" for None."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return (f"{_DAYS[local.weekday()]} {_MONTHS[local.month - 1]} {local.day:02d} "
            f"{local:%H:%M:%S} {local.tzname()} {local.year}")


def _progress(process: Process) -> float:
    if process.state == ProcessState.COMPLETED:
        return 100.0
    value = process.progress or 0.0
    return round(value, 2) if math.isfinite(value) else 0.0


def _percent_text(value: float) -> str:
    """100.0 -> "100", 66.666 -> "66.67", 0 -> "0"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _epoch_ms(value: datetime | None) -> int:
    return int(value.timestamp() * 1000) if value else 0


def _json_body(request: Request) -> Any:
    """The request body decoded as JSON, or a 400 saying what is wrong with it."""
    try:
        raw = request.body
    except RequestDataTooBig:
        raise ApplicationError("the request body is too large", status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE) from None
    except RawPostDataException:
        raise ApplicationError("the request body could not be read; send it as JSON") from None
    if not raw or not raw.strip():
        raise ApplicationError("the request body is empty; send JSON")
    try:
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise ApplicationError(f"the request body is not UTF-8 text: {exc}") from None
    except ValueError as exc:
        raise ApplicationError(f"the request body is not valid JSON: {exc}") from None
    except RecursionError:
        raise ApplicationError("the request body is nested too deeply") from None


def _visible_process(request: Request, app_id: Any, message: str) -> Process:
    """The caller's process ``app_id``; else 404 with the endpoint's PiFlow message."""
    if not isinstance(app_id, str) or not app_id.strip():
        raise NotFoundError(message, extra={"appID": app_id if isinstance(app_id, str) else ""})
    try:
        return selectors.process_get(user=request.user, process_id=app_id.strip())
    except NotFoundError:
        raise NotFoundError(message, extra={"appID": app_id.replace("\x00", "")[:200]}) from None


def _app_id(request: Request) -> str:
    return request.query_params.get("appID") or request.query_params.get("appId") or ""


def _int_param(request: Request, name: str, default: int, minimum: int = 0) -> int:
    text = request.query_params.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ApplicationError(f"{name} must be a whole number, not {text!r}") from None
    if value < minimum:
        raise ApplicationError(f"{name} must be at least {minimum}, not {value}")
    return value


def _storage(process: Process, message: str) -> piflow.RunStorage:
    try:
        return piflow.RunStorage.of(process.id)
    except piflow.RunNotFoundError:
        raise NotFoundError(message, extra={"appID": process.id}) from None


def _stop_rows(process: Process) -> dict[str, dict[str, int]]:
    """Stop -> {port: rows} for every path whose row count is known."""
    rows: dict[str, dict[str, int]] = {}
    for path in process.paths.all():
        if path.rows is not None:
            rows.setdefault(path.from_stop, {})[path.outport or "default"] = path.rows
    return rows


def _utf8_boundary(data: bytes) -> int:
    """How many leading bytes of ``data`` hold whole UTF-8 characters (a cut never splits one)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 != 0x80:  # an ASCII byte or the lead byte of a sequence
            need = 1 if byte < 0x80 else 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(data) if need <= back else len(data) - back
    return len(data)


def _read_log(storage: piflow.RunStorage, offset: int) -> tuple[str, int]:
    """Up to ``LOG_CHUNK`` bytes of the run's log from ``offset``, and the offset after them."""
    if not storage.log_path.exists() or offset >= storage.log_path.stat().st_size:
        return "", offset
    with storage.log_path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read(LOG_CHUNK)
    cut = _utf8_boundary(data)
    return data[:cut].decode("utf-8", errors="replace"), offset + cut


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
        data = _json_body(request)
        if not isinstance(data, dict):
            raise ApplicationError(f"the flow JSON must be an object, not {type(data).__name__}")
        spec = services.spec_from_json(data)
        if not spec.stops:
            raise ApplicationError(CANNOT_START, extra={"problems": [{"message": "the flow has no stops"}]})
        mode = None
        if isinstance(data.get("flow"), dict) and "runMode" not in data["flow"] and data.get("runMode"):
            mode = str(data["runMode"]).strip().upper()
        parent = None
        if spec.checkpoint_parent_process_id:
            parent_id = spec.checkpoint_parent_process_id
            try:
                parent = selectors.process_get(user=request.user, process_id=parent_id)
            except NotFoundError:
                raise NotFoundError(
                    f"checkpointParentProcessId {parent_id!r}: no such run to resume from",
                    extra={"appID": parent_id},
                ) from None
        try:
            process = services.process_start(
                owner=request.user,
                spec=spec,
                mode=mode,
                trigger=Trigger.API,
                parent=parent,
                checkpoints=(spec.checkpoint or None) if parent else None,
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
        data = _json_body(request)
        if not isinstance(data, dict):
            raise ApplicationError(f'the body must be an object {{"appID": "..."}}, not {type(data).__name__}')
        app_id = data.get("appID", data.get("appId"))
        if app_id is not None and not isinstance(app_id, str):
            raise ApplicationError(f"appID must be a string, not {type(app_id).__name__}")
        process = _visible_process(request, app_id, PROCESS_NOT_FOUND)
        services.process_stop(process=process)
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
        rows = _stop_rows(process)
        stops = [
            {"stop": {"name": stop.name, "state": stop.state, "startTime": java_date(stop.started_at),
                      "endTime": java_date(stop.ended_at), "rows": rows.get(stop.name, {})}}
            for stop in process.stops.all()
        ]
        return Response({"flow": {
            "id": process.id,
            "pid": process.pid,
            "name": process.name,
            "state": process.state,
            "startTime": java_date(process.started_at),
            "endTime": java_date(process.ended_at),
            "progress": _percent_text(_progress(process)),
            "stops": stops,
        }})


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
        return Response({"flow": {
            "appId": process.id,
            "name": process.name,
            "state": process.state,
            "progress": _percent_text(_progress(process)) + "%",
        }})


class FlowLogApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_log",
        parameters=[
            _APP_ID,
            OpenApiParameter("offset", int, description="Byte offset to read from (nextOffset of the last answer)."),
        ],
        responses={200: shapes.PiflowFlowLogSerializer, **_ERRORS},
    )
    def get(self, request: Request) -> Response:
        """A run's log itself (getFlowLog), with a YARN-like ``app`` summary; follow it by offset."""
        app_id = _app_id(request)
        process = _visible_process(request, app_id, FLOW_NOT_FOUND)
        offset = _int_param(request, "offset", 0)
        text, next_offset = _read_log(_storage(process, FLOW_NOT_FOUND), offset)
        state, final_status = _YARN.get(process.state, ("UNDEFINED", "UNDEFINED"))
        started = _epoch_ms(process.started_at)
        finished = _epoch_ms(process.ended_at)
        elapsed = (finished or _epoch_ms(timezone.now())) - started if started else 0
        log_url = request.build_absolute_uri(f"{reverse('piflow_api:flow-log')}?{urlencode({'appID': process.id})}")
        return Response({
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
            "log": text,
            "offset": offset,
            "nextOffset": next_offset,
        })


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
        return Response({"checkpoints": ",".join(_storage(process, FLOW_NOT_FOUND).checkpoints())})


class FlowDebugDataApi(APIView):
    @extend_schema(
        tags=_TAGS,
        operation_id="piflow_flow_debug_data",
        parameters=[
            _APP_ID,
            OpenApiParameter("stopName", str, required=True, description="The stop whose output to read."),
            OpenApiParameter("port", str, description='Its output port; "default" (the default) for the default port.'),
            OpenApiParameter("offset", int, description="First sampled row to answer (0 first)."),
            OpenApiParameter("limit", int, description=f"Rows per page, {DEBUG_PAGE} by default, {DEBUG_PAGE_MAX} at most."),
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
        offset = _int_param(request, "offset", 0)
        limit = min(_int_param(request, "limit", DEBUG_PAGE, minimum=1), DEBUG_PAGE_MAX)
        storage = _storage(process, FLOW_NOT_FOUND)
        if process.mode != ProcessMode.DEBUG:
            raise NotFoundError(
                f"run {process.id} ran in {process.mode} mode; only a run started with runMode DEBUG keeps debug data",
                extra={"appID": process.id},
            )
        try:
            meta = storage.debug_meta(stop, port)
            rows = storage.debug_rows(stop, port, offset=offset, limit=limit)
        except (piflow.RunNotFoundError, OSError, ValueError) as exc:
            available = [{"stopName": s, "port": p or "default"} for s, p in storage.debug_paths()]
            raise NotFoundError(str(exc), extra={"appID": process.id, "available": available}) from None
        total = int(meta.get("sampled") or 0)
        end = offset + len(rows)
        return Response({
            "schema": ",".join(meta.get("columns") or []),
            "debugDataPath": str(storage.debug_dir(stop, port)),
            "rows": rows,
            "offset": offset,
            "limit": limit,
            "total": total,
            "nextOffset": end if end < total else None,
            "count": meta.get("rows"),
            "fields": (meta.get("schema") or {}).get("fields", []),
        })


# -- groups (until the groups feature lands) ---------------------------------------------------

_NOT_YET = {501: OpenApiResponse(shapes.PiflowFlowErrorSerializer, description=GROUPS_LATER)}


def _groups_later() -> Response:
    return Response({"error": GROUPS_LATER}, status=status.HTTP_501_NOT_IMPLEMENTED)


class GroupStartApi(APIView):
    parser_classes = [AnyBodyParser]

    @extend_schema(tags=_TAGS, operation_id="piflow_group_start", request=OpenApiTypes.OBJECT, responses=_NOT_YET)
    def post(self, request: Request) -> Response:
        """Run a flow group (startFlowGroup). Not available yet: 501."""
        return _groups_later()


class GroupStopApi(APIView):
    parser_classes = [AnyBodyParser]

    @extend_schema(tags=_TAGS, operation_id="piflow_group_stop", request=OpenApiTypes.OBJECT, responses=_NOT_YET)
    def post(self, request: Request) -> Response:
        """Stop a flow group (stopFlowGroup). Not available yet: 501."""
        return _groups_later()


class GroupInfoApi(APIView):
    @extend_schema(tags=_TAGS, operation_id="piflow_group_info",
                   parameters=[OpenApiParameter("groupId", str)], responses=_NOT_YET)
    def get(self, request: Request) -> Response:
        """A flow group's state (getFlowGroupInfo). Not available yet: 501."""
        return _groups_later()


class GroupProgressApi(APIView):
    @extend_schema(tags=_TAGS, operation_id="piflow_group_progress",
                   parameters=[OpenApiParameter("groupId", str)], responses=_NOT_YET)
    def get(self, request: Request) -> Response:
        """A flow group's progress (getFlowGroupProgress). Not available yet: 501."""
        return _groups_later()
