"""Runs on a real Celery worker process: completion with live events, stop, crash, duplicates.

The order matters only for speed: the kill -9 test restarts the shared Spark worker, so it runs last.
"""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator

import piflow
from flows import services, tasks
from flows.execution import execute_process
from flows.models import Process, ProcessState, StopState
from flows.services import dispatch

from .flows_for_tests import endless_flow, small_flow, wait_for
from .sockets import run_socket

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]

#: How long to wait for a run to reach a point before giving up (a limit, never what is asserted).
GIVE_UP = 120


def state_of(process_id: str) -> str:
    return Process.objects.values_list("state", flat=True).get(pk=process_id)


def stop_state(process_id: str, name: str) -> str:
    return Process.objects.get(pk=process_id).stops.get(name=name).state


async def watch(communicator: WebsocketCommunicator, queue_run) -> tuple[dict, list[dict]]:
    """Connect to the run's WebSocket, then queue the run, and collect events until it ends."""
    connected, _ = await communicator.connect(timeout=10)
    assert connected
    snapshot = await communicator.receive_json_from(timeout=10)
    await sync_to_async(queue_run)()
    events = []
    while True:
        event = await communicator.receive_json_from(timeout=120)
        events.append(event)
        if event["kind"] == "run_state" and event["state"] in piflow.State.FINISHED:
            break
    await communicator.disconnect()
    return snapshot, events


@pytest.fixture(autouse=True)
def user_may_write_into_tmp_path(user, tmp_path, grant_files):
    """Every run here writes into ``tmp_path``: an admin granted it to ``user`` (outside their workspace)."""
    grant_files(user, tmp_path)


def test_a_flow_completes_in_the_worker_and_its_websocket_sees_every_stop(
    spark_worker, user, tmp_path, monkeypatch
):
    # given: a run that is queued only once somebody watches it
    monkeypatch.setattr(dispatch, "send_run", lambda process_id: None)
    out = tmp_path / "out"
    process = services.process_start(owner=user, spec=small_flow(out))

    # when
    socket = run_socket(process.id, user)
    snapshot, events = async_to_sync(watch)(socket, lambda: tasks.run_process.delay(process.id))

    # then: the worker process ran it to the end
    process.refresh_from_db()
    assert process.state == ProcessState.COMPLETED, process.error
    assert process.progress == 100
    assert process.worker.startswith("spark@") and process.lease_expires_at is None
    assert process.started_at <= process.ended_at
    stops = list(process.stops.all())
    assert [s.name for s in stops] == ["Mock", "Filter", "Save"]
    for s in stops:
        assert s.state == StopState.COMPLETED and s.started_at <= s.ended_at, s
    written = sum(len(f.read_text().splitlines()) for f in out.glob("part-*"))
    assert 0 < written < 1000
    assert {(p.from_stop, p.to_stop): p.rows for p in process.paths.all()} == {
        ("Mock", "Filter"): 1000,
        ("Filter", "Save"): written,
    }
    # and the WebSocket saw the state before the run, then each stop start and finish
    assert snapshot["kind"] == "snapshot" and snapshot["process"]["state"] == "INIT"
    assert [s["state"] for s in snapshot["stops"]] == ["INIT"] * 3
    for name in ("Mock", "Filter", "Save"):
        seen = [e["state"] for e in events if e["kind"] == "stop_state" and e["stop"] == name]
        assert "STARTED" in seen and "COMPLETED" in seen, (name, seen)
        assert seen.index("STARTED") < seen.index("COMPLETED")
    rows = {(e["stop"], e["port"]): e["rows"] for e in events if e["kind"] == "port_rows"}
    assert rows == {("Mock", ""): 1000, ("Filter", ""): written}  # Save has no path out
    progress = [e["progress"] for e in events]
    assert progress == sorted(progress)
    assert events[-1]["kind"] == "run_state" and events[-1]["state"] == "COMPLETED"
    assert events[-1]["progress"] == 100


def test_a_run_stopped_while_queued_is_killed_at_once_and_never_runs(
    spark_worker, user, tmp_path, monkeypatch
):
    # given: a queued run whose message the worker has not seen yet
    monkeypatch.setattr(dispatch, "send_run", lambda process_id: None)
    process = services.process_start(owner=user, spec=small_flow(tmp_path / "out"))

    # when
    stopped = services.process_stop(process=process)

    # then: killed right away
    assert stopped.state == ProcessState.KILLED and stopped.ended_at is not None

    # when: the broker delivers the message anyway (a stop cannot take it back)
    tasks.run_process.delay(process.id)

    # then: the worker looks at it and leaves it alone
    wait_for(
        lambda: f"process {process.id} not run: it is KILLED" in spark_worker.output(),
        timeout=30,
        what="the worker to skip the killed run",
    )
    process.refresh_from_db()
    assert process.state == ProcessState.KILLED and process.started_at is None and process.worker == ""
    assert not piflow.RunStorage.of(process.id).exists()
    assert not (tmp_path / "out").exists()


