"""Running a queued process in the test's own thread, as the Spark worker runs it.

``flows.execution.execute_process`` also starts a heartbeat thread, which cannot see the test's
uncommitted transaction; this does the rest of what it does: claim the run, run the engine with
the owner's policy (``flows.execution._run``, the worker's own call), record its events, finish.
"""

from __future__ import annotations

import piflow
from flows import execution
from flows.events import ProcessEventRecorder
from flows.models import Process
from flows.services.leases import claim, finish_held

WORKER = "test-worker:1"


def run_like_the_worker(process_id: str) -> Process:
    """Run the queued process to its end on this process's Spark; the process as stored afterwards."""
    assert claim(process_id, worker=WORKER, lease=600), "the run was not queued"
    process = Process.objects.get(pk=process_id)
    recorder = ProcessEventRecorder(process_id, worker=WORKER)
    state, error = execution._run(process, recorder, piflow.CancelToken())
    finish_held(process_id, worker=WORKER, state=state, error=error)
    process.refresh_from_db()
    return process
