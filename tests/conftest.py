"""Shared fixtures: one SparkSession per test session, real services or a clear failure, users and API clients.

Markers set here: a test that uses the ``spark`` fixture is marked ``spark`` (``make test-fast``
leaves those out); ``tests/stops``, ``tests/worker`` and ``tests/e2e`` mark theirs in their own
conftest.
"""

from __future__ import annotations

import os
import socket
import tempfile

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory

# Every test session gets its own PiFlow data dir (runs, warehouse, Derby metastore).
os.environ.setdefault("PIFLOW_DATA_DIR", tempfile.mkdtemp(prefix="piflow-test-"))
os.environ.setdefault("PIFLOW_SPARK_MASTER", "local[2]")

REQUIRE_SERVICES = os.environ.get("PIFLOW_REQUIRE_SERVICES") == "1"


def service_or_skip(name: str, host: str, port: int) -> None:
    """Skip when a service is down, unless PIFLOW_REQUIRE_SERVICES=1, where it fails instead."""
    try:
        with socket.create_connection((host, port), timeout=2):
            return
    except OSError as exc:
        message = f"{name} is not answering on {host}:{port} ({exc})"
        if REQUIRE_SERVICES:
            pytest.fail(message + " and PIFLOW_REQUIRE_SERVICES=1", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def spark():
    """The process's warm SparkSession, exactly as the engine gets it."""
    from piflow import get_spark

    return get_spark()


@pytest.fixture(scope="session")
def postgres_jdbc():
    """A JDBC URL and credentials for the real PostgreSQL (database ``test``)."""
    service_or_skip("PostgreSQL", "127.0.0.1", 5432)
    return {"url": "jdbc:postgresql://127.0.0.1:5432/test", "user": "postgres", "password": ""}


@pytest.fixture(scope="session")
def mysql_jdbc():
    """A JDBC URL and credentials for the real MariaDB (database ``test``), via the MySQL scheme."""
    service_or_skip("MariaDB", "127.0.0.1", 3306)
    return {"url": "jdbc:mysql://127.0.0.1:3306/test?permitMysqlScheme", "user": "root", "password": ""}


@pytest.fixture(scope="session")
def redis_url():
    service_or_skip("Redis", "127.0.0.1", 6379)
    return "redis://127.0.0.1:6379/15"


def pytest_itemcollected(item: pytest.Item) -> None:
    if "spark" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.spark)


# -- users and API clients (password: tests.factories.PASSWORD) --------------------------------------


def client_for(user) -> APIClient:
    """An API client whose requests are made as ``user``."""
    client = APIClient()
    client.force_authenticate(user=user)
    return client


@pytest.fixture
def user(db):
    """Ada, an ordinary user."""
    return UserFactory(username="ada")


@pytest.fixture
def other_user(db):
    """Bob, another ordinary user: he may not see Ada's things."""
    return UserFactory(username="bob")


@pytest.fixture
def staff_user(db):
    """An administrator of PiFlow (``is_staff``): sees everyone's flows and runs."""
    return UserFactory(username="root", is_staff=True)


@pytest.fixture
def operator(db):
    """A superuser, for Django's admin."""
    return UserFactory(username="operator", is_staff=True, is_superuser=True)


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
