"""Run events: recorded into the database by the worker, pushed to watchers over Channels.

The engine hands every ``piflow.RunEvent`` to a sink. ``ProcessEventRecorder`` is the sink the
worker passes: it has the services write what the event changed (``flows.services.run_events``:
a stop's state and times, the rows that left a stop on a port, the run's progress) and publishes
the event to the Channels group ``process.<id>``, where ``flows.consumers.ProcessConsumer``
relays it to browsers. This module writes nothing itself.

Every message, published or polled, has the same JSON shape (``event_payload``)::

    {"kind": "run_state" | "stop_state" | "port_rows", "process": id, "state": ..., "stop": ...,
     "port": ..., "rows": ..., "message": ..., "time": ISO 8601, "progress": 0..100}

A WebSocket client first gets a ``snapshot`` (``process_snapshot``) and then these events.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

import piflow
from flows.models import Process, ProcessPath, ProcessStop, StopState
from flows.services import run_events
from flows.services.run_events import progress_of

logger = logging.getLogger(__name__)

#: The Channels message type a group event carries (handled by ``ProcessConsumer.process_event``).
EVENT_MESSAGE_TYPE = "process.event"
SNAPSHOT = "snapshot"


def process_group(process_id: str) -> str:
    """The Channels group a run's events are published to."""
    return f"process.{process_id}"


