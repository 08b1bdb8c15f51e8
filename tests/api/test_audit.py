"""The audit trail: who created, changed, ran, stopped and deleted flows, runs and grants, and when;
read by admins at /api/audit/ and in Django's admin, kept after the objects are gone."""

from __future__ import annotations

import copy
import html as html_lib
import json
import re
from datetime import datetime, timedelta

import pytest
from asgiref.sync import async_to_sync
from django.contrib.admin.utils import quote
from django.test import AsyncClient
from django.utils import timezone

from access.models import Grant
from audit.models import AuditEvent
from audit.request_context import client_address
from flows import services
from flows.models import Flow, Process
from tests.factories import SECRET, VALID_PATHS, VALID_STOPS, FlowFactory, UserFactory, finish

NEW_SECRET = "second-canary-51c9"
#: A database host Ada's flows may reach once granted; never this server's own database (which no
#: user's flow may reach whatever the grants), and never connected to (no run here reaches a worker).
DB_HOST = "10.20.30.40:5432"


def _stops() -> list[dict]:
    """The factories' flow, reading from DB_HOST."""
    stops = copy.deepcopy(VALID_STOPS)
    stops[0]["properties"]["url"] = f"jdbc:postgresql://{DB_HOST}/test"
    return stops


def _events(client, **filters) -> list[dict]:
    response = client.get("/api/audit/", {"page_size": 200, **filters})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def _grant_host(client, user, host: str = DB_HOST) -> Grant:
    """An operator lets ``user``'s flows reach ``host``, through the admin (``client`` logged in)."""
    response = client.post(
        "/admin/access/grant/add/", {"user": user.pk, "kind": "host", "value": host, "note": ""}
    )
    assert response.status_code == 302, response.content
    return Grant.objects.get(user=user, kind="host", value=host)


