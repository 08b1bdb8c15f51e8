"""POST /flow/start: PiFlow's flow JSON in, ``{"flow":{"id","pid"}}`` out."""

from __future__ import annotations

import json

import pytest
from django.middleware.csrf import _get_new_csrf_string
from rest_framework.test import APIClient

import piflow
from accounts.services import token_create
from flows.models import Process, ProcessMode, ProcessState, ProcessStop, StopState, Trigger

from .support import ENGINE_FLOW

#: The manual's startFlow example (section 3.2.4), verbatim, odd bundle spelling and all.
MANUAL_EXAMPLE = """{"flow":{"name":"test","uuid":"1234","stops":[{"uuid":"1111","name":"XmlParser","bundle":"cn.PiFlow .bundle.xml.XmlParser","properties":{"xmlpath":"hdfs://10.0.86.89:9000/xjzhu/dblp.mini.xml","rowTag":"phdthesis"}},{"uuid":"2222","name":"SelectField","bundle":"cn.PiFlow .bundle.common.SelectField","properties":{"schema":"title,author,pages"}},{"uuid":"3333","name":"PutHiveStreaming","bundle":"cn.PiFlow .bundle.hive.PutHiveStreaming","properties":{"database":"sparktest","table":"dblp_phdthesis"}},{"uuid":"4444","name":"CsvParser","bundle":"cn.PiFlow .bundle.csv.CsvParser","properties":{"csvPath":"hdfs://10.0.86.89:9000/xjzhu/phdthesis.csv","header":"false","delimiter":",","schema":"title,author,pages"}},{"uuid":"555","name":"Merge","bundle":"cn.PiFlow .bundle.common.Merge","properties":{}},{"uuid":"666","name":"Fork","bundle":"cn.PiFlow .bundle.common.Fork","properties":{"outports":["out1","out2","out3"]}},{"uuid":"777","name":"JsonSave","bundle":"cn.PiFlow .bundle.json.JsonSave","properties":{"jsonSavePath":"hdfs://10.0.86.89:9000/xjzhu/phdthesis.json"}},{"uuid":"888","name":"CsvSave","bundle":"cn.PiFlow .bundle.csv.CsvSave","properties":{"csvSavePath":"hdfs://10.0.86.89:9000/xjzhu/phdthesis_result.csv","header":"true","delimiter":","}}],"paths":[{"from":"XmlParser","outport":"","inport":"","to":"SelectField"},{"from":"SelectField","outport":"","inport":"data1","to":"Merge"},{"from":"CsvParser","outport":"","inport":"data2","to":"Merge"},{"from":"Merge","outport":"","inport":"","to":"Fork"},{"from":"Fork","outport":"out1","inport":"","to":"PutHiveStreaming"},{"from":"Fork","outport":"out2","inport":"","to":"JsonSave"},{"from":"Fork","outport":"out3","inport":"","to":"CsvSave"}]}}"""


def post_flow(client, body: str, content_type: str = "application/json"):
    return client.post("/flow/start", data=body, content_type=content_type)


@pytest.fixture(autouse=True)
def sparktest_granted(db):
    """The manual's example writes Hive database ``sparktest``: an admin granted it to every user."""
    from access.models import Grant, GrantKind

    Grant.objects.get_or_create(user=None, kind=GrantKind.HIVE_DATABASE, value="sparktest")


@pytest.fixture(autouse=True)
def manuals_hdfs_folder_granted(grant_files):
    """The manual's example reads and writes below hdfs://10.0.86.89:9000/xjzhu/: granted to every user."""
    grant_files(None, "hdfs://10.0.86.89:9000/xjzhu/")


def test_the_manuals_example_is_accepted_verbatim_and_queued(
    api_client, user, django_capture_on_commit_callbacks
):
    # given
    expected_stops = [s["name"] for s in json.loads(MANUAL_EXAMPLE)["flow"]["stops"]]

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post_flow(api_client, MANUAL_EXAMPLE)

    # then
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"flow"} and set(body["flow"]) == {"id", "pid"}
    process = Process.objects.get(pk=body["flow"]["id"])
    assert process.pid == body["flow"]["pid"]
    assert (process.owner, process.name, process.state) == (user, "test", ProcessState.INIT)
    assert (process.mode, process.trigger, process.resumed_from) == (ProcessMode.RUN, Trigger.API, None)
    stops = list(process.stops.all())
    assert [s.name for s in stops] == expected_stops
    assert {s.state for s in stops} == {StopState.INIT}
    assert stops[0].bundle == "cn.PiFlow .bundle.xml.XmlParser"
    assert process.paths.count() == 7
    assert process.flow_spec.stop("Fork").properties["outports"] == "out1,out2,out3"
    assert len(callbacks) == 1  # the dispatch to a worker, not run here


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_flow_posted_without_a_json_content_type_is_still_read(
    api_client, content_type, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=False):
        response = post_flow(api_client, MANUAL_EXAMPLE, content_type=content_type)

    # then
    assert response.status_code == 200, response.content
    assert Process.objects.filter(pk=response.json()["flow"]["id"]).exists()


