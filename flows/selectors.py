"""Reads of flows and processes, always through the asking user's visibility."""

from __future__ import annotations

from django.db.models import QuerySet

from flows.models import Flow, Process
from piflow_site.errors import NotFoundError


def _visible(queryset: QuerySet, user) -> QuerySet:
    """Admins see everything; a user sees only what they own."""
    return queryset if user.is_staff else queryset.filter(owner=user)


def flow_list(*, user, search: str = "") -> QuerySet[Flow]:
    flows = _visible(Flow.objects.select_related("owner"), user)
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
    """The process, or NotFoundError (PiFlow's message) when missing or not the user's."""
    process = _visible(Process.objects.all(), user).filter(pk=process_id).first()
    if process is None:
        raise NotFoundError("appID is null or flow does not exist!", extra={"appID": process_id})
    return process
