"""The Celery application ``piflow``: configured from Django settings (``CELERY_*``), tasks autodiscovered.

Start a worker with ``celery -A piflow_site worker -l info``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "piflow_site.settings")

app = Celery("piflow")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
