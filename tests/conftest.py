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

from tests.factories import DB_HOST as FACTORY_DB_HOST
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


@pytest.fixture(autouse=True)
def _no_rate_limit_history():
    """Each test starts with an empty cache, where login and registration limits keep their counts."""
    from django.core.cache import cache

    cache.clear()


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


@pytest.fixture
def grant_files(db):
    """``grant_files(user, path)``: an admin's grant letting ``user``'s flows (``None``: every user's)
    read and write below ``path``, a local folder (``tmp_path``) or a URI prefix
    (``hdfs://nn:9000/data/``), as in production, where a non-admin's flows otherwise reach only
    their own workspace."""
    from access.models import Grant, GrantKind

    def grant(user, path) -> Grant:
        value = str(path)
        remote = "://" in value and not value.startswith("file:")
        kind = GrantKind.URI_PREFIX if remote else GrantKind.FILE_ROOT
        return Grant.objects.get_or_create(user=user, kind=kind, value=value)[0]

    return grant


# -- hosts: ordinary users' flows reach the test databases by an admin's grant, as in production --------

#: Where the test PostgreSQL and MariaDB listen, and the host of ``tests.factories``' flow.
TEST_DATABASE_HOSTS = ("127.0.0.1", FACTORY_DB_HOST)


@pytest.fixture(autouse=True)
def test_databases_granted(request):
    """In every test that uses the database: an admin's grant (``access.Grant``, to every user) of
    the test databases' hosts, so ordinary users' flows that read them pass validation. A module
    that tests refusals overrides this fixture with one that grants nothing. The application's own
    database stays refused whatever is granted: on PostgreSQL, 127.0.0.1:5432 is refused to users.
    """
    uses_database = {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    if not uses_database and request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("_django_db_helper")  # as pytest-django's own django_db marker does
    from access.models import Grant, GrantKind

    for host in TEST_DATABASE_HOSTS:
        Grant.objects.get_or_create(user=None, kind=GrantKind.HOST, value=host)