def cell(row: str, field: str) -> str:
    """The text of the admin changelist cell of ``field`` in the HTML of one row."""
    match = re.search(rf'class="field-{field}( [^"]*)?"[^>]*>(.*?)</t[dh]>', row, re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip() if match else ""


def _with_password(stops: list[dict], password: str) -> list[dict]:
    changed = copy.deepcopy(stops)
    changed[0]["properties"]["password"] = password
    return changed


def test_an_admin_sees_who_did_what_to_a_flow_and_its_run_after_both_are_gone(
    client, operator, user, api_client, staff_client
):
    # given: an operator lets Ada's flows reach the database her flow reads
    client.force_login(operator)
    grant = _grant_host(client, user)

    # when: Ada creates, changes, runs, stops and deletes a flow, and deletes its run
    created = api_client.post(
        "/api/flows/", {"name": "people", "stops": _stops(), "paths": VALID_PATHS}, format="json"
    )
    flow_id = created.json()["id"]
    changed = api_client.patch(
        f"/api/flows/{flow_id}/",
        {
            "revision": 1,
            "description": "reads people, again",
            "stops": _with_password(_stops(), NEW_SECRET),
        },
        format="json",
    )
    run = api_client.post(f"/api/flows/{flow_id}/run/")
    run_id = run.json()["id"]
    stopped = api_client.post(f"/api/processes/{run_id}/stop/")
    run_deleted = api_client.delete(f"/api/processes/{run_id}/")
    flow_deleted = api_client.delete(f"/api/flows/{flow_id}/")
    revoked = client.post(f"/admin/access/grant/{grant.pk}/delete/", {"post": "yes"})

    # then: every step worked, and the objects are gone
    assert [created.status_code, changed.status_code, run.status_code] == [201, 200, 201]
    assert [stopped.status_code, run_deleted.status_code, flow_deleted.status_code] == [200, 204, 204]
    assert revoked.status_code == 302
    assert not Flow.objects.filter(pk=flow_id).exists() and not Process.objects.filter(pk=run_id).exists()

    # then: the admin reads each event, newest first, with who, what, which object and when
    events = _events(staff_client)
    assert [
        (e["actor_name"], e["action"], e["target_type"], e["target_id"], e["target_name"]) for e in events
    ] == [
        (
            "operator",
            "revoked",
            "grant",
            str(grant.pk),
            "ada: host (name, address, *.domain or CIDR, optionally :port) 10.20.30.40:5432",
        ),
        ("ada", "deleted", "flow", str(flow_id), "people"),
        ("ada", "deleted", "process", run_id, "people"),
        ("ada", "stopped", "process", run_id, "people"),
        ("ada", "started", "process", run_id, "people"),
        ("ada", "changed", "flow", str(flow_id), "people"),
        ("ada", "created", "flow", str(flow_id), "people"),
        (
            "operator",
            "granted",
            "grant",
            str(grant.pk),
            "ada: host (name, address, *.domain or CIDR, optionally :port) 10.20.30.40:5432",
        ),
    ]
    times = [datetime.fromisoformat(e["at"]) for e in events]
    assert times == sorted(times, reverse=True)
    assert {e["address"] for e in events} == {"127.0.0.1"}
    assert {e["actor"] for e in events if e["actor_name"] == "ada"} == {user.pk}
    by_action = {(e["target_type"], e["action"]): e["details"] for e in events}
    assert by_action["process", "started"] == {"trigger": "manual", "mode": "RUN", "flow": flow_id}
    assert by_action["process", "stopped"] == {"state": "KILLED"}
    assert by_action["flow", "changed"]["fields"] == ["description", "stops"]

    # then: the same events in the admin's list, kept after the flow and the run are gone
    page = client.get("/admin/audit/auditevent/")
    html = page.content.decode()
    assert page.status_code == 200
    rows = [row for row in re.findall(r"<tr>(.*?)</tr>", html, re.S) if "field-action_label" in row]
    assert [
        (cell(row, "who"), cell(row, "action_label"), cell(row, "target_id"), cell(row, "target_name"))
        for row in rows
    ] == [(e["actor_name"], e["action"], e["target_id"], e["target_name"]) for e in events]
    assert all(cell(row, "at") for row in rows)
    assert SECRET not in html and NEW_SECRET not in html


def test_a_changed_password_is_named_in_the_details_never_shown(
    api_client, staff_client, client, operator, user
):
    # given: Ada's flow whose database read carries a password
    flow = FlowFactory(owner=user, name="people")

    # when: she changes the password (and a variable holding another secret)
    response = api_client.patch(
        f"/api/flows/{flow.id}/",
        {
            "revision": flow.revision,
            "stops": _with_password(flow.stops, NEW_SECRET),
            "environment": {"DB_PASSWORD": NEW_SECRET},
        },
        format="json",
    )

    # then: the change names the stop, the property and the variable, and no value
    assert response.status_code == 200
    audit = staff_client.get("/api/audit/", {"action": "changed", "target_id": str(flow.id)})
    (event,) = audit.json()["results"]
    assert event["details"] == {
        "fields": ["environment", "stops"],
        "stops": {"changed": {"Db": ["properties.password"]}},
        "environment": ["DB_PASSWORD"],
        "revision": flow.revision + 1,
    }
    assert SECRET not in audit.content.decode() and NEW_SECRET not in audit.content.decode()
    client.force_login(operator)
    detail = client.get(f"/admin/audit/auditevent/{event['id']}/change/")
    assert detail.status_code == 200 and "properties.password" in detail.content.decode()
    assert SECRET not in detail.content.decode() and NEW_SECRET not in detail.content.decode()
    assert NEW_SECRET not in json.dumps(list(AuditEvent.objects.values()), default=str)


def test_a_save_that_changes_nothing_and_a_masked_password_sent_back_record_nothing(
    api_client, staff_client, user
):
    # given: Ada's flow as the API shows it (password masked)
    flow = FlowFactory(owner=user, name="people")
    shown = api_client.get(f"/api/flows/{flow.id}/").json()

    # when: she saves it back unchanged
    response = api_client.patch(
        f"/api/flows/{flow.id}/", {"revision": shown["revision"], "stops": shown["stops"]}, format="json"
    )

    # then
    assert response.status_code == 200
    assert _events(staff_client, action="changed") == []


def test_flow_import_is_recorded(api_client, staff_client, user):
    # given
    document = {"flow": {"name": "imported people", "stops": VALID_STOPS, "paths": VALID_PATHS}}

    # when
    response = api_client.post("/api/flows/import/", document, format="json")

    # then
    assert response.status_code == 201
    (event,) = _events(staff_client, target_type="flow")
    assert (event["actor_name"], event["action"], event["target_name"]) == (
        "ada",
        "imported",
        "imported people",
    )
    assert event["target_id"] == str(response.json()["id"])


def test_what_an_admin_does_to_someone_elses_things_is_recorded_as_theirs(
    client, operator, user, staff_client
):
    # given: a run of Ada's and another flow of hers
    client.force_login(operator)
    _grant_host(client, user)
    run = services.process_start_flow(flow=FlowFactory(owner=user, name="people", stops=_stops()), user=user)
    doomed = FlowFactory(owner=user, name="doomed")

    # when: the operator stops the run and deletes the flow in Django's admin
    stopped = client.post("/admin/flows/process/", {"action": "stop_runs", "_selected_action": [run.id]})
    deleted = client.post(f"/admin/flows/flow/{doomed.id}/delete/", {"post": "yes"})

    # then
    assert stopped.status_code == 302 and deleted.status_code == 302
    assert not Flow.objects.filter(pk=doomed.id).exists()
    stop = _events(staff_client, action="stopped")
    delete = _events(staff_client, action="deleted")
    assert [(e["actor_name"], e["target_id"]) for e in stop] == [("operator", run.id)]
    assert [(e["actor_name"], e["target_type"], e["target_name"]) for e in delete] == [
        ("operator", "flow", "doomed")
    ]


def test_a_run_deleted_in_the_admin_is_recorded(client, operator, user, staff_client):
    # given: a finished run of Ada's
    client.force_login(operator)
    _grant_host(client, user)
    run = finish(
        services.process_start_flow(flow=FlowFactory(owner=user, name="people", stops=_stops()), user=user)
    )

    # when
    response = client.post(f"/admin/flows/process/{quote(run.id)}/delete/", {"post": "yes"})

    # then
    assert response.status_code == 302
    (event,) = _events(staff_client, action="deleted", target_type="process")
    assert (event["actor_name"], event["target_id"], event["details"]["state"]) == (
        "operator",
        run.id,
        "COMPLETED",
    )


def test_a_grant_changed_in_the_admin_names_the_changed_fields(client, operator, user, staff_client):
    # given
    client.force_login(operator)
    grant = _grant_host(client, user, host="db.example.org")

    # when
    response = client.post(
        f"/admin/access/grant/{grant.pk}/change/",
        {"user": user.pk, "kind": "host", "value": "db2.example.org", "note": "moved"},
    )

    # then
    assert response.status_code == 302
    (event,) = _events(staff_client, action="changed", target_type="grant")
    assert event["actor_name"] == "operator"
    assert event["details"] == {"fields": ["value", "note"], "previous_name": str(grant)}
    assert event["target_name"].endswith("db2.example.org")


def test_events_are_filtered_by_actor_action_object_and_time(api_client, other_client, staff_client, user):
    # given: Ada and Bob each create a flow, Ada deletes hers
    mine = api_client.post("/api/flows/", {"name": "ada's"}, format="json").json()
    api_client.delete(f"/api/flows/{mine['id']}/")
    other_client.post("/api/flows/", {"name": "bob's"}, format="json")
    now = timezone.now()

    # when
    by_actor = _events(staff_client, actor="ADA")
    by_action = _events(staff_client, action="created")
    by_object = _events(staff_client, target_type="flow", target_id=str(mine["id"]))
    in_the_past = _events(staff_client, until=(now - timedelta(days=1)).isoformat())
    recent = _events(staff_client, since=(now - timedelta(days=1)).isoformat(), until=now.isoformat())

    # then
    assert [(e["action"], e["target_name"]) for e in by_actor] == [("deleted", "ada's"), ("created", "ada's")]
    assert sorted(e["target_name"] for e in by_action) == ["ada's", "bob's"]
    assert [e["action"] for e in by_object] == ["deleted", "created"]
    assert in_the_past == [] and len(recent) == 3


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "yesterday"}, "since"),
        ({"until": "2024-13-45"}, "until"),
        ({"action": "exploded"}, "action"),
        ({"target_type": "spaceship"}, "target_type"),
        ({"since": "2024-02-01T00:00:00Z", "until": "2024-01-01T00:00:00Z"}, "until"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(staff_client, params, field):
    # when
    response = staff_client.get("/api/audit/", params)

    # then
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_the_trail_is_paginated(api_client, staff_client):
    # given
    for number in range(25):
        api_client.post("/api/flows/", {"name": f"flow {number}"}, format="json")

    # when
    first = staff_client.get("/api/audit/")
    second = staff_client.get("/api/audit/", {"page": 2})

    # then
    assert first.json()["count"] == 25
    assert len(first.json()["results"]) == 20 and len(second.json()["results"]) == 5


def test_a_non_admin_gets_404_whatever_the_filters(api_client, user):
    # given: something in the trail
    api_client.post("/api/flows/", {"name": "mine"}, format="json")

    # when
    plain = api_client.get("/api/audit/")
    filtered = api_client.get("/api/audit/", {"actor": "ada"})
    malformed = api_client.get("/api/audit/", {"since": "yesterday"})

    # then
    assert [plain.status_code, filtered.status_code, malformed.status_code] == [404, 404, 404]
    assert "results" not in plain.json()


def test_the_client_address_is_recorded(api_client, staff_client):
    # when
    api_client.post("/api/flows/", {"name": "from afar"}, format="json", REMOTE_ADDR="203.0.113.9")

    # then
    (event,) = _events(staff_client)
    assert event["address"] == "203.0.113.9"


@pytest.mark.django_db(transaction=True)
def test_the_client_address_is_recorded_over_asgi_too():
    # given: Ada, logged in to the ASGI application (as Daphne serves it), and no request being served
    ada = UserFactory(username="ada")
    client = AsyncClient()
    client.force_login(ada)
    assert client_address() is None

    # when
    response = async_to_sync(client.post)(
        "/api/flows/", {"name": "over asgi"}, content_type="application/json"
    )

    # then: the address of Django's test ASGI scope
    assert response.status_code == 201
    event = AuditEvent.objects.get()
    assert (event.actor_name, event.action, event.address) == ("ada", "created", "127.0.0.1")


def test_an_event_outlives_its_actor(api_client, staff_client, user):
    # given
    api_client.post("/api/flows/", {"name": "orphan"}, format="json")

    # when: Ada's account is deleted (her flows with it)
    user.delete()

    # then
    (event,) = _events(staff_client, action="created")
    assert (event["actor"], event["actor_name"], event["target_name"]) == (None, "ada", "orphan")


def test_nobody_adds_changes_or_deletes_an_event_in_the_admin(client, operator, api_client):
    # given
    api_client.post("/api/flows/", {"name": "kept"}, format="json")
    event = AuditEvent.objects.get()
    client.force_login(operator)

    # when
    add = client.get("/admin/audit/auditevent/add/")
    change = client.post(f"/admin/audit/auditevent/{event.pk}/change/", {"target_name": "forged"})
    delete = client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"})

    # then
    assert add.status_code == 403 and delete.status_code == 403
    assert change.status_code == 403
    event.refresh_from_db()
    assert event.target_name == "kept"
