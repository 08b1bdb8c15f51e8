"""Writes: creating and saving flows, starting, stopping and reaping processes."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

import piflow
from flows.converters import flow_to_spec, spec_to_fields
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
from piflow_site.errors import ApplicationError

logger = logging.getLogger(__name__)

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


# -- input the database must be able to store ----------------------------------------------------

NUL = "\x00"
#: How many places a NUL error names at most.
_NUL_PLACES = 10


def _nul_places(data: Any) -> list[str]:
    """Where in ``data`` (parsed JSON) a string or key holds a NUL character, as ``stops[1].properties.x``."""
    places: list[str] = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack and len(places) < _NUL_PLACES:
        item, where = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                places.append(where or "(the value)")
        elif isinstance(item, dict):
            for key, value in reversed(list(item.items())):
                key_text = str(key)
                if NUL in key_text:
                    places.append(f"{where or '(the object)'} (key {key_text!r})")
                    key_text = key_text.replace(NUL, "\\x00")
                stack.append((value, f"{where}.{key_text}" if where else key_text))
        elif isinstance(item, list | tuple):
            stack.extend((value, f"{where}[{index}]") for index, value in reversed(list(enumerate(item))))
    return places


def _name_problems(spec: piflow.FlowSpec, name_max: int) -> list[piflow.Problem]:
    """Names longer than their database column (a flow's or run's name, stop, bundle, path ends)."""
    stop_max = ProcessStop._meta.get_field("name").max_length
    bundle_max = ProcessStop._meta.get_field("bundle").max_length
    path_max = min(ProcessPath._meta.get_field(name).max_length
                   for name in ("from_stop", "outport", "inport", "to_stop"))
    problems: list[piflow.Problem] = []
    if len(spec.name) > name_max:
        problems.append(piflow.Problem(f"the flow name is longer than {name_max} characters", property="name"))
    for stop in spec.stops:
        if len(stop.name) > stop_max:
            problems.append(piflow.Problem(f"the stop name is longer than {stop_max} characters",
                                           stop=stop.name[:stop_max], property="name"))
        if len(stop.bundle) > bundle_max:
            problems.append(piflow.Problem(f"the bundle is longer than {bundle_max} characters",
                                           stop=stop.name[:stop_max], property="bundle"))
    for index, path in enumerate(spec.paths):
        if max(len(path.from_stop), len(path.to_stop), len(path.outport), len(path.inport)) > path_max:
            problems.append(piflow.Problem(f"a stop or port name is longer than {path_max} characters", path=index))
    return problems


def check_storable(*, spec: piflow.FlowSpec, data: Any, name_max: int) -> None:
    """400 for input the database cannot store, before it reaches the database (where it would be a 500).

    ``data`` is everything that will be stored, as parsed JSON: no string or key in it may hold a
    NUL character (PostgreSQL refuses them), reported as ``ApplicationError`` naming where. Names
    must fit their columns (``name_max`` for the flow's or run's name, ``ProcessStop`` and
    ``ProcessPath`` for stops, bundles and ports, since a run copies them there); those are an
    ``InvalidFlowError`` listing each one with its stop, property or path.
    """
    if places := _nul_places(data):
        raise ApplicationError(
            f"the flow contains a NUL character (\\u0000), which cannot be stored: at {', '.join(places)}",
            extra={"where": places},
        )
    if problems := _name_problems(spec, name_max):
        raise InvalidFlowError(problems, message="the flow has names too long to store")


def _check_fields(fields: dict[str, Any]) -> None:
    """Stops and paths must at least be PiFlow-shaped and storable; a draft may still fail validation."""
    probe = {"flow": {"name": fields.get("name") or "flow", "stops": fields.get("stops", []),
                      "paths": fields.get("paths", []), "environmentVariable": fields.get("environment", {})}}
    spec = spec_from_json(probe)
    if not isinstance(fields.get("positions", {}), dict):
        raise ApplicationError("positions must be an object of stop name -> {x, y}")
    if not isinstance(fields.get("checkpoints", []), list):
        raise ApplicationError("checkpoints must be a list of stop names")
    check_storable(spec=spec, data=fields, name_max=Flow._meta.get_field("name").max_length)


@transaction.atomic
def flow_create(*, owner, **fields: Any) -> Flow:
    """Store a new flow (a draft may be invalid; ``flow_problems`` says why)."""
    fields = {k: v for k, v in fields.items() if k in FLOW_FIELDS}
    _check_fields(fields)
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
    _check_fields(merged)
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
    spec = spec_from_json(data)
    check_storable(spec=spec, data=data, name_max=Flow._meta.get_field("name").max_length)
    return flow_create(owner=owner, **spec_to_fields(spec))


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
    from the parent run instead of performing those stops. Input the database cannot store
    (``check_storable``) is refused first.
    """
    check_storable(spec=spec, data=spec.to_dict(), name_max=Process._meta.get_field("name").max_length)
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


def process_finish(
    process_id: str, *, state: str, error: str = "", only_from: tuple[str, ...], worker: str | None = None
) -> bool:
    """Move a process to a final state if it is still in one of ``only_from`` (and, given ``worker``,
    still held by it); stops still STARTED end KILLED or FAILED with it. True if it moved."""
    now = timezone.now()
    fields = {"state": state, "error": error, "ended_at": now, "lease_expires_at": None}
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


def process_stop(*, process: Process) -> Process:
    """Stop a run: a queued one ends KILLED now; a running one is asked to stop (its worker obeys)."""
    if process.finished:
        return process
    if not process_finish(process.id, state=ProcessState.KILLED, error="stopped before it started",
                          only_from=(ProcessState.INIT,)):
        Process.objects.filter(pk=process.id).update(cancel_requested=True)
    process.refresh_from_db()
    return process


@transaction.atomic
def process_delete(*, process: Process) -> None:
    """Delete a finished run and, once that is committed, its run directory (log, checkpoints, debug data).

    A running run must be stopped first, and a run that an unfinished run resumes from keeps its
    checkpoints until that run ends (both 409).
    """
    if not process.finished:
        raise ApplicationError("the process is still running; stop it first", status=409)
    resuming = list(process.children.exclude(state__in=FINISHED_STATES).values_list("pk", flat=True)[:5])
    if resuming:
        raise ApplicationError(
            f"run {', '.join(resuming)} resumes from this run's checkpoints; wait for it to end or stop it first",
            status=409, extra={"children": resuming},
        )
    run_id = process.id
    process.delete()
    transaction.on_commit(lambda: _delete_run_files(run_id), robust=True)


def _delete_run_files(run_id: str) -> None:
    """Remove a deleted run's directory; a failure is logged (the row is gone either way)."""
    try:
        piflow.RunStorage.of(run_id).delete()
    except (piflow.RunNotFoundError, ValueError, OSError):
        logger.warning("could not delete the files of run %s", run_id, exc_info=True)


def processes_reap_expired(*, now=None) -> list[str]:
    """Mark FAILED every STARTED run whose worker's lease expired (the worker died). Returns their ids."""
    now = now or timezone.now()
    reaped = []
    for process in Process.objects.filter(state=ProcessState.STARTED, lease_expires_at__lt=now):
        reason = (f"the worker {process.worker or '?'} stopped responding: its lease expired at "
                  f"{process.lease_expires_at:%Y-%m-%d %H:%M:%S} UTC")
        if process_finish(process.id, state=ProcessState.FAILED, error=reason, only_from=(ProcessState.STARTED,)):
            reaped.append(process.id)
    return reaped


def lease_deadline(seconds: float) -> Any:
    return timezone.now() + timedelta(seconds=seconds)
