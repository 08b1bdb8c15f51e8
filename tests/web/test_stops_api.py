"""/api/stops/: the stop descriptors the canvas draws from."""

from __future__ import annotations

import piflow

FILTER = "piflow.stops.common.Filter"


def test_stop_list_returns_a_descriptor_per_registered_stop(api_client):
    # given
    expected = [stop.bundle for stop in piflow.default_registry().stops()]

    # when
    response = api_client.get("/api/stops/")

    # then
    assert response.status_code == 200
    assert [d["bundle"] for d in response.json()] == expected
    described = next(d for d in response.json() if d["bundle"] == FILTER)
    assert described == {**piflow.default_registry().get(FILTER).descriptor(), "groupLabels": ["Common"]}


def test_stop_list_filters_by_group_ignoring_case(api_client):
    # given
    expected = [s.bundle for s in piflow.default_registry().stops() if "Common" in s.groups]

    # when
    response = api_client.get("/api/stops/", {"group": "common"})

    # then
    assert response.status_code == 200
    assert [d["bundle"] for d in response.json()] == expected
    assert FILTER in expected


def test_stop_list_with_an_unknown_group_is_empty(api_client):
    # when
    response = api_client.get("/api/stops/", {"group": "No Such Group"})

    # then
    assert response.status_code == 200
    assert response.json() == []


def test_stop_list_searches_name_and_description(api_client):
    # when
    by_name = api_client.get("/api/stops/", {"search": "fILTer"})
    by_description = api_client.get("/api/stops/", {"search": "spark sql condition"})

    # then
    assert FILTER in [d["bundle"] for d in by_name.json()]
    assert FILTER in [d["bundle"] for d in by_description.json()]
    assert all("filter" in (d["name"] + d["description"] + d["details"]).lower() for d in by_name.json())


def test_stop_detail_by_bundle_id(api_client):
    # when
    response = api_client.get(f"/api/stops/{FILTER}/")

    # then
    assert response.status_code == 200
    assert response.json()["bundle"] == FILTER
    assert response.json()["properties"][0]["name"] == "condition"


def test_stop_detail_by_piflow_alias(api_client):
    # when
    response = api_client.get("/api/stops/cn.PiFlow .bundle.Common.Filter/")

    # then
    assert response.status_code == 200
    assert response.json()["bundle"] == FILTER


def test_stop_detail_unknown_bundle_is_404_json(api_client):
    # when
    response = api_client.get("/api/stops/piflow.stops.nope.Nothing/")

    # then
    assert response.status_code == 404
    assert response.json()["bundle"] == "piflow.stops.nope.Nothing"
    assert "error" in response.json()


def test_stops_api_refuses_anonymous_callers(anonymous_client):
    # when
    listing = anonymous_client.get("/api/stops/")
    detail = anonymous_client.get(f"/api/stops/{FILTER}/")

    # then
    assert listing.status_code == 401
    assert detail.status_code == 401
    assert "error" in listing.json()


def test_openapi_schema_documents_the_stop_endpoints(api_client, anonymous_client):
    # when
    response = api_client.get("/api/schema/", HTTP_ACCEPT="application/json")
    anonymous = anonymous_client.get("/api/schema/", HTTP_ACCEPT="application/json")

    # then
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/stop/groups", "/stop/list", "/stop/listWithGroup", "/stop/info", "/api/stops/"} <= set(paths)
    assert anonymous.status_code == 401
