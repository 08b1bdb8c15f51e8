"""Spark's own account of a worker's jobs, through the driver's monitoring REST API (``/api/v1``).

The REST API reads the status store that ``SparkContext.statusTracker()`` reads too; the worker is
another process, so the tests ask over HTTP. Spark reports a cancelled job as ``FAILED``.
"""

from __future__ import annotations

import json
import socket
import urllib.request
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SparkStatus:
    """The jobs of the one Spark application behind ``url`` (its UI, e.g. ``http://127.0.0.1:4040``)."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def _get(self, path: str) -> Any:
        with urllib.request.urlopen(f"{self.url}/api/v1/{path}", timeout=60) as response:
            return json.load(response)

    def app_id(self) -> str:
        (app,) = self._get("applications")
        return app["id"]

    def jobs(self, tag: str) -> list[dict[str, Any]]:
        """Every job carrying the job tag ``tag`` (a run's jobs carry ``piflow-<run id>``), newest first."""
        jobs = self._get(f"applications/{self.app_id()}/jobs")
        return [job for job in jobs if tag in job.get("jobTags", [])]

    def running_jobs(self, tag: str) -> list[dict[str, Any]]:
        return [job for job in self.jobs(tag) if job["status"] == "RUNNING"]

    def active_tasks(self, tag: str) -> int:
        """Tasks of ``tag``'s jobs still computing (a cancelled job ends before its tasks do).

        Counted by stage: a job's own count of active tasks lags behind its stages'.
        """
        stage_ids = {stage for job in self.jobs(tag) for stage in job["stageIds"]}
        stages = self._get(f"applications/{self.app_id()}/stages")
        return sum(stage["numActiveTasks"] for stage in stages if stage["stageId"] in stage_ids)
