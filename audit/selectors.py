"""Reads of the audit trail: admins only; anyone else is answered as if it did not exist (404)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from audit.models import AuditEvent
from common.errors import NotFoundError
from common.storable import without_nul


def check_may_read(user: Any) -> None:
    """NotFoundError unless ``user`` is an admin: for anyone else the trail does not exist."""
    if not user.is_staff:
        raise NotFoundError("not found")


def event_list(
    *,
    user: Any,
    actor: str = "",
    action: str = "",
    target_type: str = "",
    target_id: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[AuditEvent]:
    """The events an admin asks for, newest first; NotFoundError for anyone else.

    ``actor``: the user name (as it was when they acted); ``since`` and ``until`` bound the time,
    both included. Empty filters do not filter.
    """
    check_may_read(user)
    events = AuditEvent.objects.all()
    if actor := without_nul(actor):
        events = events.filter(actor_name__iexact=actor)
    if action:
        events = events.filter(action=action)
    if target_type:
        events = events.filter(target_type=target_type)
    if target_id := without_nul(target_id):
        events = events.filter(target_id=target_id)
    if since is not None:
        events = events.filter(at__gte=since)
    if until is not None:
        events = events.filter(at__lte=until)
    return events
