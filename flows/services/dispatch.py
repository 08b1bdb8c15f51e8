"""Handing a queued run to the Spark workers, once the transaction that created it commits.

The task is sent by name, so the services never import the tasks module (which imports the
services): ``flows.tasks.run_process`` is registered under ``RUN_PROCESS_TASK`` and routed to
the Spark queue by ``piflow_site.integrations.celery``.
"""

from __future__ import annotations

from celery import current_app
from django.db import transaction

RUN_PROCESS_TASK = "flows.tasks.run_process"


def send_run(process_id: str) -> None:
    """Queue the run now (tests replace this to keep runs queued)."""
    current_app.send_task(RUN_PROCESS_TASK, args=[process_id])


def dispatch_after_commit(process_id: str) -> None:
    """Queue the run when the current transaction commits (never a run the database does not have)."""
    transaction.on_commit(lambda: send_run(process_id))
