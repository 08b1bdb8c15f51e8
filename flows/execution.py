"""The worker side of a run: claim it, run it on the warm SparkSession, heartbeat, write how it ended.

It orchestrates; every database write goes through ``flows.services`` (``leases`` for the
claim, renewals and the end, ``run_events`` through the event recorder). The database, not the
broker, is the truth about a run:

* **Claim.** ``UPDATE ... SET state=STARTED, worker=me, lease_expires_at=now+lease WHERE state=INIT``.
  Only one delivery of a task can win it; a run delivered twice, stopped while queued, or already
  finished is not run (``execute_process`` returns ``None``).
* **Heartbeat.** While the flow runs (in the task's thread), a heartbeat thread renews the lease
  every couple of seconds and polls ``cancel_requested`` twice a second; a stop request cancels the
  run's Spark jobs through the engine's ``CancelToken``. A worker that died stops renewing, and
  the reaper (``flows.tasks.reap_expired_processes``, every 10 s on the light worker) marks the run
  FAILED once its lease expired. A worker that finds its lease taken away stops the run.
* **End.** The final state, error, end time and progress are written only if the run is still
  STARTED and held by this worker.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection

import piflow
from access.selectors import policy_for
from flows import selectors
from flows.events import ProcessEventRecorder
from flows.models import Process, ProcessState
from flows.services.leases import claim, finish_held, renew

logger = logging.getLogger(__name__)

#: How often the heartbeat thread looks for a stop request (a stop must end the run within 5 s).
CANCEL_POLL_SECONDS = 0.5
#: The heartbeat renews the lease this often, at most (less for short leases).
RENEW_SECONDS = 2.0


def worker_name(hostname: str | None = None) -> str:
    """How this worker process signs its leases: Celery's node name and the process id."""
    return f"{hostname or socket.gethostname()}:{os.getpid()}"


@dataclass
class ActiveRun:
    """A run executing in this worker process."""

    process_id: str
    token: piflow.CancelToken = field(default_factory=piflow.CancelToken)
    #: set when the worker itself ended the run (shutdown, lost lease): the run FAILED for this reason
    reason: str = ""

    def abort(self, reason: str) -> None:
        if not self.reason:
            self.reason = reason
        self.token.cancel()


_active: dict[str, ActiveRun] = {}
_active_lock = threading.Lock()


def active_runs() -> list[str]:
    with _active_lock:
        return list(_active)


def abort_all(reason: str) -> list[str]:
    """Stop every run of this worker process (on worker shutdown); each ends FAILED with ``reason``."""
    with _active_lock:
        runs = list(_active.values())
    for run in runs:
        run.abort(reason)
    return [run.process_id for run in runs]


def warm_up() -> None:
    """Start this process's SparkSession now, so the first flow does not wait for the JVM."""
    started = time.monotonic()
    piflow.get_spark()
    logger.info("SparkSession ready in %.1f s", time.monotonic() - started)


# -- heartbeat --------------------------------------------------------------------------------------


class Heartbeat(threading.Thread):
    """Renews a run's lease and turns a stop request into ``CancelToken.cancel()``."""

    def __init__(self, run: ActiveRun, *, worker: str, lease: float) -> None:
        super().__init__(name=f"heartbeat-{run.process_id}", daemon=True)
        self.run_ = run
        self.worker = worker
        self.lease = lease
        self.renew_every = min(RENEW_SECONDS, lease / 4)
        self._stop_event = threading.Event()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=10)

    def run(self) -> None:
        process_id = self.run_.process_id
        next_renewal = time.monotonic() + self.renew_every
        try:
            while True:
                try:
                    if time.monotonic() >= next_renewal:
                        next_renewal = time.monotonic() + self.renew_every
                        if not renew(process_id, worker=self.worker, lease=self.lease):
                            logger.warning("process %s: lease lost, stopping the run", process_id)
                            self.run_.abort(
                                f"the worker {self.worker} lost its lease on the run "
                                "(it was declared dead or the run was ended elsewhere)"
                            )
                            return
                    if not self.run_.token.cancelled and selectors.process_cancel_requested(process_id):
                        logger.info("process %s: stop requested", process_id)
                        self.run_.token.cancel()
                except DatabaseError:
                    logger.warning(
                        "process %s: heartbeat could not reach the database", process_id, exc_info=True
                    )
                    connection.close()
                if self._stop_event.wait(CANCEL_POLL_SECONDS):
                    return
        finally:
            connection.close()


# -- running ---------------------------------------------------------------------------------------


def execute_process(process_id: str, *, worker_name: str) -> str | None:
    """Run a queued process once, in this thread. Returns its final state, or None if it was not ours.

    Safe to call any number of times for the same process: only the call that claims it runs it.
    """
    worker = worker_name
    lease = settings.PIFLOW_LEASE_SECONDS
    if not claim(process_id, worker=worker, lease=lease):
        state = selectors.process_state(process_id)
        logger.info("process %s not run: it is %s", process_id, state or "gone")
        return None
    run = ActiveRun(process_id)
    with _active_lock:
        _active[process_id] = run
    heartbeat = Heartbeat(run, worker=worker, lease=lease)
    heartbeat.start()
    try:
        process = Process.objects.get(pk=process_id)
        recorder = ProcessEventRecorder(process_id, worker=worker)
        logger.info("process %s (%s) started by %s", process_id, process.name, worker)
        state, error = _run(process, recorder, run.token)
    finally:
        heartbeat.stop()
        with _active_lock:
            _active.pop(process_id, None)
    if run.reason and state != ProcessState.COMPLETED:
        state, error = ProcessState.FAILED, run.reason
    if not finish_held(process_id, worker=worker, state=state, error=error):
        logger.warning(
            "process %s ended %s but is no longer held by %s; left as stored", process_id, state, worker
        )
        return state
    recorder.announce_end()
    logger.info("process %s %s%s", process_id, state, f": {error}" if error else "")
    return state


def _run(process: Process, recorder: ProcessEventRecorder, token: piflow.CancelToken) -> tuple[str, str]:
    """Run the process's flow; (final state, error). Never raises."""
    try:
        result = piflow.run_flow(
            process.flow_spec,
            process.run_request,
            run_id=process.pk,
            sink=recorder,
            cancel=token,
            policy=policy_for(process.owner),
        )
    except (piflow.FlowValidationError, piflow.SpecError) as exc:
        # process_start validated the flow; stops or their packages may have changed since.
        return ProcessState.FAILED, f"the flow is not valid: {exc}"
    except Exception as exc:
        logger.exception("process %s crashed", process.pk)
        return ProcessState.FAILED, f"{type(exc).__name__}: {str(exc).strip()[:500]}"
    return result.state, result.error
