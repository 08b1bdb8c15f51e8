"""Stops that run code their author wrote are for admins, or users an admin allowed, on every way in."""

from __future__ import annotations

import pytest

import piflow
from access.models import Grant, GrantKind
from flows.models import Process
from tests.factories import FlowFactory


class RunsCode(piflow.Stop):
    """Runs a script its author wrote (a stand-in for the Script group's stops)."""

    bundle = "tests.RunsCode"
    groups = ("Script",)
    inports = ()
    runs_user_code = True

    def perform(self, inputs, outputs, ctx):
        outputs.write(ctx.spark.range(1))


FLOW = {"flow": {"name": "script", "stops": [{"name": "Script", "bundle": RunsCode.bundle}], "paths": []}}


@pytest.fixture(autouse=True)
def code_stop():
    registry = piflow.default_registry()
    registry.register(RunsCode, source="tests")
    yield RunsCode
    registry.unregister(RunsCode.bundle)


def start_both_ways(client, owner):
    """Run FLOW through /flow/start and through a stored flow's /api/flows/<id>/run/."""
    flow = FlowFactory(owner=owner, stops=FLOW["flow"]["stops"], paths=[])
    return client.post("/flow/start", FLOW, format="json"), client.post(f"/api/flows/{flow.id}/run/")


def test_a_user_may_not_run_code_without_a_grant(api_client, user, django_capture_on_commit_callbacks):
    # when
    with django_capture_on_commit_callbacks(execute=False):
        started, run = start_both_ways(api_client, user)
        listed = api_client.get("/api/flows/").json()["results"][0]

    # then: refused on both ways in, with the stop and the reason named; nothing queued
    for response in (started, run):
        assert response.status_code == 400, response.content
        (problem,) = response.json()["problems"]
        assert problem["stop"] == "Script" and problem["property"] == "bundle"
        assert "an admin must allow you" in problem["message"]
    assert listed["valid"] is False
    assert not Process.objects.exists()


def test_a_user_an_admin_allowed_may_run_code(api_client, user, django_capture_on_commit_callbacks):
    # given
    Grant.objects.create(user=user, kind=GrantKind.RUN_CODE)

    # when
    with django_capture_on_commit_callbacks(execute=False):
        started, run = start_both_ways(api_client, user)

    # then
    assert (started.status_code, run.status_code) == (200, 201), (started.content, run.content)
    assert Process.objects.count() == 2


def test_an_admin_may_run_code(staff_client, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        started, run = start_both_ways(staff_client, staff_user)
    assert (started.status_code, run.status_code) == (200, 201)


def test_the_worker_refuses_it_too_when_the_grant_is_gone(user, spark):
    # given: the policy as it is when the worker starts the run (no grant any more)
    spec, request = piflow.parse_piflow(FLOW)
    policy = piflow.AccessPolicy(user=user.username)

    # when / then
    with pytest.raises(piflow.FlowValidationError) as refused:
        piflow.run_flow(spec, request, policy=policy)
    assert "an admin must allow you" in str(refused.value.problems[0].message)
