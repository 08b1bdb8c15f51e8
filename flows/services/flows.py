"""Writes of flows: create, save (revision-checked), import from PiFlow's flow JSON, delete."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F

import piflow
from access.selectors import policy_for
from audit.changes import changed_items, changed_keys
from audit.models import AuditAction, AuditTarget
from audit.services import record_event
from common.errors import ApplicationError, ConflictError
from common.storable import refuse_nul
from flows.converters import flow_request, flow_to_spec, layout_of, spec_to_fields
from flows.models import Flow, ProcessPath, ProcessStop

#: Flow model fields a client may set.
FLOW_FIELDS = (
    "name",
    "description",
    "driver_memory",
    "executor_number",
    "executor_memory",
    "executor_cores",
    "stops",
    "paths",
    "positions",
    "checkpoints",
    "environment",
)


class InvalidFlowError(ApplicationError):
    """A flow the engine refuses; ``problems`` lists every reason with its stop and property."""

    def __init__(self, problems: list[piflow.Problem], message: str = "the flow is not valid") -> None:
        super().__init__(message, extra={"problems": [p.to_dict() for p in problems]})
        self.problems = problems


def piflow_from_json(data: Any) -> tuple[piflow.FlowSpec, piflow.RunRequest]:
    """The flow and run request of PiFlow flow JSON from a request, or a 400 naming what is malformed."""
    try:
        return piflow.parse_piflow(data)
    except piflow.SpecError as exc:
        raise ApplicationError(str(exc)) from None


def spec_from_json(data: Any) -> piflow.FlowSpec:
    """A FlowSpec from request JSON, or a 400 naming what is malformed."""
    try:
        return piflow.FlowSpec.from_dict(data)
    except piflow.SpecError as exc:
        raise ApplicationError(str(exc)) from None


def flow_problems(flow: Flow, policy: piflow.AccessPolicy | None = None) -> list[piflow.Problem]:
    """What the engine finds wrong with a stored flow for its owner (``policy``: theirs, looked up
    when not given); empty when it can run."""
    try:
        return piflow.validate_flow(
            flow_to_spec(flow).with_environment(),
            request=flow_request(flow),
            policy=policy or policy_for(flow.owner),
        )
    except piflow.SpecError as exc:
        return [piflow.Problem(str(exc))]


# -- input the database must be able to store ----------------------------------------------------


def _name_problems(spec: piflow.FlowSpec, name_max: int) -> list[piflow.Problem]:
    """Names longer than their database column (a flow's or run's name, stop, bundle, path ends)."""
    stop_max = ProcessStop._meta.get_field("name").max_length
    bundle_max = ProcessStop._meta.get_field("bundle").max_length
    path_max = min(
        ProcessPath._meta.get_field(name).max_length for name in ("from_stop", "outport", "inport", "to_stop")
    )
    problems: list[piflow.Problem] = []
    if len(spec.name) > name_max:
        problems.append(
            piflow.Problem(f"the flow name is longer than {name_max} characters", property="name")
        )
    for stop in spec.stops:
        if len(stop.name) > stop_max:
            problems.append(
                piflow.Problem(
                    f"the stop name is longer than {stop_max} characters",
                    stop=stop.name[:stop_max],
                    property="name",
                )
            )
        if len(stop.bundle) > bundle_max:
            problems.append(
                piflow.Problem(
                    f"the bundle is longer than {bundle_max} characters",
                    stop=stop.name[:stop_max],
                    property="bundle",
                )
            )
    for index, path in enumerate(spec.paths):
        if max(len(path.from_stop), len(path.to_stop), len(path.outport), len(path.inport)) > path_max:
            problems.append(
                piflow.Problem(f"a stop or port name is longer than {path_max} characters", path=index)
            )
    return problems


def check_storable(*, spec: piflow.FlowSpec, data: Any, name_max: int) -> None:
    """400 for input the database cannot store, before it reaches the database (where it would be a 500).

    ``data`` is everything that will be stored, as parsed JSON: no string or key in it may hold a
    NUL character (PostgreSQL refuses them), reported as ``ApplicationError`` naming where. Names
    must fit their columns (``name_max`` for the flow's or run's name, ``ProcessStop`` and
    ``ProcessPath`` for stops, bundles and ports, since a run copies them there); those are an
    ``InvalidFlowError`` listing each one with its stop, property or path.
    """
    refuse_nul(data, what="the flow")
    if problems := _name_problems(spec, name_max):
        raise InvalidFlowError(problems, message="the flow has names too long to store")


def _check_fields(fields: dict[str, Any]) -> None:
    """Stops and paths must at least be PiFlow-shaped and storable; a draft may still fail validation."""
    probe = {
        "flow": {
            "name": fields.get("name") or "flow",
            "stops": fields.get("stops", []),
            "paths": fields.get("paths", []),
            "environmentVariable": fields.get("environment", {}),
        }
    }
    spec = spec_from_json(probe)
    if not isinstance(fields.get("positions", {}), dict):
        raise ApplicationError("positions must be an object of stop name -> {x, y}")
    if not isinstance(fields.get("checkpoints", []), list):
        raise ApplicationError("checkpoints must be a list of stop names")
    check_storable(spec=spec, data=fields, name_max=Flow._meta.get_field("name").max_length)


# -- the audit trail: who did what to a flow ---------------------------------------------------------


def _record(actor: Any, action: str, flow: Flow, details: dict[str, Any] | None = None) -> None:
    record_event(
        actor=actor,
        action=action,
        target_type=AuditTarget.FLOW,
        target_id=flow.pk,
        target_name=flow.name,
        details=details,
    )


def _comparable_stops(stops: Any) -> Any:
    """Stops in the engine's shape (a client's may leave out keys the engine fills in), to compare."""
    try:
        return spec_from_json({"flow": {"name": "flow", "stops": stops}}).to_dict()["flow"]["stops"]
    except ApplicationError:
        return stops


def _changes(stored: Flow, merged: dict[str, Any]) -> dict[str, Any]:
    """What a save changes, by name only (fields, stops and their properties, variables): never a value."""
    before = {name: getattr(stored, name) for name in FLOW_FIELDS}
    before["stops"] = _comparable_stops(before["stops"])
    after = {**merged, "stops": _comparable_stops(merged["stops"])}
    fields = changed_keys(before, after, FLOW_FIELDS)
    details: dict[str, Any] = {"fields": fields}
    if "name" in fields:
        details["previous_name"] = stored.name
    if "stops" in fields:
        details["stops"] = changed_items(before["stops"], after["stops"])
    if "environment" in fields:
        details["environment"] = changed_keys(stored.environment, merged["environment"])
    return details if fields else {}


def _new_flow(owner: Any, fields: dict[str, Any]) -> Flow:
    fields = {k: v for k, v in fields.items() if k in FLOW_FIELDS}
    _check_fields(fields)
    flow = Flow(owner=owner, **fields)
    flow.full_clean()
    flow.save()
    return flow


@transaction.atomic
def flow_create(*, owner: Any, actor: Any = None, **fields: Any) -> Flow:
    """Store a new flow (a draft may be invalid; ``flow_problems`` says why), recorded as ``actor``'s
    (default: the owner's) in the audit trail."""
    flow = _new_flow(owner, fields)
    _record(actor or owner, AuditAction.CREATED, flow)
    return flow


@transaction.atomic
def flow_update(*, flow: Flow, revision: int, actor: Any = None, **fields: Any) -> Flow:
    """Save ``fields`` if ``revision`` is still the stored one; 409 otherwise.

    Masked sensitive values (``******``) coming back from a client keep the stored secret. A save
    that changes something is recorded as ``actor``'s (default: the owner's), naming what changed.
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
    if "stops" in fields or "environment" in fields:
        incoming = {
            "name": merged["name"],
            "stops": merged["stops"],
            "environmentVariable": merged["environment"],
        }
        stored = {"name": current.name, "stops": current.stops, "environmentVariable": current.environment}
        restored = piflow.restore_secrets(spec_from_json(incoming), spec_from_json(stored))
        merged["stops"] = restored.to_dict()["flow"]["stops"]
        merged["environment"] = dict(restored.environment_variable)
    changes = _changes(current, merged)
    for name, value in merged.items():
        setattr(current, name, value)
    current.revision = F("revision") + 1
    current.full_clean(exclude=["revision"])
    current.save()
    current.refresh_from_db()
    if changes:
        _record(
            actor or current.owner, AuditAction.CHANGED, current, {**changes, "revision": current.revision}
        )
    return current


@transaction.atomic
def flow_import(*, owner: Any, data: Any, actor: Any = None) -> Flow:
    """A new flow from PiFlow's flow JSON, with its checkpoints and, when it carries one, its canvas layout;
    recorded as imported by ``actor`` (default: the owner)."""
    spec, request = piflow_from_json(data)
    check_storable(spec=spec, data=data, name_max=Flow._meta.get_field("name").max_length)
    flow = _new_flow(owner, spec_to_fields(spec, request, layout_of(data)))
    _record(actor or owner, AuditAction.IMPORTED, flow)
    return flow


@transaction.atomic
def flow_delete(*, flow: Flow, actor: Any = None) -> None:
    """Delete a flow; its runs stay, without the link to it. Recorded as ``actor``'s (default: the owner's)."""
    _record(actor or flow.owner, AuditAction.DELETED, flow)
    flow.delete()
