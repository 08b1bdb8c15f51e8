"""/api/flows/: list, create, read, update with revision, delete, run, debug, export, import."""

from __future__ import annotations

import copy
import json

import pytest

import piflow
from flows.models import Flow, Process, ProcessMode, ProcessState
from tests.factories import SECRET, VALID_PATHS, VALID_STOPS, FlowFactory


def test_list_shows_the_users_flows_paginated(api_client, user, other_user, django_assert_max_num_queries):
    # given
    FlowFactory.create_batch(25, owner=user)
    FlowFactory(owner=other_user, name="not mine")

    # when
    with django_assert_max_num_queries(3):
        first = api_client.get("/api/flows/")
    second = api_client.get("/api/flows/", {"page": 2})

    # then
    assert first.status_code == 200
    assert first.json()["count"] == 25
    assert len(first.json()["results"]) == 20 and len(second.json()["results"]) == 5
    assert first.json()["next"].endswith("page=2")
    names = [f["name"] for f in first.json()["results"] + second.json()["results"]]
    assert "not mine" not in names
    item = first.json()["results"][0]
    assert item["valid"] is True and item["problems"] == [] and item["stop_count"] == 2
    assert SECRET not in first.content.decode()


def test_list_searches_name_and_description(api_client, user):
    # given
    FlowFactory(owner=user, name="Load people", description="")
    FlowFactory(owner=user, name="other", description="the PEOPLE table")
    FlowFactory(owner=user, name="unrelated", description="")

    # when
    response = api_client.get("/api/flows/", {"search": "people"})

    # then
    assert sorted(f["name"] for f in response.json()["results"]) == ["Load people", "other"]


def test_admin_lists_everyones_flows(staff_client, user, other_user):
    # given
    FlowFactory(owner=user, name="ada's")
    FlowFactory(owner=other_user, name="bob's")

    # when
    response = staff_client.get("/api/flows/")

    # then
    assert {(f["name"], f["owner"]) for f in response.json()["results"]} == {
        ("ada's", "ada"),
        ("bob's", "bob"),
    }


def test_create_stores_the_flow_and_reports_no_problems(api_client, user):
    # given
    body = {
        "name": "people",
        "stops": VALID_STOPS,
        "paths": VALID_PATHS,
        "executor_cores": 2,
        "positions": {"Db": {"x": 1, "y": 2}},
        "checkpoints": ["Db"],
    }

    # when
    response = api_client.post("/api/flows/", body, format="json")

    # then
    assert response.status_code == 201
    data = response.json()
    assert (data["name"], data["owner"], data["revision"], data["executor_cores"]) == ("people", "ada", 1, 2)
    assert (data["valid"], data["problems"]) == (True, [])
    assert data["stops"][0]["properties"]["password"] == piflow.MASK
    flow = Flow.objects.get(pk=data["id"])
    assert flow.owner == user and flow.stops[0]["properties"]["password"] == SECRET
    assert flow.checkpoints == ["Db"]


def test_create_of_an_invalid_draft_lists_every_problem_with_stop_and_property(api_client):
    # given: a read without its required table, and a filter with a path into a source
    stops = [
        {
            "name": "Db",
            "bundle": "piflow.stops.jdbc.PostgresqlRead",
            "properties": {"url": "jdbc:postgresql://h/db", "user": "u", "selectedContent": "*"},
        },
        {"name": "Odd", "bundle": "piflow.stops.nope.Nothing", "properties": {}},
    ]

    # when
    response = api_client.post("/api/flows/", {"name": "draft", "stops": stops}, format="json")

    # then
    assert response.status_code == 201
    problems = response.json()["problems"]
    assert response.json()["valid"] is False
    assert {"stop": "Db", "property": "tableName"}.items() <= next(
        p for p in problems if p.get("stop") == "Db"
    ).items()
    assert any(p.get("stop") == "Odd" and p.get("property") == "bundle" for p in problems)


def test_create_without_a_name_is_400(api_client):
    # when
    response = api_client.post("/api/flows/", {"stops": []}, format="json")

    # then
    assert response.status_code == 400
    assert "name" in response.json()["fields"]


