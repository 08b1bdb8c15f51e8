"""Writes of the audit trail: one function, called by the services (and admin actions) that change things."""

from __future__ import annotations

import json
from typing import Any

from audit.models import AuditAction, AuditEvent, AuditTarget
from audit.request_context import client_address

_NAME_MAX = AuditEvent._meta.get_field("target_name").max_length
_ID_MAX = AuditEvent._meta.get_field("target_id").max_length


def record_event(
    *,
    actor: Any,
    action: str,
    target_type: str,
    target_id: Any,
    target_name: str,
    details: dict[str, Any] | None = None,
    address: str | None = None,
) -> AuditEvent:
    """Record that ``actor`` did ``action`` to a ``target_type`` object, now.

    Call it inside the transaction of the change, so the event is kept exactly when the change is.
    ``actor``: the user (None or anonymous: PiFlow itself). ``action`` and ``target_type`` are values
    of ``AuditAction`` and ``AuditTarget`` (anything else is a programming error: ValueError).
    ``details``: JSON saying what changed by name, never a secret's value. ``address``: the
    client's, by default that of the request being served, if any.
    """
    if action not in AuditAction.values:
        raise ValueError(f"unknown audit action {action!r}; add it to AuditAction")
    if target_type not in AuditTarget.values:
        raise ValueError(f"unknown audit target type {target_type!r}; add it to AuditTarget")
    known = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=known,
        actor_name=known.get_username() if known else "",
        action=action,
        target_type=target_type,
        target_id=str(target_id)[:_ID_MAX],
        target_name=(target_name or "")[:_NAME_MAX],
        details=json.loads(json.dumps(details or {}, default=str)),
        address=address or client_address(),
    )
