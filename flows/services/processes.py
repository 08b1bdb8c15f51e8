"""Writes of runs: start (from a flow, a snapshot, or an earlier run's checkpoints), stop, finish, reap, delete."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

import piflow
from access.selectors import policy_for
from audit.models import AuditAction, AuditTarget
from audit.services import record_event
from common.errors import ApplicationError, ConflictError
from common.run_files import run_storage
from flows.converters import flow_request, flow_to_spec
from flows.models import (
    FINISHED_STATES,
    Flow,
    Process,
    ProcessMode,
    ProcessPath,
    ProcessState,
    ProcessStop,
    StopState,
    Trigger,
)
from flows.services import dispatch
from flows.services.flows import InvalidFlowError, check_storable

logger = logging.getLogger(__name__)


def _resume_request(request: piflow.RunRequest, resumed_from: Process | None) -> piflow.RunRequest:
    """``request`` loading from ``resumed_from``: the checkpoints it names (default: all that run has)."""
    if resumed_from is None:
        return replace(request, resume_from="", load=())
    available = run_storage(resumed_from.id).checkpoints()
    wanted = request.load or tuple(available)
    missing = [name for name in wanted if name not in available]
    if missing or not wanted:
        raise ApplicationError(
            f"run {resumed_from.id} has no checkpoint for {', '.join(missing) or 'any stop'}",
            extra={"checkpoints": available},
        )
    return replace(request, resume_from=resumed_from.id, load=wanted)


@transaction.atomic
def process_start(
    *,
    owner: Any,
    spec: piflow.FlowSpec,
    request: piflow.RunRequest | None = None,
    flow: Flow | None = None,
    trigger: str = Trigger.MANUAL,
    resumed_from: Process | None = None,
    group_run: str = "",
    actor: Any = None,
) -> Process:
    """Validate ``spec`` run as ``request``, snapshot both into a new Process with its stops and paths, queue it.

    Resuming: with ``resumed_from`` (a run the caller may see), the run loads the request's
    ``load`` checkpoints (default: all of that run's) instead of performing those stops. Input
    the database cannot store (``check_storable``) is refused first. The start is recorded in the
    audit trail as ``actor``'s (default: the owner's), with its trigger and mode.
    """
    request = _resume_request(request or piflow.RunRequest(), resumed_from)
    check_storable(
        spec=spec, data=piflow.to_piflow(spec, request), name_max=Process._meta.get_field("name").max_length
    )
    problems = piflow.validate_flow(spec.with_environment(), request=request, policy=policy_for(owner))
    if problems:
        raise InvalidFlowError(problems)
    process = Process.objects.create(
        owner=owner,
        flow=flow,
        resumed_from=resumed_from,
        loaded_checkpoints=list(request.load),
        group_run=group_run,
        name=spec.name,
        spec=spec.to_dict(),
        mode=request.mode,
        trigger=trigger,
    )
    checkpointed = set(request.checkpoints)
    ProcessStop.objects.bulk_create(
        ProcessStop(
            process=process, name=s.name, bundle=s.bundle, position=i, checkpoint=s.name in checkpointed
        )
        for i, s in enumerate(spec.stops)
    )
    ProcessPath.objects.bulk_create(
        ProcessPath(
            process=process, from_stop=p.from_stop, outport=p.outport, inport=p.inport, to_stop=p.to_stop
        )
        for p in spec.paths
    )
    started = {"trigger": trigger, "mode": request.mode, "flow": flow.pk if flow else None}
    if resumed_from is not None:
        started["resumed_from"] = resumed_from.id
    if group_run:
        started["group_run"] = group_run
    _record(actor or owner, AuditAction.STARTED, process, started)
    dispatch.dispatch_after_commit(process.id)
    return process


def _record(actor: Any, action: str, process: Process, details: dict[str, Any] | None = None) -> None:
    record_event(
        actor=actor,
        action=action,
        target_type=AuditTarget.PROCESS,
        target_id=process.id,
        target_name=process.name,
        details=details,
    )


def process_start_flow(
    *, flow: Flow, user: Any, mode: str = ProcessMode.RUN, trigger: str = Trigger.MANUAL
) -> Process:
    """Run a stored flow (snapshotting its current definition), writing the checkpoints it marks."""
    return process_start(
        owner=user, spec=flow_to_spec(flow), request=flow_request(flow, mode), flow=flow, trigger=trigger
    )


def process_rerun(*, process: Process, user: Any) -> Process:
    """Run the same snapshot again, as a new process, the way it ran (resuming again if it resumed)."""
    return process_start(
        owner=user,
        spec=process.flow_spec,
        request=process.run_request,
        flow=process.flow,
        resumed_from=process.resumed_from,
    )


def process_resume(*, process: Process, user: Any, checkpoints: tuple[str, ...] | None = None) -> Process:
    """Run the same snapshot again from ``process``'s checkpoints (``checkpoints``, default all of them)."""
    request = piflow.RunRequest(mode=process.mode, load=tuple(checkpoints or ()), resume_from=process.id)
    return process_start(
        owner=user, spec=process.flow_spec, request=request, flow=process.flow, resumed_from=process
    )


