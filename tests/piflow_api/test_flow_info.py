"""GET /flow/info and /flow/progress, in the manual's shapes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.models import ProcessPath, ProcessState, StopState

from .support import ENGINE_FLOW, make_process

T0 = datetime(2018, 11, 27, 14, 37, 3, tzinfo=UTC)
T1 = datetime(2018, 11, 27, 14, 37, 28, tzinfo=UTC)


@pytest.fixture
def half_done(user):
    """A running process: Mock and Fork done, ShowA running, ShowB waiting; Mock's rows known."""
    process = make_process(user, ENGINE_FLOW, state=ProcessState.STARTED, started_at=T0, progress=50.0)
    process.stops.filter(name__in=["Mock", "Fork"]).update(
        state=StopState.COMPLETED, started_at=T0, ended_at=T1
    )
    process.stops.filter(name="ShowA").update(state=StopState.STARTED, started_at=T1)
    ProcessPath.objects.filter(process=process, from_stop="Mock").update(rows=25)
    ProcessPath.objects.filter(process=process, outport="out1").update(rows=25)
    return process


def test_info_has_the_manuals_shape_with_java_dates(api_client, half_done):
    # when
    response = api_client.get("/flow/info", {"appID": half_done.id})

    # then
    assert response.status_code == 200
    assert response.json() == {
        "flow": {
            "id": half_done.id,
            "pid": half_done.pid,
            "name": "mock-fork-show",
            "state": "STARTED",
            "startTime": "Tue Nov 27 14:37:03 UTC 2018",
            "endTime": "",
            "progress": "50",
            "stops": [
                {
                    "stop": {
                        "name": "Mock",
                        "state": "COMPLETED",
                        "startTime": "Tue Nov 27 14:37:03 UTC 2018",
                        "endTime": "Tue Nov 27 14:37:28 UTC 2018",
                        "rows": {"default": 25},
                    }
                },
                {
                    "stop": {
                        "name": "Fork",
                        "state": "COMPLETED",
                        "startTime": "Tue Nov 27 14:37:03 UTC 2018",
                        "endTime": "Tue Nov 27 14:37:28 UTC 2018",
                        "rows": {"out1": 25},
                    }
                },
                {
                    "stop": {
                        "name": "ShowA",
                        "state": "STARTED",
                        "startTime": "Tue Nov 27 14:37:28 UTC 2018",
                        "endTime": "",
                        "rows": {},
                    }
                },
                {"stop": {"name": "ShowB", "state": "INIT", "startTime": "", "endTime": "", "rows": {}}},
            ],
        }
    }


def test_info_dates_follow_the_servers_time_zone(api_client, half_done, settings):
    # given
    settings.TIME_ZONE = "Asia/Shanghai"

    # when
    response = api_client.get("/flow/info", {"appID": half_done.id})

    # then
    assert response.json()["flow"]["startTime"] == "Tue Nov 27 22:37:03 CST 2018"


def test_info_of_a_completed_run_says_100(api_client, user):
    # given
    process = make_process(
        user, ENGINE_FLOW, state=ProcessState.COMPLETED, progress=75.0, started_at=T0, ended_at=T1
    )

    # when
    flow = api_client.get("/flow/info", {"appID": process.id}).json()["flow"]

    # then
    assert (flow["progress"], flow["endTime"]) == ("100", "Tue Nov 27 14:37:28 UTC 2018")


@pytest.mark.slow
def test_info_of_a_run_the_engine_made(api_client, recorded_process, engine_run):
    # when
    flow = api_client.get("/flow/info", {"appID": recorded_process.id}).json()["flow"]

    # then
    assert flow["state"] == "COMPLETED"
    assert [s["stop"]["name"] for s in flow["stops"]] == ["Mock", "Fork", "ShowA", "ShowB"]
    assert {s["stop"]["state"] for s in flow["stops"]} == {"COMPLETED"}
    assert all(s["stop"]["startTime"] and s["stop"]["endTime"] for s in flow["stops"])
    assert flow["stops"][0]["stop"]["rows"] == {"default": 25}


@pytest.mark.parametrize(
    "query",
    [{"appID": "run_20000101000000_deadbeef"}, {"appID": ""}, {}, {"appID": "run\x00"}, {"appID": "r" * 65}],
)
def test_info_of_an_unknown_or_missing_app_id_is_404(api_client, query):
    # when
    response = api_client.get("/flow/info", query)

    # then
    assert response.status_code == 404
    assert response.json()["error"] == "appID is null or flow run failed!"


def test_info_of_someone_elses_run_is_404_but_an_admin_sees_it(other_client, staff_client, half_done):
    # when
    theirs = other_client.get("/flow/info", {"appID": half_done.id})
    admins = staff_client.get("/flow/info", {"appID": half_done.id})

    # then
    assert theirs.status_code == 404
    assert admins.status_code == 200


def test_progress_has_the_v08_shape(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW, state=ProcessState.STARTED, progress=200 / 3)

    # when
    response = api_client.get("/flow/progress", {"appID": process.id})

    # then
    assert response.status_code == 200
    assert response.json() == {
        "flow": {"appId": process.id, "name": "mock-fork-show", "state": "STARTED", "progress": "66.67%"}
    }


@pytest.mark.parametrize(
    ("state", "progress", "shown"),
    [
        (ProcessState.INIT, 0.0, "0%"),
        (ProcessState.COMPLETED, 75.0, "100%"),
        (ProcessState.FAILED, 25.0, "25%"),
        (ProcessState.STARTED, 12.5, "12.5%"),
    ],
)
def test_progress_text(api_client, user, state, progress, shown):
    # given
    process = make_process(user, ENGINE_FLOW, state=state, progress=progress)

    # when
    flow = api_client.get("/flow/progress", {"appID": process.id}).json()["flow"]

    # then
    assert (flow["state"], flow["progress"]) == (state, shown)


def test_progress_of_an_unknown_or_someone_elses_run_is_404(api_client, other_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)

    # when
    unknown = api_client.get("/flow/progress", {"appID": "nope"})
    theirs = other_client.get("/flow/progress", {"appID": process.id})

    # then
    assert unknown.status_code == theirs.status_code == 404
    assert unknown.json()["error"] == theirs.json()["error"] == "appId is null or flow run failed!"


def test_post_to_info_is_405_json(api_client):
    # when
    response = api_client.post("/flow/info", {"appID": "x"}, format="json")

    # then
    assert response.status_code == 405
    assert "error" in response.json()
