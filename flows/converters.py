"""The one place ORM rows become engine input (and PiFlow JSON becomes rows)."""

from __future__ import annotations

from typing import Any

import piflow
from flows.models import Flow


def flow_to_spec(flow: Flow, *, mode: str = piflow.RUN) -> piflow.FlowSpec:
    """The PiFlow flow of a stored flow, with its secrets (for running, never for showing)."""
    return piflow.FlowSpec.from_dict({"flow": {
        "name": flow.name,
        "uuid": str(flow.uuid),
        "driverMemory": flow.driver_memory,
        "executorNumber": str(flow.executor_number),
        "executorMemory": flow.executor_memory,
        "executorCores": str(flow.executor_cores),
        "runMode": mode,
        "checkpoint": ",".join(flow.checkpoints),
        "environmentVariable": flow.environment,
        "stops": flow.stops,
        "paths": flow.paths,
    }})


def spec_to_fields(spec: piflow.FlowSpec) -> dict[str, Any]:
    """Flow model fields from a PiFlow flow (import, /flow/start)."""
    data = spec.to_dict()["flow"]
    return {
        "name": spec.name,
        "driver_memory": spec.driver_memory,
        "executor_number": _positive(spec.executor_number),
        "executor_memory": spec.executor_memory,
        "executor_cores": _positive(spec.executor_cores),
        "stops": data["stops"],
        "paths": data["paths"],
        "checkpoints": list(spec.checkpoint),
        "environment": dict(spec.environment_variable),
    }


def _positive(text: str) -> int:
    try:
        return max(int(text), 1)
    except ValueError:
        return 1


def public_spec(spec: piflow.FlowSpec) -> dict[str, Any]:
    """PiFlow JSON safe to show or export: sensitive values masked."""
    return piflow.redact_flow(spec).to_dict()