def process_finish(
    process_id: str, *, state: str, error: str = "", only_from: tuple[str, ...], worker: str | None = None
) -> bool:
    """Move a process to a final state if it is still in one of ``only_from`` (and, given ``worker``,
    still held by it); stops still STARTED end KILLED or FAILED with it. True if it moved."""
    now = timezone.now()
    fields: dict[str, Any] = {"state": state, "error": error, "ended_at": now, "lease_expires_at": None}
    if state == ProcessState.COMPLETED:
        fields["progress"] = 100.0
    matching = Process.objects.filter(pk=process_id, state__in=only_from)
    if worker is not None:
        matching = matching.filter(worker=worker)
    moved = matching.update(**fields)
    if moved:
        ProcessStop.objects.filter(process_id=process_id, state=StopState.STARTED).update(
            state=StopState.KILLED if state == ProcessState.KILLED else StopState.FAILED, ended_at=now
        )
    return bool(moved)


@transaction.atomic
def process_stop(*, process: Process, actor: Any = None) -> Process:
    """Stop a run: a queued one ends KILLED now; a running one is asked to stop (its worker obeys).

    Stopping an unfinished run is recorded as ``actor``'s (default: the owner's)."""
    if process.finished:
        return process
    if not process_finish(
        process.id,
        state=ProcessState.KILLED,
        error="stopped before it started",
        only_from=(ProcessState.INIT,),
    ):
        Process.objects.filter(pk=process.id).update(cancel_requested=True)
    process.refresh_from_db()
    _record(actor or process.owner, AuditAction.STOPPED, process, {"state": process.state})
    return process


@transaction.atomic
def process_delete(*, process: Process, actor: Any = None) -> None:
    """Delete a finished run and, once that is committed, its run directory (log, checkpoints, debug data).

    A running run must be stopped first, and a run that an unfinished run resumes from keeps its
    checkpoints until that run ends (both 409). The deletion is recorded as ``actor``'s (default:
    the owner's).
    """
    if not process.finished:
        raise ConflictError("the process is still running; stop it first")
    resuming = list(process.resumed_by.exclude(state__in=FINISHED_STATES).values_list("pk", flat=True)[:5])
    if resuming:
        raise ConflictError(
            f"run {', '.join(resuming)} resumes from this run's checkpoints; wait for it to end or stop it first",
            extra={"children": resuming},
        )
    run_id = process.id
    details = {"state": process.state, "flow": process.flow_id}
    _record(actor or process.owner, AuditAction.DELETED, process, details)
    process.delete()
    transaction.on_commit(lambda: _delete_run_files(run_id), robust=True)


def _delete_run_files(run_id: str) -> None:
    """Remove a deleted run's directory; a failure is logged (the row is gone either way)."""
    try:
        piflow.RunStorage.of(run_id).delete()
    except (piflow.RunNotFoundError, ValueError, OSError):
        logger.warning("could not delete the files of run %s", run_id, exc_info=True)


def processes_reap_expired(*, now: datetime | None = None) -> list[str]:
    """Mark FAILED every STARTED run whose worker's lease expired (the worker died). Returns their ids."""
    now = now or timezone.now()
    reaped = []
    for process in Process.objects.filter(state=ProcessState.STARTED, lease_expires_at__lt=now):
        reason = (
            f"the worker {process.worker or '?'} stopped responding: its lease expired at "
            f"{process.lease_expires_at:%Y-%m-%d %H:%M:%S} UTC"
        )
        if process_finish(
            process.id, state=ProcessState.FAILED, error=reason, only_from=(ProcessState.STARTED,)
        ):
            reaped.append(process.id)
    return reaped
