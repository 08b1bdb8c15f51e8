"""GET /flow/log: a YARN-like ``app`` summary plus the run's log itself, followed by byte offset."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import piflow
from common import run_files
from flows.models import ProcessState
from tests.run_files import lay_out_run

from .support import ENGINE_FLOW, make_process


@pytest.mark.slow
def test_log_carries_the_engines_log_and_an_app_summary(api_client, recorded_process, engine_run):
    # given
    on_disk = piflow.RunStorage.of(recorded_process.id).log_path.read_bytes()

    # when
    response = api_client.get("/flow/log", {"appID": recorded_process.id})

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["log"] == on_disk.decode("utf-8")
    assert f"run {recorded_process.id} of flow 'mock-fork-show' started" in body["log"]
    assert "ShowA: first 3 row(s)" in body["log"]
    assert (body["offset"], body["nextOffset"]) == (0, len(on_disk))
    app = body["app"]
    assert app["id"] == recorded_process.id
    assert (app["user"], app["name"]) == ("ada", "mock-fork-show")
    assert (app["state"], app["finalStatus"], app["progress"]) == ("FINISHED", "SUCCEEDED", 100.0)
    assert app["startedTime"] == int(recorded_process.started_at.timestamp() * 1000)
    assert app["elapsedTime"] == app["finishedTime"] - app["startedTime"] >= 0
    assert app["amContainerLogs"] == f"http://testserver/flow/log?appID={recorded_process.id}"


@pytest.mark.slow
def test_log_is_followed_from_an_offset(api_client, recorded_process, engine_run):
    # given
    on_disk = piflow.RunStorage.of(recorded_process.id).log_path.read_bytes()
    first = api_client.get("/flow/log", {"appID": recorded_process.id}).json()

    # when
    tail = api_client.get("/flow/log", {"appID": recorded_process.id, "offset": 40}).json()
    after = api_client.get("/flow/log", {"appID": recorded_process.id, "offset": first["nextOffset"]}).json()

    # then
    assert tail["log"] == on_disk[40:].decode("utf-8")
    assert (tail["offset"], tail["nextOffset"]) == (40, len(on_disk))
    assert (after["log"], after["nextOffset"]) == ("", first["nextOffset"])


def test_a_page_of_the_log_never_splits_a_character(api_client, user, monkeypatch):
    # given: a chunk size that ends in the middle of "é" (2 bytes)
    process = make_process(user, ENGINE_FLOW, state=ProcessState.STARTED)
    lay_out_run(process.id, log="ab\u00e9cd\n")
    monkeypatch.setattr(run_files, "LOG_PAGE_BYTES", 3)

    # when
    first = api_client.get("/flow/log", {"appID": process.id}).json()
    second = api_client.get("/flow/log", {"appID": process.id, "offset": first["nextOffset"]}).json()

    # then
    assert (first["log"], first["nextOffset"]) == ("ab", 2)
    assert (second["log"], second["nextOffset"]) == ("\u00e9c", 5)


def test_a_queued_run_has_an_empty_log(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)

    # when
    body = api_client.get("/flow/log", {"appID": process.id}).json()

    # then
    assert (body["log"], body["nextOffset"]) == ("", 0)
    assert body["app"]["state"] == "ACCEPTED" and body["app"]["finalStatus"] == "UNDEFINED"
    assert body["app"]["startedTime"] == body["app"]["finishedTime"] == body["app"]["elapsedTime"] == 0


@pytest.mark.parametrize(
    ("state", "yarn"),
    [
        (ProcessState.STARTED, ("RUNNING", "UNDEFINED")),
        (ProcessState.FAILED, ("FAILED", "FAILED")),
        (ProcessState.KILLED, ("KILLED", "KILLED")),
    ],
)
def test_app_state_is_yarns(api_client, user, state, yarn):
    # given
    process = make_process(user, ENGINE_FLOW, state=state, started_at=datetime(2024, 1, 1, tzinfo=UTC))

    # when
    app = api_client.get("/flow/log", {"appID": process.id}).json()["app"]

    # then
    assert (app["state"], app["finalStatus"]) == yarn
    assert app["elapsedTime"] > 0


@pytest.mark.parametrize("offset", ["-1", "ten"])
def test_a_bad_offset_is_400(api_client, user, offset):
    # given
    process = make_process(user, ENGINE_FLOW)

    # when
    response = api_client.get("/flow/log", {"appID": process.id, "offset": offset})

    # then
    assert response.status_code == 400
    assert "offset" in response.json()["error"]


def test_log_of_an_unknown_or_someone_elses_run_is_404(api_client, other_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)
    lay_out_run(process.id, log="secret-free but still private\n")

    # when
    unknown = api_client.get("/flow/log", {"appID": "run_20000101000000_deadbeef"})
    theirs = other_client.get("/flow/log", {"appID": process.id})

    # then
    assert unknown.status_code == theirs.status_code == 404
    assert theirs.json()["error"] == "appID is null or flow does not exist!"
    assert "private" not in theirs.content.decode()
