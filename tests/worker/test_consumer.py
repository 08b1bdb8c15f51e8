"""The run WebSocket without a worker: who may watch, the snapshot, the polling fallback."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from flows.consumers import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, ProcessConsumer
from flows.models import Process, ProcessPath, ProcessState, ProcessStop, StopState

from .sockets import run_socket

pytestmark = pytest.mark.django_db(transaction=True)

IN_MEMORY = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


@pytest.fixture(autouse=True)
def in_memory_layer(settings):
    settings.CHANNEL_LAYERS = IN_MEMORY


async def closed_with(comm: WebsocketCommunicator) -> int | None:
    connected, _ = await comm.connect(timeout=5)
    assert connected  # accepted first, so that the close code reaches the browser
    output = await comm.receive_output(timeout=5)
    assert output["type"] == "websocket.close"
    return output.get("code")


def test_anonymous_callers_are_refused(queued):
    assert async_to_sync(closed_with)(run_socket(queued.id)) == CLOSE_FORBIDDEN


def test_another_users_run_and_an_unknown_run_are_not_found(queued, other_user):
    assert async_to_sync(closed_with)(run_socket(queued.id, other_user)) == CLOSE_NOT_FOUND
    assert async_to_sync(closed_with)(run_socket("run_nope", other_user)) == CLOSE_NOT_FOUND


def test_staff_may_watch_any_run(queued, staff_user):
    comm = run_socket(queued.id, staff_user)

    async def scenario():
        connected, _ = await comm.connect(timeout=5)
        snapshot = await comm.receive_json_from(timeout=5)
        await comm.disconnect()
        return connected, snapshot

    connected, snapshot = async_to_sync(scenario)()
    assert connected and snapshot["process"]["id"] == queued.id


def test_without_redis_the_socket_polls_the_database_and_sends_changes_as_events(queued, monkeypatch):
    # given: a fast poll, and the owner watching
    monkeypatch.setattr(ProcessConsumer, "poll_seconds", 0.05)

    def worker_progress():
        now = timezone.now()
        Process.objects.filter(pk=queued.id).update(state=ProcessState.STARTED, started_at=now)
        ProcessStop.objects.filter(process=queued, name="Mock").update(
            state=StopState.COMPLETED, started_at=now, ended_at=now
        )
        ProcessPath.objects.filter(process=queued, from_stop="Mock").update(rows=1000)
        Process.objects.filter(pk=queued.id).update(progress=33.33)

    def worker_end():
        now = timezone.now()
        ProcessStop.objects.filter(process=queued).exclude(name="Mock").update(
            state=StopState.COMPLETED, started_at=now, ended_at=now
        )
        Process.objects.filter(pk=queued.id).update(state=ProcessState.COMPLETED, progress=100, ended_at=now)

    comm = run_socket(queued.id, queued.owner)

    async def scenario():
        connected, _ = await comm.connect(timeout=5)
        snapshot = await comm.receive_json_from(timeout=5)
        await sync_to_async(worker_progress)()
        first = [await comm.receive_json_from(timeout=5) for _ in range(3)]
        await sync_to_async(worker_end)()
        rest = [await comm.receive_json_from(timeout=5) for _ in range(3)]
        await comm.disconnect()
        return snapshot, first, rest

    # when
    snapshot, first, rest = async_to_sync(scenario)()

    # then
    assert snapshot["kind"] == "snapshot" and snapshot["process"]["state"] == "INIT"
    assert [(e["kind"], e["stop"], e["state"]) for e in first] == [
        ("stop_state", "Mock", "COMPLETED"),
        ("port_rows", "Mock", None),
        ("run_state", None, "STARTED"),
    ]
    assert first[1]["rows"] == 1000 and first[1]["port"] == ""
    assert [(e["kind"], e["stop"], e["state"]) for e in rest] == [
        ("stop_state", "Filter", "COMPLETED"),
        ("stop_state", "Save", "COMPLETED"),
        ("run_state", None, "COMPLETED"),
    ]
    assert rest[-1]["progress"] == 100


def test_a_socket_opened_from_another_site_is_refused(user):
    # given: Ada's browser, on a page of another site that opens PiFlow's socket with her cookie
    from piflow_site.asgi import application

    from .sockets import session_cookie

    def socket(origin: bytes | None) -> WebsocketCommunicator:
        headers = [(b"host", b"testserver"), (b"cookie", session_cookie(user))]
        if origin is not None:
            headers.append((b"origin", origin))
        return WebsocketCommunicator(application, "/ws/processes/run_nope/", headers=headers)

    async def opens(comm: WebsocketCommunicator) -> bool:
        connected, _ = await comm.connect(timeout=5)
        if connected:
            await comm.disconnect()
        return connected

    # when
    foreign = async_to_sync(opens)(socket(b"https://evil.example"))
    lookalike = async_to_sync(opens)(socket(b"http://testserver.evil.example"))
    no_origin = async_to_sync(opens)(socket(None))
    same_site = async_to_sync(opens)(socket(b"http://testserver"))

    # then: only the page of PiFlow's own site gets through (to the consumer, which then says 404)
    assert (foreign, lookalike, no_origin, same_site) == (False, False, False, True)