def iso(value: datetime | float | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        value = datetime.fromtimestamp(value, tz=UTC)
    return value.isoformat()


def event_payload(
    kind: str,
    process_id: str,
    *,
    state: str | None = None,
    stop: str | None = None,
    port: str | None = None,
    rows: int | None = None,
    message: str = "",
    time: datetime | float | None = None,
    progress: float | None = None,
) -> dict[str, Any]:
    """One event as watchers get it (the same keys for every kind)."""
    return {
        "kind": kind,
        "process": process_id,
        "state": state,
        "stop": stop,
        "port": port,
        "rows": rows,
        "message": message,
        "time": iso(time) or iso(timezone.now()),
        "progress": progress,
    }


def publish(process_id: str, payload: dict[str, Any]) -> bool:
    """Send ``payload`` to the run's watchers. Never raises: a lost event must not break a run."""
    try:
        layer = get_channel_layer()
        if layer is None:
            return False
        async_to_sync(layer.group_send)(
            process_group(process_id), {"type": EVENT_MESSAGE_TYPE, "event": payload}
        )
        return True
    except Exception:
        logger.warning("could not publish an event of process %s", process_id, exc_info=True)
        return False


def publish_process_end(process_id: str) -> bool:
    """Announce a run's final state as stored (the reaper and the worker call this after writing it)."""
    process = Process.objects.filter(pk=process_id).only("state", "error", "ended_at", "progress").first()
    if process is None or not process.finished:
        return False
    return publish(
        process_id,
        event_payload(
            piflow.RUN_STATE,
            process_id,
            state=process.state,
            message=process.error,
            time=process.ended_at,
            progress=process.progress,
        ),
    )


class ProcessEventRecorder:
    """The engine's event sink for one process: writes each event into the database, then publishes it.

    Writes only while the process is STARTED (and, given ``worker``, held by that worker), so a
    run the reaper already declared dead cannot be brought back by a late event. The run's end is
    written by ``flows.execution`` (it knows whether the worker still owns the run); the engine's
    final ``run_state`` event is therefore not published here: ``announce_end`` does it after
    that write, so a watcher that reacts by reading the database finds the final state.
    """

    def __init__(self, process_id: str, *, worker: str = "") -> None:
        self.process_id = process_id
        self.worker = worker
        self.states: dict[str, str] = dict(
            ProcessStop.objects.filter(process_id=process_id).values_list("name", "state")
        )
        self.progress = progress_of(list(self.states.values()))

    def __call__(self, event: piflow.RunEvent) -> None:
        if event.kind == piflow.RUN_STATE and event.state in piflow.State.FINISHED:
            return
        if event.kind == piflow.STOP_STATE and event.state == StopState.INIT == self.states.get(
            event.stop or ""
        ):
            return  # the engine announces every stop as INIT when the run starts: nothing changed
        try:
            self.record(event)
        except Exception:  # the run goes on; the final write still happens
            logger.exception("could not record %s of process %s", event.kind, self.process_id)
        publish(self.process_id, self.payload(event))

    def payload(self, event: piflow.RunEvent) -> dict[str, Any]:
        return event_payload(
            event.kind,
            self.process_id,
            state=event.state,
            stop=event.stop,
            port=event.port,
            rows=event.rows,
            message=event.message,
            time=event.time,
            progress=self.progress,
        )

    def record(self, event: piflow.RunEvent) -> None:
        at = datetime.fromtimestamp(event.time, tz=UTC)
        if event.kind == piflow.STOP_STATE and event.stop and event.state:
            self.record_stop(event.stop, event.state, event.message, at)
        elif event.kind == piflow.PORT_ROWS and event.stop is not None and event.rows is not None:
            run_events.record_port_rows(
                self.process_id, worker=self.worker, stop=event.stop, port=event.port or "", rows=event.rows
            )

    def record_stop(self, stop: str, state: str, message: str, at: datetime) -> None:
        run_events.record_stop_state(
            self.process_id, worker=self.worker, stop=stop, state=state, message=message, at=at
        )
        self.states[stop] = state
        progress = progress_of(list(self.states.values()))
        if progress != self.progress:
            self.progress = progress
            run_events.record_progress(self.process_id, worker=self.worker, progress=progress)

    def announce_end(self) -> bool:
        """Publish the run's final state once it is written."""
        return publish_process_end(self.process_id)


def process_snapshot(process: Process) -> dict[str, Any]:
    """Everything a watcher needs to draw a run now: its state, progress, every stop and path."""
    stops = ProcessStop.objects.filter(process_id=process.pk).order_by("position")
    paths = ProcessPath.objects.filter(process_id=process.pk).order_by("id")
    return {
        "kind": SNAPSHOT,
        "process": {
            "id": process.pk,
            "name": process.name,
            "state": process.state,
            "progress": process.progress,
            "error": process.error,
            "mode": process.mode,
            "created_at": iso(process.created_at),
            "started_at": iso(process.started_at),
            "ended_at": iso(process.ended_at),
        },
        "stops": [
            {
                "name": s.name,
                "bundle": s.bundle,
                "state": s.state,
                "started_at": iso(s.started_at),
                "ended_at": iso(s.ended_at),
                "error": s.error,
            }
            for s in stops
        ],
        "paths": [
            {"from": p.from_stop, "outport": p.outport, "inport": p.inport, "to": p.to_stop, "rows": p.rows}
            for p in paths
        ],
        "time": iso(timezone.now()),
    }


def snapshot_changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """The events that turn snapshot ``before`` into ``after`` (for watchers that poll the database)."""
    process_id = after["process"]["id"]
    progress = after["process"]["progress"]
    events = []
    old_stops = {s["name"]: s for s in before["stops"]}
    for stop in after["stops"]:
        old = old_stops.get(stop["name"])
        if old is not None and old["state"] == stop["state"]:
            continue
        finished = stop["state"] in piflow.State.FINISHED or stop["state"] == StopState.SKIPPED
        events.append(
            event_payload(
                piflow.STOP_STATE,
                process_id,
                state=stop["state"],
                stop=stop["name"],
                message=stop["error"],
                time=_parse(stop["ended_at"] if finished else stop["started_at"]),
                progress=progress,
            )
        )
    old_rows = {(p["from"], p["outport"]): p["rows"] for p in before["paths"]}
    seen = set()
    for path in after["paths"]:
        key = (path["from"], path["outport"])
        if key in seen or path["rows"] is None or old_rows.get(key) == path["rows"]:
            continue
        seen.add(key)
        events.append(
            event_payload(
                piflow.PORT_ROWS,
                process_id,
                stop=path["from"],
                port=path["outport"],
                rows=path["rows"],
                progress=progress,
            )
        )
    old_process, process = before["process"], after["process"]
    if old_process["state"] != process["state"]:
        at = process["ended_at"] if process["state"] in piflow.State.FINISHED else process["started_at"]
        events.append(
            event_payload(
                piflow.RUN_STATE,
                process_id,
                state=process["state"],
                message=process["error"],
                time=_parse(at),
                progress=progress,
            )
        )
    return events


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
