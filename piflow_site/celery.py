"""The Celery application ``piflow``: configured from Django settings (``CELERY_*``), tasks autodiscovered.

Queues, routes and the beat schedule are in ``piflow_site.integrations.celery``. ``make start``
(scripts/start.sh) starts both workers; by hand::

    celery -A piflow_site worker -n spark@%h -Q spark --pool threads --concurrency 4 -l info
    celery -A piflow_site worker -n default@%h -Q default --pool threads --concurrency 2 -B -l info

The first is the Spark worker: one process, so every flow shares its warm SparkSession (and the
one JVM Hive's embedded Derby metastore admits). The second runs housekeeping and beat, including
the lease reaper that fails runs of a Spark worker that died.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "piflow_site.settings")

app = Celery("piflow")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
