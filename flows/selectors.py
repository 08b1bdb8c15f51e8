"""Reads of flows and processes, always through the asking user's visibility."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

import piflow
from flows.models import Flow, Process, ProcessState
from piflow_site.errors import NotFoundError


def _visible(queryset: QuerySet, user) -> QuerySet:
    """Admins see everything; a user sees only what they own."""
    return queryset if user.is_staff else queryset.filter(owner=user)


def flow_list(*, user, search: str = "") -> QuerySet[Flow]:
    flows = _visible(Flow.objects.select_related("owner"), user)
    search = search.replace("\x00", "")  # no stored text holds one, and PostgreSQL refuses it in a query
    if search:
        flows = flows.filter(name__icontains=search) | flows.filter(description__icontains=search)
    return flows


def flow_get(*, user, flow_id: int) -> Flow:
    """The flow, or NotFoundError when it does not exist or the user may not see it."""
    flow = _visible(Flow.objects.all(), user).filter(pk=flow_id).first()
    if flow is None:
        raise NotFoundError(f"flow {flow_id} not found")
    return flow


def process_list(*, user, state: str = "", flow_id: int | None = None) -> QuerySet[Process]:
    processes = _visible(Process.objects.select_related("owner", "flow"), user)
    if state:
        processes = processes.filter(state=state.upper())
    if flow_id is not None:
        processes = processes.filter(flow_id=flow_id)
    return processes


def process_get(*, user, process_id: str) -> Process:
    """The process, or NotFoundError (PiFlow's message) when missing or not the user's.

    An id no process can have (longer than the column, or holding a NUL, which PostgreSQL refuses
    even in a query) is simply not found.
    """
    if "\x00" in process_id or len(process_id) > Process._meta.get_field("id").max_length:
        raise NotFoundError("appID is null or flow does not exist!", extra={"appID": process_id.replace("\x00", "")[:200]})
    process = _visible(Process.objects.all(), user).filter(pk=process_id).first()
    if process is None:
        raise NotFoundError("appID is null or flow does not exist!", extra={"appID": process_id})
    return process


# -- run files and counts (the resource API and the dashboard) -----------------------------------

#: The most of a run's log one read returns.
LOG_CHUNK_BYTES = 1024 * 1024


def _storage(process: Process) -> piflow.RunStorage:
    try:
        return piflow.RunStorage.of(process.id)
    except piflow.RunNotFoundError as exc:
        raise NotFoundError(str(exc)) from None


def process_log_chunk(*, process: Process, offset: int = 0, limit: int = LOG_CHUNK_BYTES) -> dict[str, Any]:
    """``{"log", "next_offset", "more"}``: up to ``limit`` bytes of the run's log from byte ``offset``."""
    storage = _storage(process)
    size = storage.log_path.stat().st_size if storage.log_path.exists() else 0
    start = min(max(offset, 0), size)
    length = min(size - start, max(limit, 0))
    text = storage.read_log(start, length) if length > 0 else ""
    return {"log": text, "next_offset": start + length, "more": start + length < size}


def process_checkpoint_names(*, process: Process) -> list[str]:
    """Stops of the run with a complete checkpoint (what a resumed run can load)."""
    return _storage(process).checkpoints()


def process_debug_page(*, process: Process, stop: str, port: str = "", offset: int = 0,
                       limit: int = 100) -> dict[str, Any]:
    """Schema and a page of the sampled rows on one port of a debug run; NotFoundError when there are none."""
    storage = _storage(process)
    try:
        meta = storage.debug_meta(stop, port)
        rows = storage.debug_rows(stop, port, offset=offset, limit=limit)
    except (piflow.RunNotFoundError, FileNotFoundError) as exc:
        raise NotFoundError(str(exc), extra={"available": [
            {"stop": s, "port": p} for s, p in storage.debug_paths()
        ]}) from None
    return {"stop": stop, "port": meta.get("port", port), "schema": meta.get("schema") or {},
            "columns": meta.get("columns") or [], "rows": rows, "offset": offset, "limit": limit,
            "sampled": meta.get("sampled", len(rows)), "total_rows": meta.get("rows")}


def process_counts_by_state(*, user) -> dict[str, int]:
    """How many of the user's runs (an admin: all runs) are in each state, every state listed."""
    counts = dict.fromkeys(ProcessState.values, 0)
    rows = _visible(Process.objects.all(), user).order_by().values_list("state").annotate(n=Count("pk"))
    for state, n in rows:
        counts[state] = n
    return counts