def test_create_with_malformed_stops_is_400(api_client):
    # when
    response = api_client.post(
        "/api/flows/", {"name": "x", "stops": [{"bundle": "x"}], "paths": "nope"}, format="json"
    )

    # then
    assert response.status_code == 400
    assert {"stops", "paths"} <= set(response.json()["fields"])


@pytest.mark.parametrize(
    "url, method",
    [
        ("/api/flows/", "post"),
        ("/api/flows/import/", "post"),
        ("/api/flows/{id}/", "put"),
        ("/api/flows/{id}/", "patch"),
    ],
)
def test_malformed_json_is_400_never_500(api_client, flow, url, method):
    # when
    response = getattr(api_client, method)(
        url.format(id=flow.id), data='{"name": "x", ', content_type="application/json"
    )

    # then
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["error"]


def test_retrieve_masks_secrets(api_client, flow):
    # when
    response = api_client.get(f"/api/flows/{flow.id}/")

    # then
    assert response.status_code == 200
    data = response.json()
    assert data["stops"][0]["properties"]["password"] == piflow.MASK
    assert data["stops"][0]["properties"]["user"] == "postgres"
    assert data["paths"] == VALID_PATHS
    assert data["revision"] == 1 and data["valid"] is True
    assert SECRET not in response.content.decode()


def test_another_user_gets_404_on_my_flow(other_client, flow):
    # when
    responses = [
        other_client.get(f"/api/flows/{flow.id}/"),
        other_client.patch(f"/api/flows/{flow.id}/", {"revision": 1, "name": "mine now"}, format="json"),
        other_client.delete(f"/api/flows/{flow.id}/"),
        other_client.post(f"/api/flows/{flow.id}/run/"),
        other_client.post(f"/api/flows/{flow.id}/debug/"),
        other_client.get(f"/api/flows/{flow.id}/export/"),
    ]

    # then
    assert [r.status_code for r in responses] == [404] * 6
    assert all("error" in r.json() for r in responses)
    flow.refresh_from_db()
    assert (flow.name, flow.revision) == ("people", 1)
    assert not Process.objects.exists()


def test_admin_reads_and_changes_anyones_flow(staff_client, flow):
    # when
    read = staff_client.get(f"/api/flows/{flow.id}/")
    changed = staff_client.patch(
        f"/api/flows/{flow.id}/", {"revision": 1, "description": "checked"}, format="json"
    )

    # then
    assert read.status_code == 200 and read.json()["owner"] == "ada"
    assert changed.status_code == 200 and changed.json()["description"] == "checked"


def test_put_saves_and_bumps_the_revision(api_client, flow):
    # given: the client sends back what it read, masked password included
    body = api_client.get(f"/api/flows/{flow.id}/").json()
    body["name"] = "people v2"
    body["stops"][1]["properties"]["showNumber"] = "10"

    # when
    response = api_client.put(f"/api/flows/{flow.id}/", body, format="json")

    # then
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["revision"]) == ("people v2", 2)
    assert response.json()["stops"][0]["properties"]["password"] == piflow.MASK
    flow.refresh_from_db()
    assert flow.stops[0]["properties"]["password"] == SECRET  # the mask kept the stored secret
    assert flow.stops[1]["properties"]["showNumber"] == "10"


def test_patch_changes_only_what_it_names(api_client, flow):
    # when
    response = api_client.patch(
        f"/api/flows/{flow.id}/", {"revision": 1, "description": "new"}, format="json"
    )

    # then
    assert response.status_code == 200
    flow.refresh_from_db()
    assert (flow.description, flow.name, flow.revision, len(flow.stops)) == ("new", "people", 2, 2)


def test_stale_save_is_409_with_the_current_revision(api_client, flow):
    # given: someone else saved revision 2 first
    assert (
        api_client.patch(
            f"/api/flows/{flow.id}/", {"revision": 1, "name": "first"}, format="json"
        ).status_code
        == 200
    )

    # when
    response = api_client.patch(f"/api/flows/{flow.id}/", {"revision": 1, "name": "second"}, format="json")

    # then
    assert response.status_code == 409
    assert response.json()["revision"] == 2
    assert "reload" in response.json()["error"]
    flow.refresh_from_db()
    assert (flow.name, flow.revision) == ("first", 2)


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_without_a_revision_is_400(api_client, flow, method):
    # when
    response = getattr(api_client, method)(f"/api/flows/{flow.id}/", {"name": "x"}, format="json")

    # then
    assert response.status_code == 400
    assert "revision" in response.json()["fields"]


