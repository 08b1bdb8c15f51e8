"""/api/dashboard/: the machine's load and counts scoped to the user."""

from __future__ import annotations

import piflow
from flows import services
from flows.models import ProcessState
from tests.factories import FlowFactory, finish


def test_dashboard_counts_the_users_things(api_client, user, other_user):
    # given
    mine = FlowFactory(owner=user)
    FlowFactory(owner=user)
    FlowFactory(owner=other_user)
    finish(services.process_start_flow(flow=mine, user=user), ProcessState.FAILED)
    services.process_start_flow(flow=mine, user=user)

    # when
    response = api_client.get("/api/dashboard/")

    # then
    assert response.status_code == 200
    data = response.json()
    assert data["counts"] == {
        "flows": 2,
        "groups": 0,
        "schedules": 0,
        "datasources": 0,
        "stops": len(piflow.default_registry().stops()),
    }
    assert data["runs"] == {"INIT": 1, "STARTED": 0, "COMPLETED": 0, "FAILED": 1, "KILLED": 0}
    system = data["system"]
    assert 0 <= system["cpu_percent"] <= 100
    assert 0 < system["memory"]["used"] <= system["memory"]["total"]
    assert system["disk"]["total"] > 0 and system["disk"]["free"] >= 0


def test_admin_dashboard_counts_everyone(staff_client, user, other_user):
    # given
    FlowFactory(owner=user)
    services.process_start_flow(flow=FlowFactory(owner=other_user), user=other_user)

    # when
    data = staff_client.get("/api/dashboard/").json()

    # then
    assert data["counts"]["flows"] == 2
    assert data["runs"]["INIT"] == 1