def test_run_mode_debug_starts_a_debug_process(api_client, django_capture_on_commit_callbacks):
    # given
    flow = json.loads(MANUAL_EXAMPLE)
    flow["flow"]["runMode"] = "DEBUG"

    # when
    with django_capture_on_commit_callbacks(execute=False):
        response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 200, response.content
    process = Process.objects.get(pk=response.json()["flow"]["id"])
    assert process.mode == ProcessMode.DEBUG
    assert process.run_request.debug


def test_run_mode_beside_the_flow_object_is_honoured(api_client, django_capture_on_commit_callbacks):
    # given
    flow = json.loads(MANUAL_EXAMPLE)
    flow["runMode"] = "debug"

    # when
    with django_capture_on_commit_callbacks(execute=False):
        response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 200, response.content
    assert Process.objects.get(pk=response.json()["flow"]["id"]).mode == ProcessMode.DEBUG


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{not json", "not valid JSON"),
        ("", "empty"),
        ("[1, 2]", "must be an object, not list"),
        ('"a flow"', "must be an object, not str"),
        ('{"flow": []}', "'flow' must be a JSON object"),
        ('{"flow": {"name": "f", "stops": "XmlParser"}}', "stops must be a JSON list"),
        ('{"flow": {"name": "f", "stops": [{"bundle": "x"}]}}', "stops[0] has no name"),
        (
            '{"flow": {"name": "f", "stops": [{"name": "a", "bundle": "x", "properties": "a=1"}]}}',
            "properties must be a JSON object",
        ),
        (
            '{"flow": {"name": "f", "stops": [{"name": "a", "bundle": "x"}], "paths": [{"to": "a"}]}}',
            "paths[0] has no 'from' stop",
        ),
        (
            '{"flow": {"name": "f", "runMode": "FAST", "stops": [{"name": "a", "bundle": "x"}]}}',
            "runMode must be RUN or DEBUG",
        ),
    ],
)
def test_malformed_json_is_400_naming_the_problem(api_client, body, says):
    # when
    response = post_flow(api_client, body)

    # then
    assert response.status_code == 400
    assert says in response.json()["error"]
    assert not Process.objects.exists()


def test_a_body_that_is_not_utf8_is_400(api_client):
    # when
    response = api_client.post("/flow/start", data=b"\xff\xfe{", content_type="application/json")

    # then
    assert response.status_code == 400
    assert "error" in response.json()


def test_an_invalid_flow_is_400_with_the_manuals_message_and_every_problem(api_client):
    # given: an unknown bundle, a missing required property and a path to nowhere
    flow = {
        "flow": {
            "name": "bad",
            "stops": [
                {"name": "Mock", "bundle": "piflow.stops.common.MockData", "properties": {"count": "3"}},
                {"name": "Nope", "bundle": "cn.piflow.bundle.NoSuchStop", "properties": {}},
            ],
            "paths": [{"from": "Mock", "to": "Ghost"}],
        }
    }

    # when
    response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Can not start flow!"
    where = {(p.get("stop"), p.get("property")) for p in body["problems"]}
    assert ("Mock", "schema") in where
    assert ("Nope", "bundle") in where
    assert any(p.get("path") == 0 for p in body["problems"])
    assert all(p["message"] for p in body["problems"])
    assert not Process.objects.exists()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda f: f.update(name="n" * 201), {"property": "name"}),
        (lambda f: f["stops"][0].update(name="s" * 201), {"stop": "s" * 200, "property": "name"}),
        (lambda f: f["stops"][0].update(bundle="b" * 301), {"stop": "XmlParser", "property": "bundle"}),
        (lambda f: f["paths"][0].update(outport="p" * 201), {"path": 0}),
    ],
)
def test_names_too_long_to_store_are_400_not_a_database_error(api_client, change, problem):
    # given
    flow = json.loads(MANUAL_EXAMPLE)
    change(flow["flow"])

    # when
    response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 400
    assert response.json()["error"] == "Can not start flow!"
    assert [{k: v for k, v in p.items() if k != "message"} for p in response.json()["problems"]] == [problem]
    assert not Process.objects.exists()