def test_a_run_delivered_twice_runs_once(spark_worker, user, tmp_path):
    # given: a run that completed
    process = services.process_start(owner=user, spec=small_flow(tmp_path / "out"))
    wait_for(lambda: state_of(process.id) in piflow.State.FINISHED, timeout=120, what="the run to end")
    process.refresh_from_db()
    assert process.state == ProcessState.COMPLETED, process.error
    before = (process.started_at, process.ended_at, process.worker)

    # when: the task comes again, here and through the broker
    again_here = tasks.run_process.apply(args=[process.id]).get()
    again_direct = execute_process(process.id, worker_name="another@host:1")
    tasks.run_process.delay(process.id)
    wait_for(
        lambda: f"process {process.id} not run: it is COMPLETED" in spark_worker.output(),
        timeout=30,
        what="the worker to skip the finished run",
    )

    # then: nothing ran again
    assert again_here is None and again_direct is None
    process.refresh_from_db()
    assert (process.started_at, process.ended_at, process.worker) == before
    log = piflow.RunStorage.of(process.id).read_log()
    assert log.count(f"run {process.id} of flow") == 1


def test_stopping_a_long_run_kills_it_and_spark_cancels_its_jobs(spark_worker, spark_status, user, tmp_path):
    # given: a run whose Spark tasks are computing, as the worker's Spark reports it
    out = tmp_path / "out"
    process = services.process_start(owner=user, spec=endless_flow(out))
    tag = f"piflow-{process.id}"
    wait_for(
        lambda: stop_state(process.id, "Save") == StopState.STARTED, timeout=GIVE_UP, what="Save to start"
    )
    wait_for(lambda: spark_status.active_tasks(tag), timeout=GIVE_UP, what="Save's Spark tasks to run")

    # when
    services.process_stop(process=process)

    # then: the run ends KILLED, where it was
    wait_for(lambda: state_of(process.id) in piflow.State.FINISHED, timeout=GIVE_UP, what="the run to end")
    process.refresh_from_db()
    assert process.state == ProcessState.KILLED, process.error
    assert {s.name: s.state for s in process.stops.all()} == {
        "Mock": StopState.COMPLETED,
        "Join": StopState.COMPLETED,
        "Save": StopState.KILLED,
    }
    assert f"run {process.id} killed" in piflow.RunStorage.of(process.id).read_log()
    # and Spark cancelled the run's unfinished job (a cancelled job ends FAILED): nothing of it computes on
    wait_for(
        lambda: spark_status.active_tasks(tag) == 0, timeout=GIVE_UP, what="the run's Spark tasks to stop"
    )
    jobs = spark_status.jobs(tag)
    assert "RUNNING" not in {job["status"] for job in jobs}, jobs
    assert "FAILED" in {job["status"] for job in jobs}, jobs
    # and Save wrote nothing
    assert not list(out.glob("part-*"))


def test_a_run_whose_worker_is_killed_fails_naming_the_lost_lease(spark_worker, light_worker, user, tmp_path):
    # given: a run in progress on the Spark worker, and the light worker (beat + reaper) alive
    process = services.process_start(owner=user, spec=endless_flow(tmp_path / "out"))
    wait_for(
        lambda: stop_state(process.id, "Save") == StopState.STARTED, timeout=GIVE_UP, what="Save to start"
    )
    worker = Process.objects.get(pk=process.id).worker

    # when
    spark_worker.kill9()
    try:
        # then: once the lease runs out (6 s here) the reaper fails the run, saying why
        wait_for(
            lambda: state_of(process.id) in piflow.State.FINISHED,
            timeout=GIVE_UP,
            interval=0.5,
            what="the reaper to fail the run",
        )
        process.refresh_from_db()
        assert process.state == ProcessState.FAILED
        assert "lease" in process.error and worker in process.error, process.error
        assert process.stops.get(name="Save").state == StopState.FAILED
        assert process.lease_expires_at is None and process.ended_at is not None
    finally:
        spark_worker.start()
