"""Fixtures for PiFlow's /flow/* API: runs in the database and on disk.

Users and clients (``user``, ``api_client``, ``other_client``, ``staff_client``...) come from
``tests/conftest.py``.

``engine_run`` runs one tiny DEBUG flow with a checkpoint on the real engine, once per test
session, so the run directory (log, debug samples, checkpoints) is genuinely the engine's.
``recorded_process`` then stores it as a Process the way a worker would.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import piflow
from flows.models import Process, ProcessMode, ProcessState

from .support import ENGINE_FLOW, make_process


def _when(epoch: float | None) -> datetime | None:
    return datetime.fromtimestamp(epoch, UTC) if epoch else None


@pytest.fixture(scope="session")
def engine_run(spark) -> piflow.RunResult:
    """ENGINE_FLOW run once on the real engine, in DEBUG mode, checkpointing Fork."""
    result = piflow.run_flow(*piflow.parse_piflow(ENGINE_FLOW), spark=spark, run_id=piflow.new_run_id())
    assert result.ok, result.error
    return result


@pytest.fixture
def recorded_process(user, engine_run) -> Process:
    """``engine_run`` stored as ``user``'s finished DEBUG process, with states, times and rows."""
    process = make_process(
        user,
        ENGINE_FLOW,
        id=engine_run.run_id,
        mode=ProcessMode.DEBUG,
        state=ProcessState.COMPLETED,
        progress=100.0,
        started_at=_when(engine_run.start_time),
        ended_at=_when(engine_run.end_time),
    )
    for stop in process.stops.all():
        result = engine_run.stops[stop.name]
        stop.state, stop.started_at, stop.ended_at = (
            result.state,
            _when(result.start_time),
            _when(result.end_time),
        )
        stop.save()
    for path in process.paths.all():
        path.rows = engine_run.stops[path.from_stop].rows.get(path.outport)
        path.save()
    return process
