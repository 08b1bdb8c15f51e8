"""Writes of what a running flow reports: each stop's state and times, the rows on each port, the progress.

Every write applies only while the run is STARTED and, given ``worker``, held by that worker,
so a run the reaper already declared dead cannot be brought back by a late event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import piflow
from flows.models import Process, ProcessPath, ProcessState, ProcessStop, StopState

_DONE = (StopState.COMPLETED, StopState.SKIPPED)


def progress_of(states: list[str]) -> float:
    """Finished stops (completed or skipped) over all stops, in percent."""
    if not states:
        return 0.0
    return round(100.0 * sum(1 for s in states if s in _DONE) / len(states), 2)


def _held(worker: str) -> dict[str, Any]:
    """The lookup of a run still STARTED (and held by ``worker``, if given)."""
    return {"state": ProcessState.STARTED, **({"worker": worker} if worker else {})}


def _of_held_run(worker: str) -> dict[str, Any]:
    """The same, for rows of the run's stops and paths."""
    return {f"process__{key}": value for key, value in _held(worker).items()}


def record_stop_state(
    process_id: str, *, worker: str, stop: str, state: str, message: str, at: datetime
) -> None:
    """A stop's new state, with its start or end time, and its error when it failed."""
    fields: dict[str, Any] = {"state": state}
    if state == StopState.STARTED:
        fields.update(started_at=at, ended_at=None, error="")
    elif state in piflow.State.FINISHED or state == StopState.SKIPPED:
        fields["ended_at"] = at
        if state == StopState.FAILED:
            fields["error"] = message
    ProcessStop.objects.filter(process_id=process_id, name=stop, **_of_held_run(worker)).update(**fields)


def record_port_rows(process_id: str, *, worker: str, stop: str, port: str, rows: int) -> None:
    """The rows that left ``stop`` on ``port``, on every path from that port."""
    ProcessPath.objects.filter(
        process_id=process_id, from_stop=stop, outport=port, **_of_held_run(worker)
    ).update(rows=rows)


def record_progress(process_id: str, *, worker: str, progress: float) -> None:
    """The run's progress, in percent."""
    Process.objects.filter(pk=process_id, **_held(worker)).update(progress=progress)
