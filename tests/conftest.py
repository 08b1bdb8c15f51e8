"""Shared fixtures: one SparkSession per test session, real services or a clear failure."""

from __future__ import annotations

import os
import socket
import tempfile

import pytest

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
