"""The run WebSocket without a worker: who may watch, the snapshot, the polling fallback."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client
from django.utils import timezone

from flows import services
from flows.consumers import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, ProcessConsumer
from flows.models import Process, ProcessPath, ProcessState, ProcessStop, StopState

from .flows_for_tests import small_flow

pytestmark = pytest.mark.django_db(transaction=True)

IN_MEMORY = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


@pytest.fixture(autouse=True)
def in_memory_layer(settings):
    settings.CHANNEL_LAYERS = IN_MEMORY


@pytest.fixture
def queued(django_user_model, tmp_path, monkeypatch):
    """A process that stays INIT: nothing is dispatched to a worker."""
    monkeypatch.setattr(services, "_dispatch", lambda process: None)
    owner = django_user_model.objects.create_user(username="ada", password="not-a-real-password")
    return services.process_start(owner=owner, spec=small_flow(tmp_path / "out"))


def communicator(process_id: str, user=None) -> WebsocketCommunicator:
    from piflow_site.asgi import application

    headers = [(b"host", b"testserver"), (b"origin", b"http://testserver")]
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, f"/ws/processes/{process_id}/", headers=headers)


async def closed_with(comm: WebsocketCommunicator) -> int | None:
    connected, _ = await comm.connect(timeout=5)
    assert connected  # accepted first, so that the close code reaches the browser
    output = await comm.receive_output(timeout=5)
    assert output["type"] == "websocket.close"
    return output.get("code")


def test_anonymous_callers_are_refused(queued):
    assert async_to_sync(closed_with)(communicator(queued.id)) == CLOSE_FORBIDDEN


def test_another_users_run_and_an_unknown_run_are_not_found(queued, django_user_model):
    # given
    mallory = django_user_model.objects.create_user(username="mallory", password="not-a-real-password")

    # then
    assert async_to_sync(closed_with)(communicator(queued.id, mallory)) == CLOSE_NOT_FOUND
    assert async_to_sync(closed_with)(communicator("run_nope", mallory)) == CLOSE_NOT_FOUND


def test_staff_may_watch_any_run(queued, django_user_model):
    admin = django_user_model.objects.create_user(username="root", password="not-a-real-password", is_staff=True)

    comm = communicator(queued.id, admin)

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
            state=StopState.COMPLETED, started_at=now, ended_at=now)
        ProcessPath.objects.filter(process=queued, from_stop="Mock").update(rows=1000)
        Process.objects.filter(pk=queued.id).update(progress=33.33)

    def worker_end():
        now = timezone.now()
        ProcessStop.objects.filter(process=queued).exclude(name="Mock").update(
            state=StopState.COMPLETED, started_at=now, ended_at=now)
        Process.objects.filter(pk=queued.id).update(state=ProcessState.COMPLETED, progress=100, ended_at=now)

    comm = communicator(queued.id, queued.owner)

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
        ("stop_state", "Mock", "COMPLETED"), ("port_rows", "Mock", None), ("run_state", None, "STARTED"),
    ]
    assert first[1]["rows"] == 1000 and first[1]["port"] == ""
    assert [(e["kind"], e["stop"], e["state"]) for e in rest] == [
        ("stop_state", "Filter", "COMPLETED"), ("stop_state", "Save", "COMPLETED"), ("run_state", None, "COMPLETED"),
    ]
    assert rest[-1]["progress"] == 100