def test_delete_removes_the_flow(api_client, flow):
    # when
    response = api_client.delete(f"/api/flows/{flow.id}/")

    # then
    assert response.status_code == 204
    assert not Flow.objects.filter(pk=flow.id).exists()
    assert api_client.get(f"/api/flows/{flow.id}/").status_code == 404


def test_run_queues_a_snapshot_and_dispatches_it_after_commit(
    api_client, flow, user, monkeypatch, django_capture_on_commit_callbacks
):
    # given
    from flows.services import dispatch

    sent = []
    monkeypatch.setattr(dispatch, "send_run", lambda process_id: sent.append(process_id))

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post(f"/api/flows/{flow.id}/run/")

    # then
    assert response.status_code == 201
    data = response.json()
    process = Process.objects.get(pk=data["id"])
    assert (process.state, process.mode, process.owner, process.flow) == (
        ProcessState.INIT,
        "RUN",
        user,
        flow,
    )
    assert [s["name"] for s in data["stops"]] == ["Db", "Show"]
    assert data["spec"]["flow"]["stops"][0]["properties"]["password"] == piflow.MASK
    assert SECRET not in response.content.decode()
    assert process.spec["flow"]["stops"][0]["properties"]["password"] == SECRET  # the worker needs it
    assert len(callbacks) == 1
    callbacks[0]()
    assert sent == [process.id]


def test_debug_run_is_a_debug_process(api_client, flow, django_capture_on_commit_callbacks):
    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post(f"/api/flows/{flow.id}/debug/")

    # then
    assert response.status_code == 201
    assert response.json()["mode"] == ProcessMode.DEBUG
    assert Process.objects.get(pk=response.json()["id"]).state == ProcessState.INIT
    assert len(callbacks) == 1


def test_run_of_an_invalid_flow_is_400_listing_problems(api_client, user, django_capture_on_commit_callbacks):
    # given: the read lost its required table name and the show lost its input
    stops = copy.deepcopy(VALID_STOPS)
    del stops[0]["properties"]["tableName"]
    flow = FlowFactory(owner=user, stops=stops, paths=[])

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post(f"/api/flows/{flow.id}/run/")

    # then
    assert response.status_code == 400
    problems = response.json()["problems"]
    assert any(p.get("stop") == "Db" and p.get("property") == "tableName" for p in problems)
    assert any(p.get("stop") == "Show" for p in problems)
    assert not Process.objects.exists()
    assert callbacks == []


def test_export_is_piflow_json_with_secrets_masked(api_client, flow):
    # when
    response = api_client.get(f"/api/flows/{flow.id}/export/")

    # then
    assert response.status_code == 200
    spec = piflow.FlowSpec.from_dict(response.json())
    assert spec.name == "people"
    assert spec.stop("Db").properties["password"] == piflow.MASK
    assert spec.stop("Db").bundle == "cn.piflow.bundle.jdbc.PostgresqlRead"
    assert [(p.from_stop, p.to_stop) for p in spec.paths] == [("Db", "Show")]
    assert SECRET not in response.content.decode()


def test_import_creates_a_flow_from_piflow_json(api_client, user):
    # given
    body = {
        "flow": {
            "name": "imported",
            "executorNumber": "3",
            "checkpoint": "Db",
            "stops": VALID_STOPS,
            "paths": VALID_PATHS,
        }
    }

    # when
    response = api_client.post("/api/flows/import/", body, format="json")

    # then
    assert response.status_code == 201
    assert (response.json()["name"], response.json()["executor_number"]) == ("imported", 3)
    assert response.json()["valid"] is True
    assert SECRET not in response.content.decode()
    flow = Flow.objects.get(pk=response.json()["id"])
    assert flow.owner == user and flow.checkpoints == ["Db"]
    assert flow.stops[0]["properties"]["password"] == SECRET


@pytest.mark.parametrize("body", [[1, 2], {"flow": "x"}, {"flow": {"stops": "x"}}])
def test_import_of_something_that_is_not_a_flow_is_400(api_client, body):
    # when
    response = api_client.post("/api/flows/import/", json.dumps(body), content_type="application/json")

    # then
    assert response.status_code == 400
    assert response.json()["error"]
