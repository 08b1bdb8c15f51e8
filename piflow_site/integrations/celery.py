"""Celery: Redis when ``REDIS_URL`` is set, otherwise an embedded SQLite broker in the data dir.

Two queues. ``spark`` carries flow runs and is consumed by one Spark worker process (threads
share its warm SparkSession); ``default`` carries light housekeeping (the lease reaper, beat's
schedules) and is consumed by a small worker that also runs beat. See README, "Workers".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from common.workers import DEFAULT_QUEUE, SPARK_QUEUE

#: How long a worker's claim on a run lasts without a heartbeat (``PIFLOW_LEASE_SECONDS``).
DEFAULT_LEASE_SECONDS = 20.0
#: How often beat asks the light worker to fail runs whose lease expired.
REAP_EVERY_SECONDS = 10.0


def lease_seconds(environ: Any = None) -> float:
    """The lease a worker holds on a run it executes; it renews it about every tenth of that."""
    raw = (environ if environ is not None else os.environ).get("PIFLOW_LEASE_SECONDS", "").strip()
    if not raw:
        return DEFAULT_LEASE_SECONDS
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"PIFLOW_LEASE_SECONDS={raw!r}: expected a number of seconds") from None
    if value < 2:
        raise ImproperlyConfigured(f"PIFLOW_LEASE_SECONDS={raw!r} is too short (at least 2 seconds)")
    return value


def celery_settings(*, redis_url: str | None, data_dir: Path, time_zone: str) -> dict[str, Any]:
    """The ``CELERY_*`` settings (read by ``piflow_site.celery`` through the ``CELERY`` namespace)."""
    from kombu import Queue

    if redis_url:
        broker, backend = redis_url, redis_url
    else:
        broker = f"sqla+sqlite:///{data_dir / 'celery-broker.sqlite'}"
        backend = f"db+sqlite:///{data_dir / 'celery-results.sqlite'}"
    return {
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": backend,
        "CELERY_TIMEZONE": time_zone,
        "CELERY_TASK_ACKS_LATE": True,
        "CELERY_WORKER_PREFETCH_MULTIPLIER": 1,
        # A worker started without -Q consumes both queues (and so warms Spark).
        "CELERY_TASK_QUEUES": (Queue(DEFAULT_QUEUE), Queue(SPARK_QUEUE)),
        "CELERY_TASK_DEFAULT_QUEUE": DEFAULT_QUEUE,
        "CELERY_TASK_ROUTES": {
            "flows.tasks.run_process": {"queue": SPARK_QUEUE},
            "flows.tasks.reap_expired_processes": {"queue": DEFAULT_QUEUE},
        },
        "CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP": True,
        # User schedules live in the database (django_celery_beat); the static entries below are
        # copied into it by the DatabaseScheduler when beat starts.
        "CELERY_BEAT_SCHEDULER": "django_celery_beat.schedulers:DatabaseScheduler",
        "CELERY_BEAT_SCHEDULE": {
            "piflow-reap-expired-processes": {
                "task": "flows.tasks.reap_expired_processes",
                "schedule": REAP_EVERY_SECONDS,
                # A reaping that waited longer than one period is worthless: the next one is due.
                "options": {"queue": DEFAULT_QUEUE, "expire_seconds": REAP_EVERY_SECONDS},
            },
        },
    }
