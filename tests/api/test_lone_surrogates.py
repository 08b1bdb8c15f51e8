"""A lone surrogate (``\\ud800``: JSON lets it through, it is not Unicode text) is a 400 naming where, never a 500."""

from __future__ import annotations

import pytest

from flows.models import Flow, Process

FLOW = '{"flow": {"name": "f", "stops": [{"name": "Mock", "bundle": "cn.piflow.bundle.common.MockData", "properties": {"schema": "a:String%s"}}]}}'


@pytest.mark.parametrize("url", ["/flow/start", "/api/flows/import/"])
def test_a_lone_surrogate_in_a_flow_is_refused_naming_where(api_client, url):
    # when
    response = api_client.post(url, FLOW % "\\ud800", content_type="application/json")

    # then
    assert response.status_code == 400, response.content
    assert "lone surrogate" in response.json()["error"]
    assert response.json()["where"] == ["flow.stops[0].properties.schema"]
    assert not Process.objects.exists() and not Flow.objects.exists()


def test_a_lone_surrogate_in_a_key_is_named_escaped(api_client):
    body = (
        '{"flow": {"name": "f", "stops": [{"name": "Mock", "bundle": "b", "properties": {"k\\udc00": "v"}}]}}'
    )
    response = api_client.post("/flow/start", body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json()["where"] == ["flow.stops[0].properties (key 'k\\udc00')"]


def test_a_lone_surrogate_in_a_created_flow_is_refused(api_client):
    response = api_client.post("/api/flows/", '{"name": "x\\ud800"}', content_type="application/json")
    assert response.status_code == 400
    assert not Flow.objects.exists()
