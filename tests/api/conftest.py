"""Fixtures for the resource API tests: a flow of ``user``'s and a queued run of it.

Users and clients (``user``, ``api_client``, ``staff_client``...) come from ``tests/conftest.py``;
run files are written with :func:`tests.run_files.lay_out_run`.
"""

from __future__ import annotations

import pytest

from flows import services
from flows.models import Process
from tests.factories import FlowFactory


@pytest.fixture
def flow(user):
    return FlowFactory(owner=user, name="people")


@pytest.fixture
def process(flow, user) -> Process:
    """A queued run of ``flow`` (never dispatched: on_commit does not fire inside a test transaction)."""
    return services.process_start_flow(flow=flow, user=user)
