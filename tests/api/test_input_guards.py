"""Input the database cannot store is a 400 from every write endpoint, never a 500.

PostgreSQL refuses a NUL character in any text (a JSON string included) and a value longer than
its column; SQLite takes both, so these tests matter most with ``DATABASE_URL`` pointing at
PostgreSQL. The guards live in ``flows.services`` so every caller gets them.
"""

from __future__ import annotations

import copy

import pytest
from django.db import connection

import piflow
from common.errors import ApplicationError
from flows import services
from flows.models import Flow, Process, ProcessState
from tests.factories import VALID_PATHS, VALID_STOPS, FlowFactory
from tests.run_files import lay_out_run

LONG = "s" * 300
NUL = "5\x00"

#: PostgreSQL cannot even hold a NUL, so no stored flow or run can carry one there.
sqlite_only = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="PostgreSQL cannot store a NUL, so no stored flow or run has one",
)


def long_stop() -> tuple[list, list]:
    """The valid flow with its first stop renamed to 300 characters (the path follows)."""
    stops, paths = copy.deepcopy(VALID_STOPS), copy.deepcopy(VALID_PATHS)
    stops[0]["name"] = paths[0]["from"] = LONG
    return stops, paths


def long_port() -> tuple[list, list]:
    stops, paths = copy.deepcopy(VALID_STOPS), copy.deepcopy(VALID_PATHS)
    paths[0]["outport"] = LONG
    return stops, paths


def nul_property() -> tuple[list, list]:
    stops, paths = copy.deepcopy(VALID_STOPS), copy.deepcopy(VALID_PATHS)
    stops[1]["properties"]["showNumber"] = NUL
    return stops, paths


def assert_400_naming_the_long_stop(response) -> None:
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["error"]
    # The serializers refuse a long stop name on create and update (field errors); the service
    # refuses it on import and run (a problem naming the stop).
    assert "fields" in body or {"stop": LONG[:200], "property": "name"}.items() <= body["problems"][0].items()


def assert_400_naming_the_nul(response, where: str) -> None:
    assert response.status_code == 400, response.content
    assert "NUL" in response.json()["error"] and where in response.json()["error"]
    assert where in response.json()["where"]


# -- flows ----------------------------------------------------------------------------------------


def test_create_refuses_a_long_stop_name_and_a_long_port(api_client):
    # when
    stop = api_client.post(
        "/api/flows/", {"name": "f", "stops": long_stop()[0], "paths": long_stop()[1]}, format="json"
    )
    port = api_client.post(
        "/api/flows/", {"name": "f", "stops": long_port()[0], "paths": long_port()[1]}, format="json"
    )

    # then
    assert_400_naming_the_long_stop(stop)
    assert port.status_code == 400
    assert [{k: v for k, v in p.items() if k != "message"} for p in port.json()["problems"]] == [{"path": 0}]
    assert "longer than 200" in port.json()["problems"][0]["message"]
    assert not Flow.objects.exists()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            lambda body: body["stops"][1]["properties"].update(showNumber=NUL),
            "stops[1].properties.showNumber",
        ),
        (
            lambda body: body["stops"][1]["properties"].update(**{"show\x00": "5"}),
            "stops[1].properties (key 'show\\x00')",
        ),
        (lambda body: body.update(positions={"Db\x00": {"x": 1, "y": 2}}), "positions (key 'Db\\x00')"),
        (lambda body: body.update(positions={"Db": {"x": "1\x00"}}), "positions.Db.x"),
        # the request serializers refuse NUL in their text fields themselves:
        (lambda body: body["stops"][0].update(uuid="x\x00"), None),
        (lambda body: body.update(checkpoints=["Db", "Show\x00"]), None),
        (lambda body: body.update(environment={"${X}": "\x00"}), None),
        (lambda body: body.update(description="d\x00"), None),
    ],
)
def test_create_refuses_a_nul_anywhere_naming_where(api_client, change, where):
    # given
    body = {"name": "f", "stops": copy.deepcopy(VALID_STOPS), "paths": copy.deepcopy(VALID_PATHS)}
    change(body)

    # when
    response = api_client.post("/api/flows/", body, format="json")

    # then
    if where:
        assert_400_naming_the_nul(response, where)
    else:
        assert response.status_code == 400 and response.json()["fields"]
    assert not Flow.objects.exists()


@pytest.mark.parametrize("name", ["f\x00", "n" * 300])
def test_create_refuses_a_bad_flow_name(api_client, name):
    # when
    response = api_client.post(
        "/api/flows/", {"name": name, "stops": VALID_STOPS, "paths": VALID_PATHS}, format="json"
    )

    # then
    assert response.status_code == 400
    assert not Flow.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize("bad", [long_stop, long_port, nul_property])
def test_update_refuses_what_cannot_be_stored(api_client, flow, method, bad):
    # given
    stops, paths = bad()
    body = {"revision": 1, "name": "people", "stops": stops, "paths": paths}

    # when
    response = getattr(api_client, method)(f"/api/flows/{flow.id}/", body, format="json")

    # then
    assert response.status_code == 400, response.content
    assert response.json()["error"]
    if bad is nul_property:
        assert_400_naming_the_nul(response, "stops[1].properties.showNumber")
    flow.refresh_from_db()
    assert (flow.revision, flow.stops, flow.paths) == (1, VALID_STOPS, VALID_PATHS)


def test_update_refuses_a_nul_in_the_positions(api_client, flow):
    # when
    response = api_client.patch(
        f"/api/flows/{flow.id}/", {"revision": 1, "positions": {"Db": {"x": "\x00"}}}, format="json"
    )

    # then
    assert_400_naming_the_nul(response, "positions.Db.x")
    flow.refresh_from_db()
    assert flow.revision == 1


