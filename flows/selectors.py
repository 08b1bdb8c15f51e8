"""Reads of flows and processes, always through the asking user's visibility (``common.visibility``)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from common import run_files
from common.errors import NotFoundError
from common.storable import NUL, without_nul
from common.visibility import get_visible, visible_to
from flows.models import Flow, Process, ProcessState

#: PiFlow's answer for a run that does not exist or is not the caller's.
PROCESS_NOT_FOUND = "appID is null or flow does not exist!"


def flow_list(*, user: Any, search: str = "") -> QuerySet[Flow]:
    """The flows ``user`` sees, last changed first, optionally those whose name or description holds ``search``."""
    flows = visible_to(Flow.objects.select_related("owner"), user)
    search = without_nul(search)
    if search:
        flows = flows.filter(name__icontains=search) | flows.filter(description__icontains=search)
    return flows


def flow_get(*, user: Any, flow_id: int) -> Flow:
    """The flow, or NotFoundError when it does not exist or the user may not see it."""
    return get_visible(Flow.objects.all(), user, message=f"flow {flow_id} not found", pk=flow_id)


def process_list(*, user: Any, state: str = "", flow_id: int | None = None) -> QuerySet[Process]:
    """The runs ``user`` sees, newest first, optionally in one state and of one flow."""
    processes = visible_to(Process.objects.select_related("owner", "flow"), user)
    if state:
        processes = processes.filter(state=state.upper())
    if flow_id is not None:
        processes = processes.filter(flow_id=flow_id)
    return processes


def process_get(*, user: Any, process_id: str, message: str = PROCESS_NOT_FOUND) -> Process:
    """The process, or NotFoundError (``message``, PiFlow's by default) when missing or not the user's.

    An id no process can have (longer than the column, or holding a NUL, which PostgreSQL refuses
    even in a query) is simply not found.
    """
    shown = without_nul(process_id)[:200]
    if NUL in process_id or len(process_id) > Process._meta.get_field("id").max_length:
        raise NotFoundError(message, extra={"appID": shown})
    return get_visible(Process.objects.all(), user, message=message, extra={"appID": shown}, pk=process_id)


def process_state(process_id: str) -> str | None:
    """A run's state as stored now (None when it is gone)."""
    return Process.objects.filter(pk=process_id).values_list("state", flat=True).first()


def process_cancel_requested(process_id: str) -> bool:
    """Whether someone asked to stop the run."""
    return bool(Process.objects.filter(pk=process_id).values_list("cancel_requested", flat=True).first())


def process_port_rows(process: Process) -> dict[str, dict[str, int]]:
    """Stop -> {port: rows} for every path of the run whose row count is known (``""`` = default port)."""
    rows: dict[str, dict[str, int]] = {}
    for path in process.paths.all():
        if path.rows is not None:
            rows.setdefault(path.from_stop, {})[path.outport] = path.rows
    return rows


# -- run files and counts ----------------------------------------------------------------------------


def process_log_page(
    *, process: Process, offset: int = 0, limit: int | None = None, message: str | None = None
) -> run_files.LogPage:
    """Up to ``limit`` bytes of the run's log from byte ``offset``, never cutting a character."""
    storage = run_files.run_storage(
        process.id, message=message, extra={"appID": process.id} if message else None
    )
    return run_files.log_page(storage, offset, limit)


def process_checkpoint_names(*, process: Process) -> list[str]:
    """Stops of the run with a complete checkpoint (what a resumed run can load)."""
    return run_files.run_storage(process.id).checkpoints()


def process_debug_page(
    *, process: Process, stop: str, port: str = "", offset: int = 0, limit: int = 100
) -> run_files.DebugPage:
    """Schema and a page of the sampled rows on one port of a debug run; NotFoundError when there are none."""
    return run_files.debug_page(
        run_files.run_storage(process.id), stop=stop, port=port, offset=offset, limit=limit
    )


def process_counts_by_state(*, user: Any) -> dict[str, int]:
    """How many of the user's runs (an admin: all runs) are in each state, every state listed."""
    counts = dict.fromkeys(ProcessState.values, 0)
    rows = visible_to(Process.objects.all(), user).order_by().values_list("state").annotate(n=Count("pk"))
    for state, n in rows:
        counts[state] = n
    return counts
