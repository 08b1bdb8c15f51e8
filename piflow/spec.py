"""Flows, stops, paths and groups as plain data, read from and written to PiFlow's JSON.

``FlowSpec.from_dict`` accepts exactly what PiFlow's ``POST /flow/start`` accepts
(``{"flow": {...}}`` or the inner object); ``to_dict`` writes it back. The keys that say how
to run it (``runMode``, ``checkpoint``, ``checkpointParentProcessId``) are read by
``piflow.run_request.RunRequest.from_piflow`` instead. Property values are
kept as strings, as on the wire; a stop's typed descriptors convert them at validation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from piflow.sdk.ports import normalize_port
from piflow.sdk.properties import _as_text

RUN = "RUN"
DEBUG = "DEBUG"
_ENV_TOKEN = re.compile(r"\$\{[^}]+\}")


class SpecError(ValueError):
    """The JSON is not a flow or group in PiFlow's shape."""


def _require_mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise SpecError(f"{what} must be a JSON object, not {type(value).__name__}")
    return value


def _require_list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SpecError(f"{what} must be a JSON list, not {type(value).__name__}")
    return value


def _names(value: Any) -> tuple[str, ...]:
    """A comma-separated string (or a list) of names, as PiFlow's ``checkpoint`` field."""
    return tuple(item.strip() for item in _as_text(value).split(",") if item.strip())


def _string_map(value: Any, what: str) -> dict[str, str]:
    return {str(k): _as_text(v) for k, v in _require_mapping(value or {}, what).items()}


@dataclass(frozen=True)
class PathSpec:
    """A path from one stop's outport to another stop's inport (``""`` = default port)."""

    from_stop: str
    to_stop: str
    outport: str = ""
    inport: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], index: int = 0) -> PathSpec:
        data = _require_mapping(data, f"paths[{index}]")
        for key in ("from", "to"):
            if not _as_text(data.get(key)).strip():
                raise SpecError(f"paths[{index}] has no {key!r} stop")
        return cls(
            from_stop=_as_text(data["from"]).strip(),
            to_stop=_as_text(data["to"]).strip(),
            outport=normalize_port(_as_text(data.get("outport"))),
            inport=normalize_port(_as_text(data.get("inport"))),
        )

    def to_dict(self) -> dict[str, str]:
        return {"from": self.from_stop, "outport": self.outport, "inport": self.inport, "to": self.to_stop}


