"""Fixtures for PiFlow's /flow/* API: users, clients, runs in the database and on disk.

``engine_run`` runs one tiny DEBUG flow with a checkpoint on the real engine, once per test
session, so the run directory (log, debug samples, checkpoints) is genuinely the engine's.
``recorded_process`` then stores it as a Process the way a worker would.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rest_framework.test import APIClient

import piflow
from flows.models import Process, ProcessMode, ProcessState

from .support import ENGINE_FLOW, make_process


@pytest.fixture(autouse=True)
def flow_api_urls(settings):
    """Route PiFlow's flow API even before the site's urls.py includes it."""
    settings.ROOT_URLCONF = "tests.piflow_api.urls"


@pytest.fixture
def user(db, django_user_model):
    return django_user_model.objects.create_user(username="ada", password="not-a-real-password")


@pytest.fixture
def other_user(db, django_user_model):
    return django_user_model.objects.create_user(username="bob", password="not-a-real-password")


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_user(username="root", password="not-a-real-password", is_staff=True)


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=user)
    return client


@pytest.fixture
def api_client(user) -> APIClient:
    return _client(user)


@pytest.fixture
def other_client(other_user) -> APIClient:
    return _client(other_user)


@pytest.fixture
def admin_client(admin_user) -> APIClient:
    return _client(admin_user)


@pytest.fixture
def anonymous_client(db) -> APIClient:
    return APIClient()


def _when(epoch: float | None) -> datetime | None:
    return datetime.fromtimestamp(epoch, UTC) if epoch else None


@pytest.fixture(scope="session")
def engine_run(spark) -> piflow.RunResult:
    """ENGINE_FLOW run once on the real engine, in DEBUG mode, checkpointing Fork."""
    result = piflow.run_flow(piflow.FlowSpec.from_dict(ENGINE_FLOW), spark=spark, run_id=piflow.new_run_id())
    assert result.ok, result.error
    return result


@pytest.fixture
def recorded_process(user, engine_run) -> Process:
    """``engine_run`` stored as ``user``'s finished DEBUG process, with states, times and rows."""
    process = make_process(
        user, ENGINE_FLOW, id=engine_run.run_id, mode=ProcessMode.DEBUG, state=ProcessState.COMPLETED,
        progress=100.0, started_at=_when(engine_run.start_time), ended_at=_when(engine_run.end_time),
    )
    for stop in process.stops.all():
        result = engine_run.stops[stop.name]
        stop.state, stop.started_at, stop.ended_at = result.state, _when(result.start_time), _when(result.end_time)
        stop.save()
    for path in process.paths.all():
        path.rows = engine_run.stops[path.from_stop].rows.get(path.outport)
        path.save()
    return process
