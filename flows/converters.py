"""The one place ORM rows become engine input, and PiFlow's flow JSON becomes rows.

PiFlow's JSON mixes the flow with how to run it; here a stored flow gives a ``piflow.FlowSpec``
and its run request separately, and export/import add the canvas layout (``layout``: stop name
-> ``{x, y}``, a key PiFlow ignores) so a flow exported and imported again looks the same.
"""

from __future__ import annotations

from typing import Any

import piflow
from flows.models import Flow

#: The key of the flow object that carries canvas positions in exported flow JSON.
LAYOUT_KEY = "layout"


def flow_to_spec(flow: Flow) -> piflow.FlowSpec:
    """The PiFlow flow of a stored flow, with its secrets (for running, never for showing)."""
    return piflow.FlowSpec.from_dict(
        {
            "flow": {
                "name": flow.name,
                "uuid": str(flow.uuid),
                "driverMemory": flow.driver_memory,
                "executorNumber": str(flow.executor_number),
                "executorMemory": flow.executor_memory,
                "executorCores": str(flow.executor_cores),
                "environmentVariable": flow.environment,
                "stops": flow.stops,
                "paths": flow.paths,
            }
        }
    )


def flow_request(flow: Flow, mode: str = piflow.RUN) -> piflow.RunRequest:
    """How a run of the stored flow goes: ``mode``, writing the checkpoints the flow marks."""
    return piflow.RunRequest(mode=mode, checkpoints=tuple(flow.checkpoints))


def spec_to_fields(
    spec: piflow.FlowSpec, request: piflow.RunRequest | None = None, layout: Any = None
) -> dict[str, Any]:
    """Flow model fields from a PiFlow flow, the checkpoints its request writes, and a canvas layout."""
    data = spec.to_dict()["flow"]
    fields = {
        "name": spec.name,
        "driver_memory": spec.driver_memory,
        "executor_number": _positive(spec.executor_number),
        "executor_memory": spec.executor_memory,
        "executor_cores": _positive(spec.executor_cores),
        "stops": data["stops"],
        "paths": data["paths"],
        "checkpoints": list(request.checkpoints) if request else [],
        "environment": dict(spec.environment_variable),
    }
    if layout is not None:
        fields["positions"] = layout
    return fields


def layout_of(data: Any) -> Any:
    """The canvas layout carried in PiFlow flow JSON (``None`` when it has none)."""
    inner = data.get("flow", data) if isinstance(data, dict) else None
    return inner.get(LAYOUT_KEY) if isinstance(inner, dict) else None


def _positive(text: str) -> int:
    try:
        return max(int(text), 1)
    except ValueError:
        return 1


def public_spec(
    spec: piflow.FlowSpec, request: piflow.RunRequest | None = None, layout: dict[str, Any] | None = None
) -> dict[str, Any]:
    """PiFlow flow JSON safe to show or export: secrets masked (sensitive values, URL passwords, the
    environment variables that fill them), with the request and layout given."""
    data = piflow.to_piflow(piflow.redact_flow(spec), request)
    if layout:
        data["flow"][LAYOUT_KEY] = layout
    return data


def public_flow(flow: Flow) -> dict[str, Any]:
    """A stored flow as exported: PiFlow flow JSON with its checkpoints and layout, secrets masked."""
    return public_spec(flow_to_spec(flow), flow_request(flow), flow.positions)


def masked_stops(stops: list[dict[str, Any]], name: str = "flow") -> list[dict[str, Any]]:
    """``stops`` (PiFlow JSON objects) with every sensitive property value and URL password masked."""
    spec = piflow.FlowSpec.from_dict({"flow": {"name": name, "stops": stops}})
    return piflow.redact_flow(spec).to_dict()["flow"]["stops"]


def masked_environment(flow: Flow) -> dict[str, str]:
    """The flow's ``${VAR}`` values as shown: a variable that fills a password is masked whole, and
    passwords inside other values (URLs) are masked."""
    return dict(piflow.redact_flow(flow_to_spec(flow)).environment_variable)
