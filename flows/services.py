"""Writes: creating and saving flows, starting, stopping and reaping processes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

import piflow
from flows.converters import flow_to_spec, spec_to_fields
from flows.models import (
    Flow,
    Process,
    ProcessMode,
    ProcessPath,
    ProcessState,
    ProcessStop,
    StopState,
    Trigger,
)
from piflow_site.errors import ApplicationError

#: Flow model fields a client may set.
FLOW_FIELDS = (
    "name", "description", "driver_memory", "executor_number", "executor_memory", "executor_cores",
    "stops", "paths", "positions", "checkpoints", "environment",
)


class ConflictError(ApplicationError):
    """A save based on an older revision than the stored one."""

    status = 409


class InvalidFlowError(ApplicationError):
    """A flow the engine refuses; ``problems`` lists every reason with its stop and property."""

    def __init__(self, problems: list[piflow.Problem], message: str = "the flow is not valid") -> None:
        super().__init__(message, extra={"problems": [p.to_dict() for p in problems]})
        self.problems = problems


def spec_from_json(data: Any) -> piflow.FlowSpec:
    """A FlowSpec from request JSON, or a 400 naming what is malformed."""
    try:
        return piflow.FlowSpec.from_dict(data)
    except piflow.SpecError as exc:
        raise ApplicationError(str(exc)) from None


def flow_problems(flow: Flow) -> list[piflow.Problem]:
    """What the engine finds wrong with a stored flow (empty when it can run)."""
    try:
        return piflow.validate_flow(flow_to_spec(flow).with_environment())
    except piflow.SpecError as exc:
        return [piflow.Problem(str(exc))]


def _check_shape(fields: dict[str, Any]) -> None:
    """Stops and paths must at least be PiFlow-shaped; a draft may still fail validation."""
    probe = {"flow": {"name": fields.get("name") or "flow", "stops": fields.get("stops", []),
                      "paths": fields.get("paths", []), "environmentVariable": fields.get("environment", {})}}
    spec_from_json(probe)
    if not isinstance(fields.get("positions", {}), dict):
        raise ApplicationError("positions must be an object of stop name -> {x, y}")
    if not isinstance(fields.get("checkpoints", []), list):
        raise ApplicationError("checkpoints must be a list of stop names")


@transaction.atomic
def flow_create(*, owner, **fields: Any) -> Flow:
    """Store a new flow (a draft may be invalid; ``flow_problems`` says why)."""
    fields = {k: v for k, v in fields.items() if k in FLOW_FIELDS}
    _check_shape(fields)
    flow = Flow(owner=owner, **fields)
    flow.full_clean()
    flow.save()
    return flow


@transaction.atomic
def flow_update(*, flow: Flow, revision: int, **fields: Any) -> Flow:
    """Save ``fields`` if ``revision`` is still the stored one; 409 otherwise.

    Masked sensitive values (``******``) coming back from a client keep the stored secret.
    """
    fields = {k: v for k, v in fields.items() if k in FLOW_FIELDS}
    current = Flow.objects.select_for_update().get(pk=flow.pk)
    if current.revision != revision:
        raise ConflictError(
            f"the flow was changed by someone else (revision {current.revision}, yours {revision}); reload it",
            extra={"revision": current.revision},
        )
    merged = {name: fields.get(name, getattr(current, name)) for name in FLOW_FIELDS}
    _check_shape(merged)
    if "stops" in fields:
        incoming = spec_from_json({"flow": {"name": merged["name"], "stops": merged["stops"]}})
        stored = spec_from_json({"flow": {"name": current.name, "stops": current.stops}})
        merged["stops"] = piflow.restore_secrets(incoming, stored).to_dict()["flow"]["stops"]
    for name, value in merged.items():
        setattr(current, name, value)
    current.revision = F("revision") + 1
    current.full_clean(exclude=["revision"])
    current.save()
    current.refresh_from_db()
    return current


@transaction.atomic
def flow_import(*, owner, data: Any) -> Flow:
    """A new flow from PiFlow's flow JSON."""
    return flow_create(owner=owner, **spec_to_fields(spec_from_json(data)))


def flow_delete(*, flow: Flow) -> None:
    flow.delete()


# -- processes ---------------------------------------------------------------------------------


def _dispatch(process: Process) -> None:
    from flows.tasks import run_process

    transaction.on_commit(lambda: run_process.delay(process.id))


