"""Celery: Redis when ``REDIS_URL`` is set, otherwise an embedded SQLite broker in the data dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Spark work runs on its own queue so a worker with a warm SparkSession can own it.
SPARK_QUEUE = "spark"


def celery_settings(*, redis_url: str | None, data_dir: Path, time_zone: str) -> dict[str, Any]:
    """The ``CELERY_*`` settings (read by ``piflow_site.celery`` through the ``CELERY`` namespace)."""
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
        "CELERY_TASK_DEFAULT_QUEUE": "default",
        "CELERY_BEAT_SCHEDULER": "django_celery_beat.schedulers:DatabaseScheduler",
    }
