"""Writes of the flows app, by concern: flows, processes (runs), leases (a worker's hold on a run),
run events (what a running flow reports). Every database write of a flow or a run goes through here.

The names most callers need are re-exported, so ``from flows import services`` reads as before.
"""

from flows.services.flows import (
    FLOW_FIELDS,
    InvalidFlowError,
    check_storable,
    flow_create,
    flow_delete,
    flow_import,
    flow_problems,
    flow_update,
    spec_from_json,
)
from flows.services.processes import (
    process_delete,
    process_finish,
    process_rerun,
    process_resume,
    process_start,
    process_start_flow,
    process_stop,
    processes_reap_expired,
)

__all__ = [
    "FLOW_FIELDS",
    "InvalidFlowError",
    "check_storable",
    "flow_create",
    "flow_delete",
    "flow_import",
    "flow_problems",
    "flow_update",
    "process_delete",
    "process_finish",
    "process_rerun",
    "process_resume",
    "process_start",
    "process_start_flow",
    "process_stop",
    "processes_reap_expired",
    "spec_from_json",
]
