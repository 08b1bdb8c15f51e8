"""A worker's hold on a run: claim it, keep it by renewing the lease, write how it ended while still holding it.

The database, not the broker, is the truth about a run: only one delivery of a task can claim a
run (``UPDATE ... WHERE state = 'INIT'``), and a worker whose lease expired (it died, or the
reaper gave up on it) can no longer renew it nor write its end.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from flows.models import Process, ProcessState
from flows.services.processes import process_finish


def claim(process_id: str, *, worker: str, lease: float) -> bool:
    """Take a queued run for ``worker``; False if it is not queued any more (or does not exist)."""
    now = timezone.now()
    return bool(
        Process.objects.filter(pk=process_id, state=ProcessState.INIT).update(
            state=ProcessState.STARTED,
            started_at=now,
            worker=worker,
            lease_expires_at=now + timedelta(seconds=lease),
        )
    )


def renew(process_id: str, *, worker: str, lease: float) -> bool:
    """Extend ``worker``'s lease; False when the run is no longer STARTED and held by it."""
    return bool(
        Process.objects.filter(pk=process_id, worker=worker, state=ProcessState.STARTED).update(
            lease_expires_at=timezone.now() + timedelta(seconds=lease),
        )
    )


def finish_held(process_id: str, *, worker: str, state: str, error: str) -> bool:
    """Write how the run ended, if ``worker`` still holds it; True if written."""
    return process_finish(
        process_id, state=state, error=error, only_from=(ProcessState.STARTED,), worker=worker
    )
