"""GET /flow/debugData: schema, where the data is, and the rows themselves, paged."""

from __future__ import annotations

import pytest

import piflow
from flows.models import ProcessMode
from tests.run_files import lay_out_run

from .support import ENGINE_FLOW, make_process


def debug_data(client, **query):
    return client.get("/flow/debugData", query)


@pytest.mark.slow
def test_the_first_page_of_a_stops_default_port(api_client, recorded_process, engine_run):
    # given
    storage = piflow.RunStorage.of(recorded_process.id)

    # when
    response = debug_data(api_client, appID=recorded_process.id, stopName="Mock")

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "title,author,age"
    assert body["debugDataPath"] == str(storage.debug_dir("Mock", ""))
    assert (body["offset"], body["limit"], body["total"], body["nextOffset"], body["count"]) == (
        0,
        10,
        25,
        10,
        25,
    )
    assert body["rows"] == storage.debug_rows("Mock", "", 0, 10)
    assert set(body["rows"][0]) == {"title", "author", "age"}
    assert [f["name"] for f in body["fields"]] == ["title", "author", "age"]
    assert [f["type"] for f in body["fields"]] == ["string", "string", "integer"]


@pytest.mark.slow
def test_pages_follow_one_another_to_the_end(api_client, recorded_process, engine_run):
    # given
    everything = piflow.RunStorage.of(recorded_process.id).debug_rows("Mock", "", 0, 100)

    # when
    pages, offset = [], 0
    while offset is not None:
        body = debug_data(
            api_client, appID=recorded_process.id, stopName="Mock", port="default", offset=offset
        ).json()
        pages.append(body["rows"])
        offset = body["nextOffset"]

    # then
    assert [len(page) for page in pages] == [10, 10, 5]
    assert [row for page in pages for row in page] == everything


@pytest.mark.slow
def test_a_named_port_and_the_manuals_Port_spelling(api_client, recorded_process, engine_run):
    # when
    out1 = debug_data(api_client, appID=recorded_process.id, stopName="Fork", port="out1", limit=3).json()
    out2 = api_client.get(
        "/flow/debugData", {"appID": recorded_process.id, "stopName": "Fork", "Port": "out2"}
    ).json()

    # then
    assert (len(out1["rows"]), out1["limit"], out1["total"]) == (3, 3, 25)
    assert out1["debugDataPath"].endswith("/debug/Fork/out1")
    assert out2["debugDataPath"].endswith("/debug/Fork/out2")
    assert out2["schema"] == "title,author,age"


@pytest.mark.slow
def test_a_stop_or_port_without_debug_data_is_404_listing_what_exists(
    api_client, recorded_process, engine_run
):
    # when
    no_stop = debug_data(api_client, appID=recorded_process.id, stopName="Nope")
    no_port = debug_data(api_client, appID=recorded_process.id, stopName="Fork", port="out9")

    # then
    assert no_stop.status_code == no_port.status_code == 404
    assert "no debug data for stop 'Nope'" in no_stop.json()["error"]
    assert "port 'out9'" in no_port.json()["error"]
    assert {"stopName": "Fork", "port": "out1"} in no_port.json()["available"]
    assert {"stopName": "Mock", "port": "default"} in no_port.json()["available"]


def test_limit_is_at_most_1000(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW, mode=ProcessMode.DEBUG)
    lay_out_run(process.id, debug={("Mock", ""): [{"n": i} for i in range(1200)]})

    # when
    body = debug_data(api_client, appID=process.id, stopName="Mock", limit=5000).json()

    # then
    assert (body["limit"], len(body["rows"]), body["nextOffset"], body["total"]) == (1000, 1000, 1000, 1200)
    assert body["rows"][0] == {"n": 0} and body["schema"] == "n"


def test_an_offset_past_the_end_is_an_empty_last_page(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW, mode=ProcessMode.DEBUG)
    lay_out_run(process.id, debug={("Mock", ""): [{"n": 1}]})

    # when
    body = debug_data(api_client, appID=process.id, stopName="Mock", offset=50).json()

    # then
    assert (body["rows"], body["nextOffset"], body["total"]) == ([], None, 1)


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ({}, "stopName is required"),
        ({"stopName": "Mock", "limit": "0"}, "limit must be at least 1"),
        ({"stopName": "Mock", "offset": "-3"}, "offset must be at least 0"),
        ({"stopName": "Mock", "limit": "many"}, "limit must be a whole number"),
    ],
)
def test_bad_parameters_are_400(api_client, user, query, says):
    # given
    process = make_process(user, ENGINE_FLOW, mode=ProcessMode.DEBUG)

    # when
    response = debug_data(api_client, appID=process.id, **query)

    # then
    assert response.status_code == 400
    assert says in response.json()["error"]


def test_a_run_not_in_debug_mode_has_no_debug_data(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW, mode=ProcessMode.RUN)

    # when
    response = debug_data(api_client, appID=process.id, stopName="Mock")

    # then
    assert response.status_code == 404
    assert "runMode DEBUG" in response.json()["error"]


def test_a_stop_name_escaping_the_run_directory_is_404(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW, mode=ProcessMode.DEBUG)
    lay_out_run(process.id, debug={("Mock", ""): [{"n": 1}]})

    # when
    response = debug_data(api_client, appID=process.id, stopName="../../..")

    # then
    assert response.status_code == 404


def test_debug_data_of_an_unknown_or_someone_elses_run_is_404(api_client, other_client, user):
    # given
    process = make_process(user, ENGINE_FLOW, mode=ProcessMode.DEBUG)
    lay_out_run(process.id, debug={("Mock", ""): [{"secret": "mine"}]})

    # when
    unknown = debug_data(api_client, appID="run_20000101000000_deadbeef", stopName="Mock")
    theirs = debug_data(other_client, appID=process.id, stopName="Mock")

    # then
    assert unknown.status_code == theirs.status_code == 404
    assert theirs.json()["error"] == "appID is null or flow does not exist!"
    assert "mine" not in theirs.content.decode()