def test_a_nul_character_anywhere_in_the_flow_is_400(api_client):
    # given
    flow = json.loads(MANUAL_EXAMPLE)
    flow["flow"]["stops"][1]["properties"]["schema"] = "title\u0000"

    # when
    response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 400
    assert "NUL" in response.json()["error"]


def test_a_nul_is_400_naming_where_it_is(api_client):
    # given
    flow = json.loads(MANUAL_EXAMPLE)
    flow["flow"]["paths"][1]["inport"] = "data1\u0000"

    # when
    response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 400
    assert "NUL" in response.json()["error"]
    assert response.json()["where"] == ["flow.paths[1].inport"]
    assert not Process.objects.exists()


@pytest.mark.parametrize("parent", ["run\u0000", "r" * 300])
def test_resuming_from_a_run_id_no_run_can_have_is_404(api_client, parent):
    # given
    flow = json.loads(MANUAL_EXAMPLE)
    flow["flow"]["checkpointParentProcessId"] = parent

    # when
    response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 404
    assert "no such run to resume from" in response.json()["error"]
    assert not Process.objects.exists()


def test_a_flow_without_stops_cannot_start(api_client):
    # when
    response = post_flow(api_client, '{"flow": {"name": "empty", "stops": []}}')

    # then
    assert response.status_code == 400
    assert response.json()["error"] == "Can not start flow!"
    assert response.json()["problems"] == [{"message": "the flow has no stops"}]


@pytest.mark.slow
def test_resuming_from_checkpoints_records_the_parent(
    api_client, recorded_process, django_capture_on_commit_callbacks
):
    # given
    flow = json.loads(json.dumps(ENGINE_FLOW))
    flow["flow"]["checkpointParentProcessId"] = recorded_process.id
    flow["flow"]["checkpoint"] = "Fork"

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 200, response.content
    child = Process.objects.get(pk=response.json()["flow"]["id"])
    assert child.resumed_from == recorded_process
    assert child.run_request == piflow.RunRequest(
        mode="DEBUG", resume_from=recorded_process.id, load=("Fork",)
    )
    assert not ProcessStop.objects.get(process=child, name="Fork").checkpoint  # loaded, not written again
    assert len(callbacks) == 1


@pytest.mark.slow
def test_resuming_from_a_checkpoint_the_parent_lacks_is_400(api_client, recorded_process):
    # given
    flow = json.loads(json.dumps(ENGINE_FLOW))
    flow["flow"].update(checkpointParentProcessId=recorded_process.id, checkpoint="Mock")

    # when
    response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 400
    assert "no checkpoint for Mock" in response.json()["error"]
    assert response.json()["checkpoints"] == ["Fork"]


@pytest.mark.slow
def test_resuming_from_someone_elses_run_is_404(other_client, recorded_process):
    # given
    flow = json.loads(json.dumps(ENGINE_FLOW))
    flow["flow"]["checkpointParentProcessId"] = recorded_process.id

    # when
    response = post_flow(other_client, json.dumps(flow))

    # then
    assert response.status_code == 404
    assert recorded_process.id in response.json()["error"]
    assert Process.objects.count() == 1


def test_resuming_from_an_unknown_run_is_404(api_client):
    # given
    flow = json.loads(json.dumps(ENGINE_FLOW))
    flow["flow"]["checkpointParentProcessId"] = "run_20000101000000_deadbeef"

    # when
    response = post_flow(api_client, json.dumps(flow))

    # then
    assert response.status_code == 404
    assert response.json()["appID"] == "run_20000101000000_deadbeef"


def test_a_token_authenticates(user, django_capture_on_commit_callbacks):
    # given
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_create(user=user, name='start test')[1]}")

    # when
    with django_capture_on_commit_callbacks(execute=False):
        response = post_flow(client, MANUAL_EXAMPLE)

    # then
    assert response.status_code == 200, response.content
    assert Process.objects.get(pk=response.json()["flow"]["id"]).owner == user


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/x-www-form-urlencoded", "text/plain"]
)
def test_a_logged_in_session_with_its_csrf_token_can_post(
    user, content_type, django_capture_on_commit_callbacks
):
    # given: the CSRF check reads the body before the view does
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user)
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token

    # when
    with django_capture_on_commit_callbacks(execute=False):
        refused = post_flow(client, MANUAL_EXAMPLE, content_type=content_type)
        response = client.post(
            "/flow/start", data=MANUAL_EXAMPLE, content_type=content_type, HTTP_X_CSRFTOKEN=token
        )

    # then
    assert refused.status_code == 403
    assert response.status_code == 200, response.content
    assert Process.objects.filter(owner=user).count() == 1


def test_get_is_405_json(api_client):
    # when
    response = api_client.get("/flow/start")

    # then
    assert response.status_code == 405
    assert "error" in response.json()