@pytest.mark.parametrize("bad", [long_stop, long_port])
def test_import_refuses_long_names(api_client, bad):
    # given
    stops, paths = bad()

    # when
    response = api_client.post(
        "/api/flows/import/", {"flow": {"name": "f", "stops": stops, "paths": paths}}, format="json"
    )

    # then
    assert response.status_code == 400, response.content
    assert response.json()["error"] == "the flow has names too long to store"
    assert response.json()["problems"]
    assert not Flow.objects.exists()


def test_import_refuses_a_long_flow_name_and_bundle(api_client):
    # given
    stops = copy.deepcopy(VALID_STOPS)
    stops[1]["bundle"] = "b" * 301

    # when
    response = api_client.post(
        "/api/flows/import/",
        {"flow": {"name": "n" * 201, "stops": stops, "paths": VALID_PATHS}},
        format="json",
    )

    # then
    assert response.status_code == 400
    assert [{k: v for k, v in p.items() if k != "message"} for p in response.json()["problems"]] == [
        {"property": "name"},
        {"stop": "Show", "property": "bundle"},
    ]


def test_import_refuses_a_nul_naming_where(api_client):
    # when
    response = api_client.post(
        "/api/flows/import/",
        {"flow": {"name": "f", "stops": nul_property()[0], "paths": VALID_PATHS}},
        format="json",
    )

    # then
    assert_400_naming_the_nul(response, "flow.stops[1].properties.showNumber")
    assert not Flow.objects.exists()


@pytest.mark.parametrize("action", ["run", "debug"])
@pytest.mark.parametrize("bad", [long_stop, long_port])
def test_run_of_a_stored_flow_with_long_names_is_400(
    api_client, user, action, bad, django_capture_on_commit_callbacks
):
    # given: stored before the guard existed (a JSON column holds any length)
    stops, paths = bad()
    flow = FlowFactory(owner=user, stops=stops, paths=paths)

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post(f"/api/flows/{flow.id}/{action}/")

    # then
    assert response.status_code == 400, response.content
    assert response.json()["problems"]
    assert not Process.objects.exists()
    assert callbacks == []


@sqlite_only
@pytest.mark.parametrize("action", ["run", "debug"])
def test_run_of_a_stored_flow_with_a_nul_is_400(api_client, user, action):
    # given
    flow = FlowFactory(owner=user, stops=nul_property()[0])

    # when
    response = api_client.post(f"/api/flows/{flow.id}/{action}/")

    # then
    assert_400_naming_the_nul(response, "flow.stops[1].properties.showNumber")
    assert not Process.objects.exists()


# -- processes ------------------------------------------------------------------------------------


def _old_run(user, stops, paths) -> Process:
    """A finished run whose snapshot holds what the guards now refuse (no stop rows: they could not be stored)."""
    spec = piflow.FlowSpec.from_dict({"flow": {"name": "old", "stops": stops, "paths": paths}})
    return Process.objects.create(owner=user, name="old", spec=spec.to_dict(), state=ProcessState.FAILED)


@pytest.mark.parametrize("bad", [long_stop, long_port])
def test_rerun_and_resume_of_a_run_with_long_names_are_400(api_client, user, bad):
    # given
    stops, paths = bad()
    old = _old_run(user, stops, paths)
    lay_out_run(old.id, checkpoints=["Show"])

    # when
    rerun = api_client.post(f"/api/processes/{old.id}/rerun/")
    resume = api_client.post(f"/api/processes/{old.id}/resume/", {}, format="json")

    # then
    assert (rerun.status_code, resume.status_code) == (400, 400), (rerun.content, resume.content)
    assert rerun.json()["problems"] and resume.json()["problems"]
    assert list(Process.objects.all()) == [old]


@sqlite_only
def test_rerun_of_a_run_with_a_nul_is_400(api_client, user):
    # given
    old = _old_run(user, nul_property()[0], VALID_PATHS)

    # when
    response = api_client.post(f"/api/processes/{old.id}/rerun/")

    # then
    assert_400_naming_the_nul(response, "flow.stops[1].properties.showNumber")
    assert list(Process.objects.all()) == [old]


@pytest.mark.parametrize("bad", [long_stop, long_port, nul_property])
def test_the_service_refuses_to_start_what_cannot_be_stored(user, bad):
    # given
    stops, paths = bad()
    spec = piflow.FlowSpec.from_dict({"flow": {"name": "f", "stops": stops, "paths": paths}})

    # when
    with pytest.raises(ApplicationError) as caught:
        services.process_start(owner=user, spec=spec)

    # then
    assert caught.value.status == 400
    assert not Process.objects.exists()


def test_a_run_name_too_long_to_store_is_refused(user):
    # given
    spec = piflow.FlowSpec.from_dict(
        {"flow": {"name": "n" * 201, "stops": VALID_STOPS, "paths": VALID_PATHS}}
    )

    # when
    with pytest.raises(services.InvalidFlowError) as caught:
        services.process_start(owner=user, spec=spec)

    # then
    assert [p.property for p in caught.value.problems] == ["name"]


# -- reads with ids and searches no row can match -------------------------------------------------


@pytest.mark.parametrize("process_id", ["run\x00", "r" * 65])
def test_a_run_id_no_run_can_have_is_404(api_client, process_id):
    # when
    responses = [
        api_client.get(f"/api/processes/{process_id}/"),
        api_client.post(f"/api/processes/{process_id}/stop/"),
        api_client.delete(f"/api/processes/{process_id}/"),
    ]

    # then
    assert [r.status_code for r in responses] == [404, 404, 404]


def test_a_search_with_a_nul_is_answered(api_client, flow):
    # when
    response = api_client.get("/api/flows/", {"search": "peo\x00ple"})

    # then
    assert response.status_code == 200
