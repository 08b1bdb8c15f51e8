"""Celery tasks of the flows app: thin, taking ids, safe to run twice.

``run_process`` is routed to the ``spark`` queue (the Spark worker, one process, threads sharing a
warm SparkSession); ``reap_expired_processes`` to ``default`` (the light worker that also runs
beat). Routes and the beat schedule are in ``piflow_site.integrations.celery``.
The worker lifecycle hooks at the bottom warm Spark when a worker that serves ``spark`` starts
and stop its runs when it shuts down.
"""

from __future__ import annotations

import logging
import threading

from celery import shared_task
from celery.signals import worker_ready, worker_shutting_down

from common.workers import SPARK_QUEUE
from flows import execution
from flows.events import publish_process_end
from flows.services import processes_reap_expired
from flows.services.dispatch import RUN_PROCESS_TASK

logger = logging.getLogger(__name__)


@shared_task(name=RUN_PROCESS_TASK, bind=True, acks_late=True, ignore_result=True)
def run_process(self, process_id: str) -> str | None:
    """Run a queued process; a second delivery finds it claimed and does nothing."""
    return execution.execute_process(process_id, worker_name=execution.worker_name(self.request.hostname))


@shared_task(ignore_result=True)
def reap_expired_processes() -> list[str]:
    """Fail the runs whose worker stopped renewing its lease, and tell their watchers."""
    reaped = processes_reap_expired()
    for process_id in reaped:
        logger.warning("process %s failed: its worker's lease expired", process_id)
        publish_process_end(process_id)
    return reaped


# -- worker lifecycle ---------------------------------------------------------------------------


@worker_ready.connect
def warm_spark(sender=None, **kwargs) -> None:
    """A worker serving the spark queue starts its SparkSession before it takes the first run."""
    queues = set(sender.app.amqp.queues.consume_from) if sender is not None else set()
    if SPARK_QUEUE in queues:
        execution.warm_up()
        logger.info("PiFlow Spark worker ready (queues: %s)", ", ".join(sorted(queues)))


@worker_shutting_down.connect
def stop_runs(sender=None, how: str = "", **kwargs) -> None:
    """On shutdown, stop this worker's runs (they end FAILED, saying why) so the shutdown is quick."""
    reason = f"the worker {sender or ''} shut down during the run".replace("  ", " ")
    # Called from a signal handler: do the (py4j) cancelling in a thread.
    threading.Thread(target=execution.abort_all, args=(reason,), name="piflow-shutdown", daemon=True).start()
