"""Django admin: operators see flows and runs, never a secret."""

from __future__ import annotations

from django.contrib.admin.utils import quote

import piflow
from flows.models import Process
from tests.factories import SECRET, finish


def test_flow_pages_mask_secrets(client, operator, flow):
    # given
    client.force_login(operator)

    # when
    listing = client.get("/admin/flows/flow/")
    page = client.get(f"/admin/flows/flow/{flow.id}/change/")

    # then
    assert listing.status_code == 200 and "people" in listing.content.decode()
    assert page.status_code == 200
    assert piflow.MASK in page.content.decode()
    assert SECRET not in page.content.decode()


def test_process_pages_show_stops_and_mask_the_spec(client, operator, process):
    # given
    client.force_login(operator)

    # when
    listing = client.get("/admin/flows/process/")
    page = client.get(f"/admin/flows/process/{quote(process.id)}/change/")

    # then
    assert listing.status_code == 200 and process.id in listing.content.decode()
    assert page.status_code == 200
    html = page.content.decode()
    assert "Show" in html and piflow.MASK in html
    assert SECRET not in html


def test_a_running_process_cannot_be_deleted_from_admin(client, operator, process):
    # given
    client.force_login(operator)

    # when
    running = client.post(f"/admin/flows/process/{quote(process.id)}/delete/", {"post": "yes"})
    finish(process)
    finished = client.post(f"/admin/flows/process/{quote(process.id)}/delete/", {"post": "yes"})

    # then
    assert running.status_code == 403
    assert finished.status_code == 302
    assert not Process.objects.filter(pk=process.id).exists()


def test_admin_action_stops_runs(client, operator, process):
    # given
    client.force_login(operator)

    # when
    response = client.post("/admin/flows/process/", {"action": "stop_runs", "_selected_action": [process.id]})

    # then
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.state == "KILLED"
