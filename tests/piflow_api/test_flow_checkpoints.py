"""GET /flow/checkpoints: ``{"checkpoints":"A,B"}``."""

from __future__ import annotations

import pytest

from tests.run_files import lay_out_run

from .support import ENGINE_FLOW, make_process


@pytest.mark.slow
def test_checkpoints_of_a_run_the_engine_made(api_client, recorded_process, engine_run):
    # when
    response = api_client.get("/flow/checkpoints", {"appID": recorded_process.id})

    # then
    assert response.status_code == 200
    assert response.json() == {"checkpoints": "Fork"}


def test_checkpoints_are_comma_separated_and_incomplete_ones_left_out(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)
    root = lay_out_run(process.id, checkpoints=["Merge", "Fork"]).root
    (root / "checkpoints" / "Half" / "default").mkdir(parents=True)

    # when
    response = api_client.get("/flow/checkpoints", {"appID": process.id})

    # then
    assert response.json() == {"checkpoints": "Fork,Merge"}


def test_a_run_without_checkpoints_has_none(api_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)

    # when
    response = api_client.get("/flow/checkpoints", {"appID": process.id})

    # then
    assert response.status_code == 200
    assert response.json() == {"checkpoints": ""}


def test_checkpoints_of_an_unknown_or_someone_elses_run_are_404(api_client, other_client, user):
    # given
    process = make_process(user, ENGINE_FLOW)
    lay_out_run(process.id, checkpoints=["Fork"])

    # when
    unknown = api_client.get("/flow/checkpoints", {"appID": "../etc"})
    theirs = other_client.get("/flow/checkpoints", {"appID": process.id})

    # then
    assert unknown.status_code == theirs.status_code == 404
    assert theirs.json()["error"] == "appID is null or flow does not exist!"