@transaction.atomic
def process_start(
    *,
    owner,
    spec: piflow.FlowSpec,
    flow: Flow | None = None,
    mode: str | None = None,
    trigger: str = Trigger.MANUAL,
    parent: Process | None = None,
    checkpoints: tuple[str, ...] | None = None,
) -> Process:
    """Validate ``spec``, snapshot it into a new Process with its stops and paths, and queue it.

    Resuming: with ``parent``, the run loads ``checkpoints`` (default: all of the parent's)
    from the parent run instead of performing those stops.
    """
    mode = (mode or spec.run_mode).upper()
    if mode not in ProcessMode.values:
        raise ApplicationError(f"mode must be RUN or DEBUG, not {mode!r}")
    spec = replace(spec, run_mode=mode)
    if parent is not None:
        available = piflow.RunStorage.of(parent.id).checkpoints()
        wanted = tuple(checkpoints) if checkpoints else tuple(available)
        missing = [name for name in wanted if name not in available]
        if missing or not wanted:
            raise ApplicationError(
                f"run {parent.id} has no checkpoint for {', '.join(missing) or 'any stop'}",
                extra={"checkpoints": available},
            )
        spec = replace(spec, checkpoint=wanted, checkpoint_parent_process_id=parent.id)
    problems = piflow.validate_flow(spec.with_environment())
    if problems:
        raise InvalidFlowError(problems)
    process = Process.objects.create(
        owner=owner, flow=flow, parent=parent, name=spec.name, spec=spec.to_dict(), mode=mode, trigger=trigger
    )
    checkpointed = set(spec.checkpoint)
    ProcessStop.objects.bulk_create(
        ProcessStop(process=process, name=s.name, bundle=s.bundle, position=i, checkpoint=s.name in checkpointed)
        for i, s in enumerate(spec.stops)
    )
    ProcessPath.objects.bulk_create(
        ProcessPath(process=process, from_stop=p.from_stop, outport=p.outport, inport=p.inport, to_stop=p.to_stop)
        for p in spec.paths
    )
    _dispatch(process)
    return process


def process_start_flow(*, flow: Flow, user, mode: str = ProcessMode.RUN, trigger: str = Trigger.MANUAL) -> Process:
    """Run a stored flow (snapshotting its current definition)."""
    return process_start(owner=user, spec=flow_to_spec(flow, mode=mode), flow=flow, mode=mode, trigger=trigger)


def process_rerun(*, process: Process, user) -> Process:
    """Run the same snapshot again, as a new process."""
    return process_start(owner=user, spec=process.flow_spec, flow=process.flow, mode=process.mode,
                         trigger=Trigger.MANUAL)


def process_resume(*, process: Process, user, checkpoints: tuple[str, ...] | None = None) -> Process:
    """Run the same snapshot again from ``process``'s checkpoints."""
    spec = replace(process.flow_spec, checkpoint=(), checkpoint_parent_process_id="")
    return process_start(owner=user, spec=spec, flow=process.flow, mode=process.mode, trigger=Trigger.MANUAL,
                         parent=process, checkpoints=checkpoints)


def _finish(process_id: str, state: str, error: str = "", *, only_from: tuple[str, ...]) -> bool:
    """Move a process to a final state if it is still in one of ``only_from``; True if it moved."""
    now = timezone.now()
    moved = Process.objects.filter(pk=process_id, state__in=only_from).update(
        state=state, error=error, ended_at=now, lease_expires_at=None
    )
    if moved:
        ProcessStop.objects.filter(process_id=process_id, state=StopState.STARTED).update(
            state=StopState.KILLED if state == ProcessState.KILLED else StopState.FAILED, ended_at=now
        )
    return bool(moved)


def process_stop(*, process: Process) -> Process:
    """Stop a run: a queued one ends KILLED now; a running one is asked to stop (its worker obeys)."""
    if process.finished:
        return process
    if not _finish(process.id, ProcessState.KILLED, "stopped before it started", only_from=(ProcessState.INIT,)):
        Process.objects.filter(pk=process.id).update(cancel_requested=True)
    process.refresh_from_db()
    return process


def process_delete(*, process: Process) -> None:
    """Delete a finished run (a running one must be stopped first)."""
    if not process.finished:
        raise ApplicationError("the process is still running; stop it first", status=409)
    process.delete()


def processes_reap_expired(*, now=None) -> list[str]:
    """Mark FAILED every STARTED run whose worker's lease expired (the worker died). Returns their ids."""
    now = now or timezone.now()
    reaped = []
    for process in Process.objects.filter(state=ProcessState.STARTED, lease_expires_at__lt=now):
        reason = (f"the worker {process.worker or '?'} stopped responding: its lease expired at "
                  f"{process.lease_expires_at:%Y-%m-%d %H:%M:%S} UTC")
        if _finish(process.id, ProcessState.FAILED, reason, only_from=(ProcessState.STARTED,)):
            reaped.append(process.id)
    return reaped


def lease_deadline(seconds: float) -> Any:
    return timezone.now() + timedelta(seconds=seconds)
