"""Validation before any Spark work: every problem of a flow, at once, with where it is.

``compile_flow`` turns a FlowSpec into a CompiledFlow (stop instances with typed properties,
their paths and a dependency order) or raises FlowValidationError listing every problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from piflow.access import AccessPolicy
from piflow.access_checks import access_refusals
from piflow.registry import StopRegistry, UnknownStopError, default_registry
from piflow.run_request import RunRequest
from piflow.sdk.ports import Port
from piflow.sdk.stop import Stop
from piflow.spec import FlowSpec, PathSpec, StopSpec


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a flow, and the stop, property or path it concerns."""

    message: str
    stop: str | None = None
    property: str | None = None
    path: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            k: v
            for k, v in (
                ("message", self.message),
                ("stop", self.stop),
                ("property", self.property),
                ("path", self.path),
            )
            if v is not None
        }

    def __str__(self) -> str:
        where = []
        if self.stop is not None:
            where.append(f"stop {self.stop!r}")
        if self.property is not None:
            where.append(f"property {self.property!r}")
        if self.path is not None:
            where.append(f"paths[{self.path}]")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class FlowValidationError(ValueError):
    """A flow that cannot run; ``problems`` lists every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass
class CompiledStop:
    """A stop ready to run: its spec, class, instance and paths in and out."""

    spec: StopSpec
    cls: type[Stop]
    instance: Stop
    incoming: list[PathSpec] = field(default_factory=list)
    outgoing: list[PathSpec] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.spec.name


@dataclass
class CompiledFlow:
    """A validated flow: stops by name and an order in which every stop follows its inputs."""

    spec: FlowSpec
    stops: dict[str, CompiledStop]
    order: list[str]

    def sensitive_values(self) -> set[str]:
        """Values of sensitive properties, so logs can mask them."""
        values = set()
        for stop in self.stops.values():
            for prop in stop.cls.properties():
                value = stop.instance._values.get(prop.name)
                if prop.sensitive and value not in (None, ""):
                    values.add(str(value))
        return values


def _port_label(port: str) -> str:
    return repr(port) if port else "'default'"


def _check_stops(
    spec: FlowSpec, registry: StopRegistry, problems: list[Problem], policy: AccessPolicy | None
) -> dict[str, CompiledStop]:
    compiled: dict[str, CompiledStop] = {}
    seen: set[str] = set()
    for stop in spec.stops:
        if stop.name in seen:
            problems.append(
                Problem("duplicate stop name; stop names must be unique in a flow", stop=stop.name)
            )
            continue
        seen.add(stop.name)
        try:
            cls = registry.get(stop.bundle)
        except UnknownStopError:
            problems.append(Problem(f"unknown bundle {stop.bundle!r}", stop=stop.name, property="bundle"))
            continue
        values, errors = cls.parse_properties(stop.properties)
        for prop, message in errors.items():
            problems.append(Problem(message, stop=stop.name, property=prop))
        if policy is not None:
            for prop, message in access_refusals(cls, values, policy):
                problems.append(Problem(message, stop=stop.name, property=prop))
        if stop.customized_properties and not cls.customizable:
            problems.append(Problem(f"{cls.display_name()} takes no customized properties", stop=stop.name))
        compiled[stop.name] = CompiledStop(
            spec=stop, cls=cls, instance=cls(values, stop.customized_properties)
        )
    return compiled


def _check_paths(spec: FlowSpec, stops: dict[str, CompiledStop], problems: list[Problem]) -> None:
    known = {s.name for s in spec.stops}
    taken: dict[tuple[str, str], int] = {}
    for index, path in enumerate(spec.paths):
        missing = [end for end in (path.from_stop, path.to_stop) if end not in known]
        for end in missing:
            problems.append(Problem(f"names unknown stop {end!r}", path=index))
        if missing or path.from_stop not in stops or path.to_stop not in stops:
            continue
        source, target = stops[path.from_stop], stops[path.to_stop]
        outports = source.instance.output_ports()
        if outports is not None and path.outport not in outports:
            offered = ", ".join(_port_label(p) for p in outports) or "none"
            problems.append(
                Problem(
                    f"{path.from_stop!r} has no output port {_port_label(path.outport)} (it has {offered})",
                    stop=path.from_stop,
                    path=index,
                )
            )
            continue
        inports = target.instance.input_ports()
        if inports is not None and path.inport not in inports:
            offered = ", ".join(_port_label(p) for p in inports) or "none: it is a source"
            problems.append(
                Problem(
                    f"{path.to_stop!r} has no input port {_port_label(path.inport)} (it has {offered})",
                    stop=path.to_stop,
                    path=index,
                )
            )
            continue
        key = (path.to_stop, path.inport)
        if key in taken:
            problems.append(
                Problem(
                    f"input port {_port_label(path.inport)} of {path.to_stop!r} is already "
                    f"connected by paths[{taken[key]}]",
                    stop=path.to_stop,
                    path=index,
                )
            )
            continue
        taken[key] = index
        source.outgoing.append(path)
        target.incoming.append(path)


def _check_inputs(stops: dict[str, CompiledStop], problems: list[Problem]) -> None:
    for stop in stops.values():
        required = stop.instance.required_inputs()
        connected = {p.inport for p in stop.incoming}
        if required == (Port.ANY,):
            if not connected:
                problems.append(Problem("needs at least one input and has none", stop=stop.name))
            continue
        missing = [port for port in required if port not in connected]
        if missing:
            ports = " and ".join(_port_label(p) for p in missing)
            needs = " and ".join(_port_label(p) for p in required)
            problems.append(Problem(f"needs input on {needs}; {ports} not connected", stop=stop.name))


def _order(spec: FlowSpec, stops: dict[str, CompiledStop], problems: list[Problem]) -> list[str]:
    """Kahn's algorithm, stable in declaration order; leftovers form a cycle."""
    names = list(dict.fromkeys(s.name for s in spec.stops if s.name in stops))
    pending = {name: {p.from_stop for p in stops[name].incoming} for name in names}
    order: list[str] = []
    while True:
        ready = [name for name in names if name in pending and not pending[name]]
        if not ready:
            break
        for name in ready:
            order.append(name)
            del pending[name]
        for deps in pending.values():
            deps.difference_update(ready)
    if pending:
        cycle = ", ".join(repr(n) for n in names if n in pending)
        problems.append(Problem(f"the paths form a cycle through {cycle}"))
    return order


