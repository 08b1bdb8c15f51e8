"""A real Celery worker for the browser tests that run flows.

It shares the e2e server's environment (``e2e_env``: the same database, data dir and broker: the
embedded SQLite broker when ``REDIS_URL`` is unset, as a newcomer's ``make start`` without Redis),
consumes both queues with a warm SparkSession, and lives for one test module: the other modules
rely on runs staying queued (no worker), so it must not outlive the tests that asked for it. Its
log is kept as ``tests/e2e/artifacts/worker-<test module>.log``.

Also here: small helpers those tests share (API calls made with the browser's session, screenshots).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.conftest import ARTIFACTS, E2EEnvironment, screenshot
from tests.worker.flows_for_tests import path, stop
from tests.worker.processes import WorkerProcess

#: What a flow run by these tests may take at most, queue to end (a cold worker included).
RUN_TIMEOUT_MS = 180_000


@pytest.fixture(scope="module")
def e2e_worker(
    request: pytest.FixtureRequest, e2e_env: E2EEnvironment, server, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkerProcess]:
    """One worker on both queues (runs and housekeeping), in the server's environment; ready means Spark is warm."""
    env = {
        **e2e_env.env,
        "PIFLOW_METASTORE_DIR": str(tmp_path_factory.mktemp("e2e-metastore")),
        "PIFLOW_SPARK_MASTER": os.environ.get("PIFLOW_SPARK_MASTER", "local[2]"),
    }
    log = ARTIFACTS / f"worker-{request.module.__name__.rsplit('.', 1)[-1]}.log"
    log.unlink(missing_ok=True)
    worker = WorkerProcess(
        "e2e", ["-Q", "spark,default", "--pool", "threads", "--concurrency", "2"], env, log
    )
    worker.start()
    yield worker
    worker.stop()


# -- the API, with the browser's session ------------------------------------------------------


def snap(page, name: str) -> None:
    """A screenshot of the whole page from its top (taken scrolled down, it repeats the sticky header)."""
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, name)


def csrf_headers(page) -> dict[str, str]:
    """Django's CSRF header, from the cookie the app's page set."""
    token = next((c["value"] for c in page.context.cookies() if c["name"] == "csrftoken"), "")
    assert token, "no csrftoken cookie: open a page of the app first"
    return {"X-CSRFToken": token}


def api_post(page, path: str, data: Any = None, *, status: int = 201) -> dict:
    """POST JSON as the logged-in user (the browser context's cookies); the JSON answer."""
    response = page.request.post(path, data=data if data is not None else {}, headers=csrf_headers(page))
    assert response.status == status, f"POST {path}: {response.status} {response.text()[:2000]}"
    return response.json()


def api_get(page, path: str) -> dict:
    response = page.request.get(path)
    assert response.ok, f"GET {path}: {response.status} {response.text()[:2000]}"
    return response.json()


def small_flow(name: str, out_dir: str, *, rows: int = 200, checkpoints: tuple[str, ...] = ()) -> dict:
    """MockData -> Filter -> CsvSave (``id < 50`` of ``rows`` rows), as ``POST /api/flows/`` takes it."""
    return {
        "name": name,
        "description": "MockData -> Filter -> CsvSave",
        "stops": [
            stop(
                "Mock", "piflow.stops.common.MockData", schema="id:Int,name:String", count=str(rows), seed="7"
            ),
            stop("Filter", "piflow.stops.common.Filter", condition="id < 50"),
            stop("Save", "piflow.stops.csv.CsvSave", csvSavePath=out_dir, saveMode="overwrite"),
        ],
        "paths": [path("Mock", "Filter"), path("Filter", "Save")],
        "positions": {"Mock": {"x": 0, "y": 60}, "Filter": {"x": 300, "y": 60}, "Save": {"x": 600, "y": 60}},
        "checkpoints": list(checkpoints),
    }
