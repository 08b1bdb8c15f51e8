"""POST /flow/stop: ``{"appID"}`` in, the JSON string "ok" out."""

from __future__ import annotations

import json

import pytest

from flows.models import ProcessState

from .support import ENGINE_FLOW, make_process


def stop(client, body):
    return client.post(
        "/flow/stop",
        data=body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
    )


def test_stopping_a_queued_run_kills_it_at_once(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)

    # when
    response = stop(api_client, {"appID": process.id})

    # then
    assert response.status_code == 200
    assert response.json() == "ok"
    process.refresh_from_db()
    assert process.state == ProcessState.KILLED
    assert process.ended_at is not None


def test_stopping_a_running_run_asks_its_worker(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW, state=ProcessState.STARTED)

    # when
    response = stop(api_client, {"appID": process.id})

    # then
    assert response.status_code == 200
    assert response.json() == "ok"
    process.refresh_from_db()
    assert process.cancel_requested
    assert process.state == ProcessState.STARTED


def test_stopping_a_finished_run_is_ok_and_changes_nothing(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW, state=ProcessState.COMPLETED)

    # when
    response = stop(api_client, {"appID": process.id})

    # then
    assert response.status_code == 200
    process.refresh_from_db()
    assert (process.state, process.cancel_requested) == (ProcessState.COMPLETED, False)


@pytest.mark.parametrize("body", [{"appID": "run_20000101000000_deadbeef"}, {"appID": ""}, {}])
def test_an_unknown_or_missing_app_id_is_404_with_the_manuals_message(api_client, body):
    # when
    response = stop(api_client, body)

    # then
    assert response.status_code == 404
    assert response.json()["error"] == "Can not found process Error!"


def test_someone_elses_run_is_404_and_keeps_running(other_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)

    # when
    response = stop(other_client, {"appID": process.id})

    # then
    assert response.status_code == 404
    assert response.json()["error"] == "Can not found process Error!"
    process.refresh_from_db()
    assert process.state == ProcessState.INIT


def test_an_admin_may_stop_anyones_run(staff_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)

    # when
    response = stop(staff_client, {"appID": process.id})

    # then
    assert response.status_code == 200
    process.refresh_from_db()
    assert process.state == ProcessState.KILLED


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{appID", "not valid JSON"),
        ("[]", "must be an object"),
        ('{"appID": 7}', "appID must be a string"),
        ("", "empty"),
    ],
)
def test_a_malformed_body_is_400(api_client, body, says):
    # when
    response = stop(api_client, body)

    # then
    assert response.status_code == 400
    assert says in response.json()["error"]


def test_get_is_405_json(api_client):
    # when
    response = api_client.get("/flow/stop")

    # then
    assert response.status_code == 405
    assert "error" in response.json()
