"""Real workers for the worker tests: Celery subprocesses on the test database and Redis.

The Spark worker (``-Q spark --pool threads -c 4``) is started once per session and shared;
its JVM is its own (``PIFLOW_METASTORE_DIR`` differs from the test process's, as Derby admits
one JVM), its data dir is the test process's, its lease is short (``PIFLOW_LEASE_SECONDS=6``).
The test process publishes to the same Redis database (``/14``, flushed per session) through
Celery and listens on it through the Channels layer.

These tests need PostgreSQL (``DATABASE_URL=postgres://...``): the worker is another process and
pytest-django's SQLite test database lives in memory.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import REQUIRE_SERVICES, service_or_skip

REPO = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")
REDIS_URL = "redis://127.0.0.1:6379/14"
LEASE_SECONDS = 6


def _database_url(settings_dict: dict) -> str:
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"


class WorkerProcess:
    """One ``celery worker`` subprocess (in its own process group, with its JVM if it has one)."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log: Path) -> None:
        self.name = name
        self.args = args
        self.env = env
        self.log = log
        self.proc: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def start(self, timeout: float = 240) -> WorkerProcess:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [str(CELERY), "-A", "piflow_site", "worker", "-n", f"{self.name}@%h", "-l", "info", *self.args],
                cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.output()[offset:]
            if f"{self.name}@" in text and " ready." in text:
                return self
            if self.proc.poll() is not None:
                pytest.fail(f"worker {self.name} exited ({self.proc.returncode}):\n{text[-4000:]}", pytrace=False)
            time.sleep(0.5)
        self.stop()
        pytest.fail(f"worker {self.name} not ready after {timeout} s:\n{self.output()[offset:][-4000:]}", pytrace=False)

    def kill9(self) -> None:
        """What a crash looks like: SIGKILL to the worker alone (its JVM then exits with it)."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._kill_group(signal.SIGKILL)

    def stop(self, timeout: float = 60) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self._kill_group(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._kill_group(signal.SIGKILL)
                self.proc.wait(timeout=30)
        self._kill_group(signal.SIGKILL)  # anything left in the group (a JVM)
        self.proc = None

    def _kill_group(self, sig: int) -> None:
        assert self.proc is not None
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass


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
def spark_worker(worker_env, logs_dir) -> Iterator[WorkerProcess]:
    """The Spark worker, warm (its SparkSession is up before it says ready)."""
    worker = WorkerProcess("spark", ["-Q", "spark", "--pool", "threads", "--concurrency", "4"],
                           worker_env, logs_dir / "spark-worker.log")
    worker.start()
    yield worker
    worker.stop()


@pytest.fixture
def light_worker(worker_env, logs_dir) -> Iterator[WorkerProcess]:
    """The housekeeping worker with embedded beat (the lease reaper every 10 s), as ``make start`` runs it."""
    worker = WorkerProcess("default", ["-Q", "default", "--pool", "threads", "--concurrency", "2", "-B"],
                           worker_env, logs_dir / "light-worker.log")
    worker.start(timeout=90)
    yield worker
    worker.stop()
