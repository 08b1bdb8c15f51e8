"""Real workers for the worker tests: Celery subprocesses on the test database and Redis.

The Spark worker (``-Q spark --pool threads -c 4``) is started once per session and shared;
its JVM is its own (``PIFLOW_METASTORE_DIR`` differs from the test process's, as Derby admits
one JVM), its data dir is the test process's, its lease is short (``PIFLOW_LEASE_SECONDS=6``).
The test process publishes to the same Redis database (``/14``, flushed per session) through
Celery and listens on it through the Channels layer.

These tests need PostgreSQL (``DATABASE_URL=postgres://...``): the worker is another process and
pytest-django's SQLite test database lives in memory. The tests that start a worker are marked
``worker`` (``make test-fast`` leaves them out); ``queued`` is a run no worker ever sees.

The Spark worker's UI is on, on a free port, so that ``spark_status`` can ask its Spark which jobs
run (Spark's monitoring REST API, fed by the same status store as ``statusTracker()``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from flows import services
from flows.services import dispatch
from piflow.runtime.session import _parse_conf
from tests.conftest import REQUIRE_SERVICES, service_or_skip

from .flows_for_tests import small_flow
from .processes import WorkerProcess
from .spark_status import SparkStatus, free_port

REDIS_URL = "redis://127.0.0.1:6379/14"
LEASE_SECONDS = 6
#: The fixtures that start real worker processes; a test using one is marked ``worker``.
REAL_WORKERS = {"spark_worker", "light_worker"}


def pytest_itemcollected(item: pytest.Item) -> None:
    if REAL_WORKERS & set(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.worker)


def _database_url(settings_dict: dict) -> str:
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"


@pytest.fixture(scope="session")
def worker_services() -> str:
    """PostgreSQL and Redis must answer; Redis database 14 is emptied for this session."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        message = "the worker tests need PostgreSQL: set DATABASE_URL=postgres://..."
        if REQUIRE_SERVICES:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    service_or_skip("Redis", "127.0.0.1", 6379)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    return REDIS_URL


@pytest.fixture(scope="session")
def live_redis(worker_services) -> Iterator[str]:
    """The test process publishes tasks and listens for run events on the workers' Redis."""
    from django.test import override_settings

    from piflow_site.celery import app
    from piflow_site.integrations.channels import channel_layers

    override = override_settings(REDIS_URL=worker_services, CHANNEL_LAYERS=channel_layers(worker_services))
    override.enable()
    before = app.conf.broker_url, app.conf.result_backend
    app.conf.broker_url = app.conf.result_backend = worker_services
    _drop_connections(app)
    yield worker_services
    app.conf.broker_url, app.conf.result_backend = before
    _drop_connections(app)
    override.disable()


def _drop_connections(app) -> None:
    """Forget the connection and producer pools, so the next publish connects to the new broker."""
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture(scope="session")
def worker_env(django_db_setup, live_redis, tmp_path_factory) -> dict[str, str]:
    """The environment of a worker subprocess: the test database, Redis, the data dir, a short lease."""
    from django.conf import settings
    from django.db import connection

    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="piflow_site.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=settings.SECRET_KEY,
        DATABASE_URL=_database_url(connection.settings_dict),  # test_<name>, set up by pytest-django
        REDIS_URL=live_redis,
        PIFLOW_DATA_DIR=str(settings.PIFLOW_DATA_DIR),
        PIFLOW_METASTORE_DIR=str(tmp_path_factory.mktemp("worker-metastore")),
        PIFLOW_LEASE_SECONDS=str(LEASE_SECONDS),
        PIFLOW_SPARK_MASTER=os.environ.get("PIFLOW_SPARK_MASTER", "local[2]"),
    )
    return env


@pytest.fixture(scope="session")
def logs_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("worker-logs")


@pytest.fixture(scope="session")
def spark_ui_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def spark_worker(worker_env, logs_dir, spark_ui_port) -> Iterator[WorkerProcess]:
    """The Spark worker, warm (its SparkSession is up before it says ready), its Spark UI on ``spark_ui_port``."""
    conf = {
        **_parse_conf(worker_env.get("PIFLOW_SPARK_CONF", "")),
        "spark.ui.enabled": "true",
        "spark.ui.port": str(spark_ui_port),
    }
    env = {**worker_env, "PIFLOW_SPARK_CONF": json.dumps(conf)}
    worker = WorkerProcess(
        "spark",
        ["-Q", "spark", "--pool", "threads", "--concurrency", "4"],
        env,
        logs_dir / "spark-worker.log",
    )
    worker.start()
    yield worker
    worker.stop()


@pytest.fixture
def spark_status(spark_worker, spark_ui_port) -> SparkStatus:
    """What the Spark worker's SparkContext reports about its jobs."""
    return SparkStatus(f"http://127.0.0.1:{spark_ui_port}")


@pytest.fixture
def light_worker(worker_env, logs_dir) -> Iterator[WorkerProcess]:
    """The housekeeping worker with embedded beat (the lease reaper every 10 s), as ``make start`` runs it."""
    worker = WorkerProcess(
        "default",
        ["-Q", "default", "--pool", "threads", "--concurrency", "2", "-B"],
        worker_env,
        logs_dir / "light-worker.log",
    )
    worker.start(timeout=90)
    yield worker
    worker.stop()


@pytest.fixture
def queued(user, tmp_path, monkeypatch, grant_files):
    """``user``'s run of ``small_flow`` that stays INIT: nothing is dispatched to a worker.

    (It writes into ``tmp_path``, which an admin granted ``user``: outside their workspace.)
    """
    monkeypatch.setattr(dispatch, "send_run", lambda process_id: None)
    grant_files(user, tmp_path)
    return services.process_start(owner=user, spec=small_flow(tmp_path / "out"))
