"""A non-admin's flows read and write their own workspace, and nothing else of the server's.

Ada uploads a CSV into her workspace, builds CsvParser -> CsvSave on it and runs it on the real
engine (the worker's own ``execute_process``, in this process, on the session's Spark): the
output lands in her workspace. The same flow aimed at /etc/passwd, at the data dir's secret key
or another user's run logs, climbing out with ``..`` or through a symlink in her workspace, is
refused before anything runs, naming the stop and the property: as a problem when saved, with a
400 from ``/api/flows/<id>/run/`` and from PiFlow's ``/flow/start``. An admin runs the same.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from access.selectors import workspace_dir
from flows.execution import execute_process
from flows.models import Process, ProcessState
from flows.services import dispatch

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]

CSV = b"id,name\n1,ada\n2,grace\n3,edsger\n"


@pytest.fixture
def workspace(user) -> Path:
    """Ada's workspace, emptied of what an earlier test (of a user with the same id) left."""
    folder = workspace_dir(user)
    shutil.rmtree(folder)
    return workspace_dir(user)


@pytest.fixture
def queued(monkeypatch) -> list[str]:
    """The runs sent to the workers (none is: the test runs them itself)."""
    sent: list[str] = []
    monkeypatch.setattr(dispatch, "send_run", sent.append)
    return sent


def csv_flow(read: str, save: str, name: str = "copy people") -> dict:
    """CsvParser reading ``read`` -> CsvSave writing ``save``, as the canvas stores it."""
    return {
        "name": name,
        "stops": [
            {
                "name": "Read",
                "bundle": "piflow.stops.csv.CsvParser",
                "uuid": "read-1",
                "properties": {"csvPath": read, "header": "true", "delimiter": ","},
            },
            {
                "name": "Save",
                "bundle": "piflow.stops.csv.CsvSave",
                "uuid": "save-1",
                "properties": {
                    "csvSavePath": save,
                    "header": "true",
                    "saveMode": "overwrite",
                    "partition": "1",
                },
            },
        ],
        "paths": [{"from": "Read", "outport": "", "inport": "", "to": "Save"}],
    }


def as_piflow_json(flow: dict) -> dict:
    """The same flow in PiFlow's own JSON, for ``/flow/start``."""
    return {"flow": {"name": flow["name"], "uuid": "u-1", "stops": flow["stops"], "paths": flow["paths"]}}


def refused_property(problems: list[dict]) -> set[tuple[str, str]]:
    return {(p.get("stop"), p.get("property")) for p in problems}


def test_a_user_runs_a_flow_from_an_uploaded_file_into_their_workspace(spark, api_client, workspace, queued):
    # given: Ada uploads a CSV in her workspace and takes its location from the Files API
    uploaded = api_client.post(
        "/api/files/upload/", {"file": SimpleUploadedFile("people.csv", CSV)}, format="multipart"
    )
    assert uploaded.status_code == 201
    read = uploaded.json()["location"]
    save = f"{api_client.get('/api/files/').json()['location']}/copied"

    # when: she saves a flow reading it and writing into her workspace, and runs it
    created = api_client.post("/api/flows/", csv_flow(read, save), format="json")
    assert created.status_code == 201
    assert (created.json()["valid"], created.json()["problems"]) == (True, [])
    started = api_client.post(f"/api/flows/{created.json()['id']}/run/")
    assert started.status_code == 201, started.content
    run_id = started.json()["id"]
    assert queued == [run_id]
    state = execute_process(run_id, worker_name="test@localhost:1")

    # then: the run completed and its output is in her workspace, where the Files API lists it
    assert state == ProcessState.COMPLETED, Process.objects.get(pk=run_id).error
    listed = api_client.get("/api/files/", {"path": "copied"}).json()["results"]
    parts = [
        entry for entry in listed if entry["name"].startswith("part-") and entry["name"].endswith(".csv")
    ]
    assert len(parts) == 1
    written = api_client.get("/api/files/download/", {"path": parts[0]["path"]})
    assert b"".join(written.streaming_content).decode().splitlines() == CSV.decode().splitlines()


def _bad_paths(workspace: Path, data_dir: Path) -> dict[str, str]:
    """What Ada's flow may not read, by what it is."""
    (workspace / "etc").symlink_to("/etc", target_is_directory=True)
    return {
        "the system's password file": "/etc/passwd",
        "the server's secret key": str(data_dir / "secret_key"),
        "every user's run logs": str(data_dir / "runs" / "*" / "run.log"),
        "a climb out of the workspace": f"{workspace}/../../secret_key",
        "a symlink in the workspace to /etc": f"{workspace}/etc/passwd",
    }


def test_reading_outside_the_workspace_is_refused_at_save_and_at_run_naming_stop_and_property(
    api_client, workspace, queued
):
    data_dir = Path(settings.PIFLOW_DATA_DIR).resolve()
    for what, bad in _bad_paths(workspace, data_dir).items():
        flow = csv_flow(bad, f"{workspace}/out", name=what)

        # saved: the flow is stored as a draft whose problems name the stop and the property
        created = api_client.post("/api/flows/", flow, format="json")
        assert created.status_code == 201, what
        body = created.json()
        assert body["valid"] is False, what
        assert refused_property(body["problems"]) == {("Read", "csvPath")}, (what, body["problems"])
        assert bad in body["problems"][0]["message"], what

        # run from the UI's API: 400 listing the same problem, nothing queued
        run = api_client.post(f"/api/flows/{body['id']}/run/")
        assert run.status_code == 400, what
        assert refused_property(run.json()["problems"]) == {("Read", "csvPath")}, what

        # run through PiFlow's API: the same 400
        start = api_client.post("/flow/start", as_piflow_json(flow), format="json")
        assert start.status_code == 400, what
        assert refused_property(start.json()["problems"]) == {("Read", "csvPath")}, what
    assert queued == [] and not Process.objects.exists()


def test_writing_outside_the_workspace_is_refused_too(api_client, workspace, queued, tmp_path):
    (workspace / "people.csv").write_bytes(CSV)
    for bad in (str(tmp_path / "out"), f"{workspace}/../../runs/evil", "/tmp"):
        created = api_client.post("/api/flows/", csv_flow(f"{workspace}/people.csv", bad), format="json")
        assert refused_property(created.json()["problems"]) == {("Save", "csvSavePath")}, bad
        assert api_client.post(f"/api/flows/{created.json()['id']}/run/").status_code == 400
    assert queued == []


def test_an_admin_runs_the_same_flows(spark, staff_client, workspace, queued, tmp_path):
    data_dir = Path(settings.PIFLOW_DATA_DIR).resolve()
    for what, bad in _bad_paths(workspace, data_dir).items():
        flow = csv_flow(bad, str(tmp_path / "out"), name=what)
        created = staff_client.post("/api/flows/", flow, format="json")
        assert (created.json()["valid"], created.json()["problems"]) == (True, []), what
        assert staff_client.post(f"/api/flows/{created.json()['id']}/run/").status_code == 201, what
        assert staff_client.post("/flow/start", as_piflow_json(flow), format="json").status_code == 200, what

    # and one of them runs to the end on the engine
    state = execute_process(queued[0], worker_name="test@localhost:1")
    assert state == ProcessState.COMPLETED, Process.objects.get(pk=queued[0]).error
    assert list((tmp_path / "out").glob("part-*.csv"))
