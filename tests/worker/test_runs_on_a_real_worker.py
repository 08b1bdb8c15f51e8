"""Runs on a real Celery worker process: completion with live events, stop, crash, duplicates.

The order matters only for speed: the kill -9 test restarts the shared Spark worker, so it runs last.
"""

from __future__ import annotations

import time

import psutil
import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

import piflow
from flows import services, tasks
from flows.execution import execute_process
from flows.models import Process, ProcessState, StopState

from .flows_for_tests import endless_flow, small_flow, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user(username="ada", password="not-a-real-password")


def state_of(process_id: str) -> str:
    return Process.objects.values_list("state", flat=True).get(pk=process_id)


def stop_state(process_id: str, name: str) -> str:
    return Process.objects.get(pk=process_id).stops.get(name=name).state


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


async def watch(process_id: str, session: str, dispatch) -> tuple[dict, list[dict]]:
    """Connect to the run's WebSocket, then queue the run, and collect events until it ends."""
    from piflow_site.asgi import application

    communicator = WebsocketCommunicator(
        application, f"/ws/processes/{process_id}/",
        headers=[(b"host", b"testserver"), (b"origin", b"http://testserver"),
                 (b"cookie", f"{settings.SESSION_COOKIE_NAME}={session}".encode())],
    )
    connected, _ = await communicator.connect(timeout=10)
    assert connected
    snapshot = await communicator.receive_json_from(timeout=10)
    await sync_to_async(dispatch)()
    events = []
    while True:
        event = await communicator.receive_json_from(timeout=120)
        events.append(event)
        if event["kind"] == "run_state" and event["state"] in piflow.State.FINISHED:
            break
    await communicator.disconnect()
    return snapshot, events


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and its children (the worker and its JVM)."""
    total = 0.0
    root = psutil.Process(pid)
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def busy(pid: int, seconds: float = 2.0) -> float:
    """Cores kept busy by ``pid`` and its children over the next ``seconds``."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / seconds


def test_a_flow_completes_in_the_worker_and_its_websocket_sees_every_stop(
    spark_worker, owner, tmp_path, monkeypatch
):
    # given: a run that is queued only once somebody watches it
    monkeypatch.setattr(services, "_dispatch", lambda process: None)
    out = tmp_path / "out"
    process = services.process_start(owner=owner, spec=small_flow(out))

    # when
    snapshot, events = async_to_sync(watch)(process.id, session_cookie(owner),
                                            lambda: tasks.run_process.delay(process.id))

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
        ("Mock", "Filter"): 1000, ("Filter", "Save"): written,
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


def test_a_run_stopped_while_queued_is_killed_at_once_and_never_runs(spark_worker, owner, tmp_path, monkeypatch):
    # given: a queued run whose message the worker has not seen yet
    monkeypatch.setattr(services, "_dispatch", lambda process: None)
    process = services.process_start(owner=owner, spec=small_flow(tmp_path / "out"))

    # when
    stopped = services.process_stop(process=process)

    # then: killed right away
    assert stopped.state == ProcessState.KILLED and stopped.ended_at is not None

    # when: the broker delivers the message anyway (a stop cannot take it back)
    tasks.run_process.delay(process.id)

    # then: the worker looks at it and leaves it alone
    wait_for(lambda: f"process {process.id} not run: it is KILLED" in spark_worker.output(), timeout=30,
             what="the worker to skip the killed run")
    process.refresh_from_db()
    assert process.state == ProcessState.KILLED and process.started_at is None and process.worker == ""
    assert not piflow.RunStorage.of(process.id).exists()
    assert not (tmp_path / "out").exists()


def test_a_run_delivered_twice_runs_once(spark_worker, owner, tmp_path):
    # given: a run that completed
    process = services.process_start(owner=owner, spec=small_flow(tmp_path / "out"))
    wait_for(lambda: state_of(process.id) in piflow.State.FINISHED, timeout=120, what="the run to end")
    process.refresh_from_db()
    assert process.state == ProcessState.COMPLETED, process.error
    before = (process.started_at, process.ended_at, process.worker)

    # when: the task comes again, here and through the broker
    again_here = tasks.run_process.apply(args=[process.id]).get()
    again_direct = execute_process(process.id, worker_name="another@host:1")
    tasks.run_process.delay(process.id)
    wait_for(lambda: f"process {process.id} not run: it is COMPLETED" in spark_worker.output(), timeout=30,
             what="the worker to skip the finished run")

    # then: nothing ran again
    assert again_here is None and again_direct is None
    process.refresh_from_db()
    assert (process.started_at, process.ended_at, process.worker) == before
    log = piflow.RunStorage.of(process.id).read_log()
    assert log.count(f"run {process.id} of flow") == 1


def test_stopping_a_long_run_kills_it_and_its_spark_jobs_within_5_seconds(spark_worker, owner, tmp_path):
    # given: a run whose Spark job is busy
    process = services.process_start(owner=owner, spec=endless_flow(tmp_path / "out"))
    wait_for(lambda: stop_state(process.id, "Save") == StopState.STARTED, timeout=120, what="the job to start")
    time.sleep(2)
    assert busy(spark_worker.pid) > 0.5, "the cross join should keep the worker's JVM busy"

    # when
    asked = time.monotonic()
    services.process_stop(process=process)
    wait_for(lambda: state_of(process.id) in piflow.State.FINISHED, timeout=30, interval=0.05, what="the end")
    took = time.monotonic() - asked

    # then
    process.refresh_from_db()
    assert process.state == ProcessState.KILLED, process.error
    assert took <= 5, f"the stop took {took:.1f} s"
    assert {s.name: s.state for s in process.stops.all()} == {
        "Mock": StopState.COMPLETED, "Join": StopState.COMPLETED, "Save": StopState.KILLED,
    }
    assert f"run {process.id} killed" in piflow.RunStorage.of(process.id).read_log()
    # and no Spark job of the run is left computing
    assert busy(spark_worker.pid, 3.0) < 0.3


def test_a_run_whose_worker_is_killed_fails_within_60_seconds(spark_worker, light_worker, owner, tmp_path):
    # given: a run in progress on the Spark worker, and the light worker (beat + reaper) alive
    process = services.process_start(owner=owner, spec=endless_flow(tmp_path / "out"))
    wait_for(lambda: stop_state(process.id, "Save") == StopState.STARTED, timeout=120, what="the job to start")
    worker = Process.objects.get(pk=process.id).worker

    # when
    spark_worker.kill9()
    killed = time.monotonic()
    try:
        wait_for(lambda: state_of(process.id) in piflow.State.FINISHED, timeout=60, interval=0.5,
                 what="the reaper to fail the run")
        took = time.monotonic() - killed

        # then
        process.refresh_from_db()
        assert process.state == ProcessState.FAILED
        assert took < 60
        assert "lease" in process.error and worker in process.error, process.error
        assert process.stops.get(name="Save").state == StopState.FAILED
        assert process.lease_expires_at is None and process.ended_at is not None
    finally:
        spark_worker.start()
