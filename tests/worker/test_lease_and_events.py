"""The worker's bookkeeping without Spark: claiming, the lease, recording events, reaping."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

import piflow
from flows import events, execution, services, tasks
from flows.models import Process, ProcessState, StopState
from flows.services import leases

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(monkeypatch):
    sent = []
    monkeypatch.setattr(events, "publish", lambda process_id, payload: sent.append(payload) or True)
    return sent


def event(kind, **fields):
    return piflow.RunEvent(kind=kind, run_id="x", **fields)


def test_only_one_worker_claims_a_queued_run(queued):
    assert leases.claim(queued.id, worker="a:1", lease=20)
    assert not leases.claim(queued.id, worker="b:2", lease=20)
    queued.refresh_from_db()
    assert queued.state == ProcessState.STARTED and queued.worker == "a:1"
    assert queued.lease_expires_at > timezone.now() + timedelta(seconds=15)


def test_a_run_killed_while_queued_cannot_be_claimed(queued):
    services.process_stop(process=queued)
    assert not leases.claim(queued.id, worker="a:1", lease=20)
    assert execution.execute_process(queued.id, worker_name="a:1") is None


def test_the_recorder_writes_stop_states_rows_and_progress(queued, published):
    # given
    leases.claim(queued.id, worker="a:1", lease=20)
    recorder = events.ProcessEventRecorder(queued.id, worker="a:1")

    # when
    recorder(event(piflow.STOP_STATE, stop="Mock", state="INIT"))
    recorder(event(piflow.STOP_STATE, stop="Mock", state="STARTED"))
    recorder(event(piflow.STOP_STATE, stop="Mock", state="COMPLETED"))
    recorder(event(piflow.PORT_ROWS, stop="Mock", port="", rows=1000))
    recorder(event(piflow.STOP_STATE, stop="Filter", state="STARTED"))
    recorder(event(piflow.STOP_STATE, stop="Filter", state="FAILED", message="boom"))
    recorder(event(piflow.RUN_STATE, state="FAILED", message="stop 'Filter' failed: boom"))

    # then
    queued.refresh_from_db()
    stops = {s.name: s for s in queued.stops.all()}
    assert stops["Mock"].state == StopState.COMPLETED and stops["Mock"].started_at <= stops["Mock"].ended_at
    assert stops["Filter"].state == StopState.FAILED and stops["Filter"].error == "boom"
    assert stops["Save"].state == StopState.INIT
    assert queued.paths.get(from_stop="Mock").rows == 1000
    assert queued.progress == pytest.approx(33.33)
    # every change is published (not the INIT every stop starts in, nor the end, which the worker
    # announces once it has written it)
    assert [p["kind"] for p in published] == ["stop_state"] * 2 + ["port_rows"] + ["stop_state"] * 2
    assert published[1]["progress"] == pytest.approx(33.33) and published[2]["rows"] == 1000


def test_the_recorder_leaves_a_run_it_no_longer_holds_alone(queued, published):
    # given: the run was declared dead and failed by the reaper
    leases.claim(queued.id, worker="a:1", lease=20)
    recorder = events.ProcessEventRecorder(queued.id, worker="a:1")
    Process.objects.filter(pk=queued.id).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    assert services.processes_reap_expired() == [queued.id]

    # when: a late event arrives, then the worker writes its end
    recorder(event(piflow.STOP_STATE, stop="Mock", state="COMPLETED"))
    written = leases.finish_held(queued.id, worker="a:1", state=ProcessState.COMPLETED, error="")

    # then
    assert not written
    queued.refresh_from_db()
    assert queued.state == ProcessState.FAILED and "lease expired" in queued.error
    assert queued.stops.get(name="Mock").state == StopState.INIT


def test_the_lease_is_renewed_only_by_its_holder(queued):
    leases.claim(queued.id, worker="a:1", lease=20)
    assert leases.renew(queued.id, worker="a:1", lease=20)
    assert not leases.renew(queued.id, worker="b:2", lease=20)


def test_the_reaper_task_fails_expired_runs_and_announces_them(queued, published):
    # given
    leases.claim(queued.id, worker="spark@h:42", lease=20)
    Process.objects.filter(pk=queued.id).update(lease_expires_at=timezone.now() - timedelta(seconds=1))

    # when
    reaped = tasks.reap_expired_processes.apply().get()

    # then
    assert reaped == [queued.id]
    queued.refresh_from_db()
    assert queued.state == ProcessState.FAILED and "spark@h:42" in queued.error
    assert published[-1]["kind"] == "run_state" and published[-1]["state"] == "FAILED"


def test_a_stop_request_reaches_the_runs_cancel_token(queued, monkeypatch):
    # given: a claimed run with its heartbeat going
    monkeypatch.setattr(execution, "CANCEL_POLL_SECONDS", 0.05)
    leases.claim(queued.id, worker="a:1", lease=20)
    run = execution.ActiveRun(queued.id)
    heartbeat = execution.Heartbeat(run, worker="a:1", lease=20)
    heartbeat.start()
    try:
        # when
        services.process_stop(process=queued)

        # then
        assert run.token._event.wait(5), "the token was not cancelled"
    finally:
        heartbeat.stop()
    assert run.reason == ""


def test_a_heartbeat_that_lost_its_lease_aborts_the_run(queued, monkeypatch):
    # given
    monkeypatch.setattr(execution, "CANCEL_POLL_SECONDS", 0.05)
    monkeypatch.setattr(execution, "RENEW_SECONDS", 0.1)
    leases.claim(queued.id, worker="a:1", lease=20)
    Process.objects.filter(pk=queued.id).update(worker="somebody-else")
    run = execution.ActiveRun(queued.id)
    heartbeat = execution.Heartbeat(run, worker="a:1", lease=20)

    # when
    heartbeat.start()
    heartbeat.join(5)

    # then
    assert run.token.cancelled and "lost its lease" in run.reason


def test_the_lease_length_comes_from_the_environment():
    from piflow_site.integrations.celery import DEFAULT_LEASE_SECONDS, lease_seconds

    assert lease_seconds({}) == DEFAULT_LEASE_SECONDS == 20
    assert lease_seconds({"PIFLOW_LEASE_SECONDS": "6"}) == 6
    with pytest.raises(ImproperlyConfigured, match="too short"):
        lease_seconds({"PIFLOW_LEASE_SECONDS": "0.5"})
    with pytest.raises(
        ImproperlyConfigured, match="PIFLOW_LEASE_SECONDS='abc': expected a number of seconds"
    ):
        lease_seconds({"PIFLOW_LEASE_SECONDS": "abc"})