@dataclass(frozen=True)
class StopSpec:
    """One stop of a flow: its unique name, its bundle and its raw (string) properties."""

    name: str
    bundle: str
    uuid: str = ""
    properties: Mapping[str, str] = field(default_factory=dict)
    customized_properties: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], index: int = 0) -> StopSpec:
        data = _require_mapping(data, f"stops[{index}]")
        name = _as_text(data.get("name")).strip()
        if not name:
            raise SpecError(f"stops[{index}] has no name")
        return cls(
            name=name,
            bundle=_as_text(data.get("bundle")),
            uuid=_as_text(data.get("uuid")),
            properties=_string_map(data.get("properties"), f"stop {name!r} properties"),
            customized_properties=_string_map(
                data.get("customizedProperties"), f"stop {name!r} customizedProperties"
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "name": self.name,
            "bundle": self.bundle,
            "properties": dict(self.properties),
            "customizedProperties": dict(self.customized_properties),
        }


@dataclass(frozen=True)
class FlowSpec:
    """A flow: stops, paths, Spark resources and environment variables.

    How a run of it goes (mode, checkpoints, resuming) is a ``piflow.RunRequest``, not part of the flow.
    """

    name: str
    stops: tuple[StopSpec, ...] = ()
    paths: tuple[PathSpec, ...] = ()
    uuid: str = ""
    driver_memory: str = "1g"
    executor_number: str = "1"
    executor_memory: str = "1g"
    executor_cores: str = "1"
    environment_variable: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FlowSpec:
        data = _require_mapping(data, "the flow")
        if "flow" in data:
            data = _require_mapping(data["flow"], "'flow'")
        return cls(
            name=_as_text(data.get("name")).strip() or "flow",
            uuid=_as_text(data.get("uuid")),
            stops=tuple(
                StopSpec.from_dict(s, i) for i, s in enumerate(_require_list(data.get("stops"), "stops"))
            ),
            paths=tuple(
                PathSpec.from_dict(p, i) for i, p in enumerate(_require_list(data.get("paths"), "paths"))
            ),
            driver_memory=_as_text(data.get("driverMemory") or "1g"),
            executor_number=_as_text(data.get("executorNumber") or "1"),
            executor_memory=_as_text(data.get("executorMemory") or "1g"),
            executor_cores=_as_text(data.get("executorCores") or "1"),
            environment_variable=_string_map(data.get("environmentVariable"), "environmentVariable"),
        )

    @classmethod
    def from_json(cls, text: str) -> FlowSpec:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(f"not valid JSON: {exc}") from None
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        flow: dict[str, Any] = {
            "name": self.name,
            "uuid": self.uuid,
            "driverMemory": self.driver_memory,
            "executorNumber": self.executor_number,
            "executorMemory": self.executor_memory,
            "executorCores": self.executor_cores,
            "stops": [s.to_dict() for s in self.stops],
            "paths": [p.to_dict() for p in self.paths],
        }
        if self.environment_variable:
            flow["environmentVariable"] = dict(self.environment_variable)
        return {"flow": flow}

    def to_json(self, **kw: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kw)

    def stop(self, name: str) -> StopSpec:
        for stop in self.stops:
            if stop.name == name:
                return stop
        raise KeyError(name)

    def with_environment(self) -> FlowSpec:
        """A copy with every ``${VAR}`` in every property replaced from ``environmentVariable``.

        Keys may carry the ``${}`` wrapper (PiFlow's form) or not. Unknown tokens stay as they are.
        """
        if not self.environment_variable:
            return self
        env = {}
        for key, value in self.environment_variable.items():
            env[key if key.startswith("${") else "${" + key + "}"] = value

        def sub(text: str) -> str:
            return _ENV_TOKEN.sub(lambda m: env.get(m.group(0), m.group(0)), text)

        stops = tuple(
            replace(
                s,
                properties={k: sub(v) for k, v in s.properties.items()},
                customized_properties={k: sub(v) for k, v in s.customized_properties.items()},
            )
            for s in self.stops
        )
        return replace(self, stops=stops)


@dataclass(frozen=True)
class ConditionSpec:
    """Group ordering: ``entry`` starts once every child named in ``after`` has COMPLETED."""

    entry: str
    after: tuple[str, ...]

    def to_dict(self) -> dict[str, str]:
        return {"entry": self.entry, "after": ",".join(self.after)}


@dataclass(frozen=True)
class GroupSpec:
    """A group of flows and nested groups with their ordering conditions."""

    name: str
    flows: tuple[FlowSpec, ...] = ()
    groups: tuple[GroupSpec, ...] = ()
    conditions: tuple[ConditionSpec, ...] = ()
    uuid: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GroupSpec:
        data = _require_mapping(data, "the group")
        if "group" in data:
            data = _require_mapping(data["group"], "'group'")
        return cls(
            name=_as_text(data.get("name")).strip() or "group",
            uuid=_as_text(data.get("uuid")),
            flows=tuple(FlowSpec.from_dict(f) for f in _require_list(data.get("flows"), "flows")),
            groups=tuple(GroupSpec.from_dict(g) for g in _require_list(data.get("groups"), "groups")),
            conditions=tuple(
                ConditionSpec(
                    entry=_as_text(_require_mapping(c, "condition").get("entry")).strip(),
                    after=_names(c.get("after")),
                )
                for c in _require_list(data.get("conditions"), "conditions")
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": {
                "name": self.name,
                "uuid": self.uuid,
                "flows": [f.to_dict() for f in self.flows],
                "groups": [g.to_dict() for g in self.groups],
                "conditions": [c.to_dict() for c in self.conditions],
            }
        }