def compile_flow(
    spec: FlowSpec,
    registry: StopRegistry | None = None,
    request: RunRequest | None = None,
    policy: AccessPolicy | None = None,
) -> CompiledFlow:
    """Check everything that can be checked without Spark; raise FlowValidationError listing it all.

    Given ``request``, the stops it checkpoints or loads must be stops of the flow; given
    ``policy``, every file, host and database a stop names must be one its owner may use.
    """
    registry = registry or default_registry()
    problems: list[Problem] = []
    stops = _check_stops(spec, registry, problems, policy)
    _check_paths(spec, stops, problems)
    _check_inputs(stops, problems)
    order = _order(spec, stops, problems)
    if request is not None:
        known = {s.name for s in spec.stops}
        for name in (*request.checkpoints, *request.load):
            if name not in known:
                problems.append(Problem(f"checkpoint names unknown stop {name!r}", property="checkpoint"))
    if problems:
        raise FlowValidationError(problems)
    return CompiledFlow(spec=spec, stops=stops, order=order)


def validate_flow(
    spec: FlowSpec,
    registry: StopRegistry | None = None,
    request: RunRequest | None = None,
    policy: AccessPolicy | None = None,
) -> list[Problem]:
    """Every problem of ``spec`` (run as ``request``, for an owner with ``policy``, when given); empty when it can run."""
    try:
        compile_flow(spec, registry, request, policy)
    except FlowValidationError as exc:
        return exc.problems
    return []
