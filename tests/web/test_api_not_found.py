"""An unknown URL under the API's paths answers JSON, like every other API error."""

import pytest


@pytest.mark.parametrize("url", ["/api/flows/-3/", "/api/nothing/", "/flow/nothing", "/stop/nothing"])
def test_an_unknown_api_url_is_a_json_404(api_client, url):
    response = api_client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert url in response.json()["error"]


def test_elsewhere_it_is_the_ordinary_404_page(client):
    response = client.get("/admin/nothing-here/")
    assert response.status_code in (302, 404)
    assert not response.get("Content-Type", "").startswith("application/json")
