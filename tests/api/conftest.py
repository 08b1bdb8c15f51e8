"""Fixtures for the resource API tests: users of both roles, clients logged in as them, run files."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

import piflow
from flows import services
from flows.models import Process
from tests.api.factories import FlowFactory, UserFactory


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=user)
    return client


@pytest.fixture
def user(db):
    return UserFactory(username="ada")


@pytest.fixture
def other_user(db):
    return UserFactory(username="bob")


@pytest.fixture
def staff_user(db):
    return UserFactory(username="root", is_staff=True)


@pytest.fixture
def api_client(user) -> APIClient:
    return client_for(user)


@pytest.fixture
def other_client(other_user) -> APIClient:
    return client_for(other_user)


@pytest.fixture
def staff_client(staff_user) -> APIClient:
    return client_for(staff_user)


@pytest.fixture
def anonymous_client(db) -> APIClient:
    return APIClient()


@pytest.fixture
def flow(user):
    return FlowFactory(owner=user, name="people")


@pytest.fixture
def process(flow, user) -> Process:
    """A queued run of ``flow`` (never dispatched: on_commit does not fire inside a test transaction)."""
    return services.process_start_flow(flow=flow, user=user)


@pytest.fixture
def run_files():
    """Write a run's files (log, checkpoints, debug samples) where the engine would."""

    def write(process: Process, *, log: str = "", checkpoints=(), debug=None) -> piflow.RunStorage:
        storage = piflow.RunStorage.of(process.id)
        storage.root.mkdir(parents=True, exist_ok=True)
        if log:
            storage.log_path.write_bytes(log.encode())
        for stop in checkpoints:
            target = storage.checkpoint_dir(stop)
            target.mkdir(parents=True, exist_ok=True)
            (target.parent / "_COMPLETE").write_text("")
        for (stop, port), rows in (debug or {}).items():
            target = storage.debug_dir(stop, port)
            target.mkdir(parents=True, exist_ok=True)
            (target / "rows.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
            schema = {"type": "struct", "fields": [{"name": k, "type": "string", "nullable": True, "metadata": {}}
                                                   for k in rows[0]]}
            (target / "meta.json").write_text(json.dumps({"stop": stop, "port": port, "schema": schema,
                                                          "columns": list(rows[0]), "sampled": len(rows),
                                                          "rows": len(rows) * 10}))
        return storage

    return write
