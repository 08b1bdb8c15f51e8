"""PiFlow's /stop/* API: the manual's paths and shapes (manual v0.8, 3.2.1-3.2.3)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

import piflow
from accounts.services import token_create
from piflow.catalogue import UNKNOWN_STOP_MESSAGE

FILTER = "piflow.stops.common.Filter"


def test_stop_groups_lists_every_registered_group(api_client):
    # given
    expected = piflow.default_registry().groups()

    # when
    response = api_client.get("/stop/groups")

    # then
    assert response.status_code == 200
    assert set(response.json()) == {"groups"}
    assert response.json()["groups"].split(",") == expected
    assert "Common" in expected


def test_stop_list_lists_every_bundle(api_client):
    # given
    expected = [stop.bundle for stop in piflow.default_registry().stops()]

    # when
    response = api_client.get("/stop/list")

    # then
    assert response.status_code == 200
    assert set(response.json()) == {"stops"}
    assert response.json()["stops"].split(",") == expected
    assert FILTER in expected


def test_stop_list_with_group_pairs_each_stop_with_its_groups(api_client):
    # given
    registry = piflow.default_registry()
    expected = {f"{group}:{stop.bundle}" for stop in registry.stops() for group in stop.groups}

    # when
    response = api_client.get("/stop/listWithGroup")

    # then
    assert response.status_code == 200
    pairs = response.json()["stopWithGroup"].split(",")
    assert set(pairs) == expected
    assert f"Common:{FILTER}" in pairs


def test_stop_info_has_the_manual_shape(api_client):
    # when
    response = api_client.get("/stop/info", {"bundle": FILTER})

    # then
    assert response.status_code == 200
    info = response.json()
    assert set(info) == {
        "name", "bundle", "owner", "groups", "inports", "outports",
        "isCustomized", "isDataSource", "description", "properties",
    }  # fmt: skip
    assert info["name"] == "Filter"
    assert info["bundle"] == FILTER
    assert info["groups"] == "Common"
    assert info["inports"] == "Default"
    assert info["outports"] == "Default"
    assert info["isCustomized"] == "false"
    assert info["isDataSource"] == "false"
    assert info["description"]
    condition = next(p["property"] for p in info["properties"] if p["property"]["name"] == "condition")
    assert set(condition) == {
        "name", "displayName", "description", "defaultValue", "allowableValues",
        "required", "sensitive", "example", "language",
    }  # fmt: skip
    assert condition["displayName"] == "Condition"
    assert condition["required"] == "true"
    assert condition["sensitive"] == "false"
    assert condition["allowableValues"] == []
    assert condition["language"] == "Sql"


def test_stop_info_describes_every_registered_stop(api_client):
    # given
    bundles = [stop.bundle for stop in piflow.default_registry().stops()]

    # when
    infos = [api_client.get("/stop/info", {"bundle": bundle}) for bundle in bundles]

    # then
    assert [r.status_code for r in infos] == [200] * len(bundles)
    assert [r.json()["bundle"] for r in infos] == bundles
    for info in (r.json() for r in infos):
        assert info["isCustomized"] in ("true", "false")
        assert all(p["property"]["required"] in ("true", "false") for p in info["properties"])


@pytest.mark.parametrize(
    "alias",
    [
        "cn.PiFlow .bundle.Common.Filter",
        "  CN.piflow.BUNDLE.common. filter ",
        "cn.piflow.bundle.common.Filter",
    ],
)
def test_stop_info_resolves_piflow_aliases(api_client, alias):
    # when
    response = api_client.get("/stop/info", {"bundle": alias})

    # then
    assert response.status_code == 200
    assert response.json()["bundle"] == FILTER


def test_stop_info_unknown_bundle_is_404_with_the_manuals_message(api_client):
    # when
    response = api_client.get("/stop/info", {"bundle": "cn.piflow.bundle.nope.Nothing"})

    # then
    assert response.status_code == 404
    assert response.json() == {"error": UNKNOWN_STOP_MESSAGE, "bundle": "cn.piflow.bundle.nope.Nothing"}


def test_stop_info_without_bundle_is_404_not_500(api_client):
    # when
    response = api_client.get("/stop/info")

    # then
    assert response.status_code == 404
    assert response.json() == {"error": UNKNOWN_STOP_MESSAGE, "bundle": ""}


@pytest.mark.parametrize(
    "url", ["/stop/groups", "/stop/list", "/stop/listWithGroup", f"/stop/info?bundle={FILTER}"]
)
def test_stop_endpoints_refuse_anonymous_callers(anonymous_client, url):
    # when
    response = anonymous_client.get(url)

    # then
    assert response.status_code == 401
    assert response.json() == {"error": "Authentication credentials were not provided."}


def test_stop_endpoints_accept_a_token(user):
    # given
    _, key = token_create(user=user, name="catalogue test")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    # when
    response = client.get("/stop/groups")

    # then
    assert response.status_code == 200


def test_stop_endpoints_accept_a_session(client, user):
    # given
    client.force_login(user)

    # when
    response = client.get("/stop/list")

    # then
    assert response.status_code == 200
    assert FILTER in response.json()["stops"]
