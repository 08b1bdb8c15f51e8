"""The engine's tests: those of the runner run flows on Spark, so they are marked ``spark``.

(A test elsewhere that uses the ``spark`` fixture is marked by ``tests/conftest.py``; the runner's
tests also start Spark through ``run_flow`` without asking for the fixture.)
"""

from __future__ import annotations

import pytest

#: Test modules here whose every test runs flows on the engine.
RUNS_FLOWS = {"test_runner.py"}


def pytest_itemcollected(item: pytest.Item) -> None:
    if item.path.name in RUNS_FLOWS:
        item.add_marker(pytest.mark.spark)
