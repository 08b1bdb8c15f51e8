"""/api/processes/: list, detail, stop, rerun, resume, delete, log, checkpoints, debug rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

import piflow
from flows import services
from flows.models import Process, ProcessState, ProcessStop
from tests.factories import SECRET, FlowFactory, finish
from tests.run_files import lay_out_run


def test_list_is_newest_first_with_flow_name_and_times(api_client, flow, user, django_assert_max_num_queries):
    # given
    older = services.process_start_flow(flow=flow, user=user)
    newer = services.process_start_flow(flow=flow, user=user)
    Process.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(hours=1))

    # when
    with django_assert_max_num_queries(3):
        response = api_client.get("/api/processes/")

    # then
    assert response.status_code == 200
    results = response.json()["results"]
    assert [p["id"] for p in results] == [newer.id, older.id]
    item = results[0]
    assert (item["flow"], item["flow_name"], item["trigger"], item["state"], item["progress"]) == (
        flow.id,
        "people",
        "manual",
        "INIT",
        0.0,
    )
    assert {"created_at", "started_at", "ended_at", "mode", "owner"} <= set(item)
    assert "spec" not in item


def test_list_filters_by_state_and_flow(api_client, user):
    # given
    first, second = FlowFactory(owner=user), FlowFactory(owner=user)
    done = finish(services.process_start_flow(flow=first, user=user), ProcessState.COMPLETED)
    services.process_start_flow(flow=first, user=user)
    other = services.process_start_flow(flow=second, user=user)

    # when
    by_state = api_client.get("/api/processes/", {"state": "completed"})
    by_flow = api_client.get("/api/processes/", {"flow": second.id})

    # then
    assert [p["id"] for p in by_state.json()["results"]] == [done.id]
    assert [p["id"] for p in by_flow.json()["results"]] == [other.id]


@pytest.mark.parametrize("query", [{"state": "SLEEPING"}, {"flow": "abc"}, {"page": "99"}])
def test_list_with_a_bad_filter_is_4xx_json(api_client, query):
    # when
    response = api_client.get("/api/processes/", query)

    # then
    assert response.status_code in (400, 404)
    assert response.json()["error"]


def test_detail_has_stops_and_paths_and_a_masked_spec(api_client, process):
    # given
    now = timezone.now()
    ProcessStop.objects.filter(process=process, name="Db").update(
        state="COMPLETED", started_at=now - timedelta(seconds=2.5), ended_at=now
    )
    process.paths.update(rows=42)

    # when
    response = api_client.get(f"/api/processes/{process.id}/")

    # then
    assert response.status_code == 200
    data = response.json()
    db = data["stops"][0]
    assert (db["name"], db["state"], db["duration"], db["error"]) == ("Db", "COMPLETED", 2.5, "")
    assert data["stops"][1]["duration"] is None
    assert data["paths"] == [{"from": "Db", "outport": "", "inport": "", "to": "Show", "rows": 42}]
    assert data["spec"]["flow"]["stops"][0]["properties"]["password"] == piflow.MASK
    assert SECRET not in response.content.decode()


def test_another_user_gets_404_on_my_run(other_client, process):
    # given
    lay_out_run(process.id, log="hello\n", checkpoints=["Db"], debug={("Db", ""): [{"a": "1"}]})
    finished = finish(services.process_start_flow(flow=process.flow, user=process.owner))
    base = f"/api/processes/{process.id}/"

    # when
    responses = [
        other_client.get(base),
        other_client.post(base + "stop/"),
        other_client.post(base + "rerun/"),
        other_client.post(base + "resume/", {}, format="json"),
        other_client.get(base + "log/"),
        other_client.get(base + "checkpoints/"),
        other_client.get(base + "debug/", {"stop": "Db"}),
        other_client.delete(f"/api/processes/{finished.id}/"),
    ]

    # then
    assert [r.status_code for r in responses] == [404] * 8
    assert other_client.get("/api/processes/").json()["count"] == 0
    assert Process.objects.count() == 2
    process.refresh_from_db()
    assert process.state == ProcessState.INIT and not process.cancel_requested


def test_admin_sees_everyones_runs(staff_client, process, other_user):
    # given
    theirs = services.process_start_flow(flow=FlowFactory(owner=other_user), user=other_user)

    # when
    listing = staff_client.get("/api/processes/")
    detail = staff_client.get(f"/api/processes/{theirs.id}/")

    # then
    assert {p["id"] for p in listing.json()["results"]} == {process.id, theirs.id}
    assert detail.status_code == 200 and detail.json()["owner"] == "bob"


def test_stop_of_a_queued_run_kills_it(api_client, process):
    # when
    response = api_client.post(f"/api/processes/{process.id}/stop/")

    # then
    assert response.status_code == 200
    assert response.json()["state"] == ProcessState.KILLED
    process.refresh_from_db()
    assert process.state == ProcessState.KILLED and process.ended_at is not None


def test_stop_of_a_running_run_asks_its_worker(api_client, process):
    # given
    Process.objects.filter(pk=process.pk).update(state=ProcessState.STARTED)

    # when
    response = api_client.post(f"/api/processes/{process.id}/stop/")

    # then
    assert response.status_code == 200
    assert (response.json()["state"], response.json()["cancel_requested"]) == ("STARTED", True)


def test_rerun_starts_a_new_run_of_the_same_snapshot(
    api_client, process, flow, django_capture_on_commit_callbacks
):
    # given: the flow changed after the first run
    finish(process)
    services.flow_update(flow=flow, revision=flow.revision, name="renamed")

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post(f"/api/processes/{process.id}/rerun/")

    # then
    assert response.status_code == 201
    rerun = Process.objects.get(pk=response.json()["id"])
    assert rerun.id != process.id and rerun.state == ProcessState.INIT
    assert rerun.name == "people" and rerun.spec == process.spec
    assert len(callbacks) == 1


def test_resume_loads_the_named_checkpoints(api_client, process, django_capture_on_commit_callbacks):
    # given
    finish(process, ProcessState.FAILED)
    lay_out_run(process.id, checkpoints=["Db"])

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post(
            f"/api/processes/{process.id}/resume/", {"checkpoints": ["Db"]}, format="json"
        )

    # then
    assert response.status_code == 201
    resumed = Process.objects.get(pk=response.json()["id"])
    assert resumed.resumed_from_id == process.id and response.json()["resumed_from"] == process.id
    assert resumed.run_request == piflow.RunRequest(mode=process.mode, resume_from=process.id, load=("Db",))
    assert response.json()["spec"]["flow"]["checkpointParentProcessId"] == process.id
    assert len(callbacks) == 1


def test_resume_without_checkpoints_is_400_naming_what_exists(api_client, process):
    # given
    finish(process, ProcessState.FAILED)
    lay_out_run(process.id, checkpoints=["Db"])

    # when
    response = api_client.post(
        f"/api/processes/{process.id}/resume/", {"checkpoints": ["Show"]}, format="json"
    )

    # then
    assert response.status_code == 400
    assert "Show" in response.json()["error"]
    assert response.json()["checkpoints"] == ["Db"]


def test_resume_with_malformed_json_is_400(api_client, process):
    # when
    response = api_client.post(
        f"/api/processes/{process.id}/resume/", "{oops", content_type="application/json"
    )

    # then
    assert response.status_code == 400


def test_delete_of_a_finished_run(api_client, process):
    # given
    finish(process)

    # when
    response = api_client.delete(f"/api/processes/{process.id}/")

    # then
    assert response.status_code == 204
    assert not Process.objects.filter(pk=process.id).exists()


def test_delete_of_a_running_run_is_409(api_client, process):
    # when
    response = api_client.delete(f"/api/processes/{process.id}/")

    # then
    assert response.status_code == 409
    assert "stop it first" in response.json()["error"]
    assert Process.objects.filter(pk=process.id).exists()


def test_log_reads_from_an_offset(api_client, process):
    # given
    lay_out_run(process.id, log="first line\nsecond line ü\n")

    # when
    whole = api_client.get(f"/api/processes/{process.id}/log/").json()
    rest = api_client.get(f"/api/processes/{process.id}/log/", {"offset": len(b"first line\n")}).json()
    after = api_client.get(f"/api/processes/{process.id}/log/", {"offset": whole["next_offset"]}).json()

    # then
    assert whole == {
        "log": "first line\nsecond line ü\n",
        "next_offset": len("first line\nsecond line ü\n".encode()),
        "more": False,
    }
    assert rest["log"] == "second line ü\n"
    assert after == {"log": "", "next_offset": whole["next_offset"], "more": False}


def test_log_of_a_run_without_one_is_empty(api_client, process):
    # when
    response = api_client.get(f"/api/processes/{process.id}/log/")

    # then
    assert response.status_code == 200
    assert response.json() == {"log": "", "next_offset": 0, "more": False}


def test_log_with_a_bad_offset_is_400(api_client, process):
    # when
    response = api_client.get(f"/api/processes/{process.id}/log/", {"offset": "-3"})

    # then
    assert response.status_code == 400


def test_checkpoints_lists_the_complete_ones(api_client, process):
    # given
    storage = lay_out_run(process.id, checkpoints=["Db"])
    (storage.root / "checkpoints" / "Show" / "default").mkdir(parents=True)  # incomplete: not listed

    # when
    response = api_client.get(f"/api/processes/{process.id}/checkpoints/")

    # then
    assert response.status_code == 200
    assert response.json() == {"checkpoints": ["Db"]}


def test_debug_pages_through_the_sampled_rows(api_client, process):
    # given
    rows = [{"name": f"n{i}"} for i in range(7)]
    lay_out_run(process.id, debug={("Db", ""): rows}, rows_per_sample=10)

    # when
    response = api_client.get(f"/api/processes/{process.id}/debug/", {"stop": "Db", "offset": 5, "limit": 5})

    # then
    assert response.status_code == 200
    data = response.json()
    assert data["rows"] == rows[5:]
    assert (data["columns"], data["sampled"], data["total_rows"]) == (["name"], 7, 70)
    assert data["schema"]["fields"][0]["name"] == "name"


def test_debug_without_data_is_404_listing_what_there_is(api_client, process):
    # given
    lay_out_run(process.id, debug={("Db", ""): [{"a": 1}]})

    # when
    missing = api_client.get(f"/api/processes/{process.id}/debug/", {"stop": "Show"})
    escaping = api_client.get(f"/api/processes/{process.id}/debug/", {"stop": "../../etc"})

    # then
    assert missing.status_code == 404
    assert missing.json()["available"] == [{"stop": "Db", "port": ""}]
    assert escaping.status_code == 404


def test_debug_needs_a_stop(api_client, process):
    # when
    response = api_client.get(f"/api/processes/{process.id}/debug/")

    # then
    assert response.status_code == 400
    assert "stop" in response.json()["fields"]


def test_unknown_run_is_404(api_client, db):
    # when
    response = api_client.get("/api/processes/no-such-run/")

    # then
    assert response.status_code == 404
