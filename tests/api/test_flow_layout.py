"""A flow's canvas layout travels in its exported PiFlow JSON, so export then import looks the same."""

from __future__ import annotations

import piflow
from flows.models import Flow
from tests.factories import SECRET, VALID_PATHS, VALID_STOPS, FlowFactory


def test_a_flow_exported_and_imported_again_keeps_its_layout_and_checkpoints(api_client, user):
    # given: a flow drawn on the canvas, with a checkpoint mark
    positions = {"Db": {"x": 40.0, "y": 120.5}, "Show": {"x": 380.0, "y": 120.5}}
    flow = FlowFactory(owner=user, positions=positions, checkpoints=["Db"])

    # when
    exported = api_client.get(f"/api/flows/{flow.id}/export/").json()
    response = api_client.post("/api/flows/import/", exported, format="json")

    # then
    assert exported["flow"]["layout"] == positions
    assert exported["flow"]["checkpoint"] == "Db"
    assert response.status_code == 201, response.content
    copy = Flow.objects.get(pk=response.json()["id"])
    assert copy.positions == positions and copy.checkpoints == ["Db"]
    assert response.json()["positions"] == positions
    assert (
        copy.stops[0]["properties"]["password"] == piflow.MASK
    )  # the secret never left; a copy does not get it
    assert SECRET not in str(exported)


def test_piflow_json_without_a_layout_imports_with_none(api_client):
    # when
    response = api_client.post(
        "/api/flows/import/",
        {"flow": {"name": "plain", "stops": VALID_STOPS, "paths": VALID_PATHS}},
        format="json",
    )

    # then
    assert response.status_code == 201
    assert response.json()["positions"] == {}


def test_a_layout_that_is_not_an_object_is_400(api_client):
    # when
    response = api_client.post(
        "/api/flows/import/",
        {"flow": {"name": "bad", "stops": VALID_STOPS, "layout": ["Db", 1]}},
        format="json",
    )

    # then
    assert response.status_code == 400
    assert "positions" in response.json()["error"]
