"""Secrets in flows never leave: a password given through ``${PW}``, one written into a JDBC URL and a
one-letter password are masked in every answer and in the run's log, and a flow saved back as it
was shown keeps them: its next run still logs in.

The runs read MariaDB as users made for the test, each with its password, so a run only connects
when the stored secret is the real one.
"""

from __future__ import annotations

import uuid

import pytest

import piflow
from common.run_files import run_storage
from flows.models import Flow, ProcessState
from tests.api.worker_runs import run_like_the_worker
from tests.stops.jdbc._db import mysql

ENV_CANARY = "env-canary-3f9a"
URL_CANARY = "url-canary-7c2e"
SHORT = "a"
CANARIES = (ENV_CANARY, URL_CANARY)
MASK = piflow.MASK


@pytest.fixture
def mariadb_users(mysql_jdbc):
    """Three MariaDB users of the ``test`` database: their names -> passwords (the canaries)."""
    tag = uuid.uuid4().hex[:6]
    users = {f"pf_env_{tag}": ENV_CANARY, f"pf_url_{tag}": URL_CANARY, f"pf_short_{tag}": SHORT}
    for name, password in users.items():
        mysql(f"CREATE USER '{name}'@'127.0.0.1' IDENTIFIED BY '{password}'")
        mysql(f"GRANT SELECT ON test.* TO '{name}'@'127.0.0.1'")
    yield list(users)
    for name in users:
        mysql(f"DROP USER IF EXISTS '{name}'@'127.0.0.1'")


def read(name: str, url: str, sql: str, user: str = "", password: str = "") -> dict:
    properties = {"url": url, "user": user, "password": password, "sql": sql}
    return {"name": name, "bundle": "piflow.stops.jdbc.JdbcRead", "properties": properties}


def flow_with_secrets(mysql_jdbc, users: list[str], first_sql: str = "SELECT 'apple' AS fruit") -> dict:
    """Three reads, each logging in with a secret given its own way, and a ShowData."""
    env_user, url_user, short_user = users
    url = mysql_jdbc["url"]
    return {
        "name": "secrets",
        "environment": {"PW": ENV_CANARY, "ROWS": "5"},
        "stops": [
            read("Read", url, first_sql, env_user, "${PW}"),
            read("ReadUrl", f"{url}&user={url_user}&password={URL_CANARY}", "SELECT 2 AS two"),
            read("ReadShort", url, "SELECT 'banana' AS fruit", short_user, SHORT),
            {
                "name": "Show",
                "bundle": "piflow.stops.common.ShowData",
                "properties": {"showNumber": "${ROWS}"},
            },
        ],
        "paths": [{"from": "ReadShort", "outport": "", "inport": "", "to": "Show"}],
    }


def assert_no_canary(*answers) -> None:
    for answer in answers:
        text = answer if isinstance(answer, str) else answer.content.decode()
        for canary in CANARIES:
            assert canary not in text, f"{canary} leaked in {text[:300]}"


def stops_by_name(stops: list[dict]) -> dict[str, dict]:
    return {stop["name"]: stop["properties"] for stop in stops}


def assert_shown_masked(flow_json: dict, environment: dict) -> None:
    """The masks where the secrets stood, everything else as given."""
    stops = stops_by_name(flow_json["stops"])
    assert environment == {"PW": MASK, "ROWS": "5"}
    assert stops["Read"]["password"] == MASK
    assert stops["ReadUrl"]["url"].endswith(f"&password={MASK}")
    assert stops["ReadShort"]["password"] == MASK
    assert stops["ReadShort"]["sql"] == "SELECT 'banana' AS fruit"


def test_secrets_never_appear_in_answers_or_logs_and_a_flow_saved_back_keeps_them(
    api_client, mysql_jdbc, mariadb_users, spark
):
    # given: a flow saved with its three secrets, and run once
    created = api_client.post("/api/flows/", flow_with_secrets(mysql_jdbc, mariadb_users), format="json")
    flow_id = created.json()["id"]
    started = api_client.post(f"/api/flows/{flow_id}/run/")
    process = run_like_the_worker(started.json()["id"])
    assert (process.state, process.error) == (ProcessState.COMPLETED, "")

    # when: everything a user can read about the flow and the run
    detail = api_client.get(f"/api/flows/{flow_id}/")
    exported = api_client.get(f"/api/flows/{flow_id}/export/")
    answers = [
        created,
        detail,
        exported,
        api_client.get("/api/flows/"),
        started,
        api_client.get(f"/api/processes/{process.id}/"),
        api_client.get("/api/processes/"),
        api_client.get(f"/api/processes/{process.id}/log/"),
        api_client.get("/flow/info", {"appID": process.id}),
        api_client.get("/flow/progress", {"appID": process.id}),
        api_client.get("/flow/log", {"appID": process.id}),
    ]
    log_file = run_storage(process.id).log_path.read_text(encoding="utf-8")

    # then
    assert all(answer.status_code in (200, 201) for answer in answers)
    assert_no_canary(*answers, log_file)
    assert_shown_masked(detail.json(), detail.json()["environment"])
    assert_shown_masked(exported.json()["flow"], exported.json()["flow"]["environmentVariable"])
    spec = answers[5].json()["spec"]["flow"]
    assert_shown_masked(spec, spec["environmentVariable"])
    assert f"&password={MASK}" in log_file  # the URL is logged, its password masked
    assert "banana" in log_file and f"b{MASK}n" not in log_file  # the password 'a' is no mask inside words

    # when: the flow is saved back exactly as shown, then run again
    shown = detail.json()
    saved = api_client.put(
        f"/api/flows/{flow_id}/",
        {key: shown[key] for key in ("name", "revision", "stops", "paths", "environment", "positions")},
        format="json",
    )
    again = run_like_the_worker(api_client.post(f"/api/flows/{flow_id}/run/").json()["id"])

    # then: the secrets were kept (the run logged in as each user) and are still not shown
    assert saved.status_code == 200
    assert_no_canary(saved)
    stored = Flow.objects.get(pk=flow_id)
    stops = stops_by_name(stored.stops)
    assert stored.environment["PW"] == ENV_CANARY and stops["Read"]["password"] == "${PW}"
    assert stops["ReadUrl"]["url"].endswith(f"&password={URL_CANARY}")
    assert stops["ReadShort"]["password"] == SHORT
    assert (again.state, again.error) == (ProcessState.COMPLETED, "")


def test_a_url_edited_with_its_password_left_masked_keeps_the_password(
    api_client, mysql_jdbc, mariadb_users, spark
):
    # given: the URL shown with its password masked
    created = api_client.post(
        "/api/flows/", flow_with_secrets(mysql_jdbc, mariadb_users), format="json"
    ).json()
    stops = created["stops"]
    read_url = next(stop for stop in stops if stop["name"] == "ReadUrl")["properties"]
    assert read_url["url"].endswith(f"&password={MASK}")

    # when: the user adds a parameter to the URL and leaves the mask
    read_url["url"] = read_url["url"].replace("?permitMysqlScheme", "?connectTimeout=5000&permitMysqlScheme")
    saved = api_client.patch(
        f"/api/flows/{created['id']}/", {"revision": created["revision"], "stops": stops}, format="json"
    )
    process = run_like_the_worker(api_client.post(f"/api/flows/{created['id']}/run/").json()["id"])

    # then
    assert saved.status_code == 200
    assert_no_canary(saved)
    stored = stops_by_name(Flow.objects.get(pk=created["id"]).stops)["ReadUrl"]["url"]
    assert "connectTimeout=5000" in stored and stored.endswith(f"&password={URL_CANARY}")
    assert (process.state, process.error) == (ProcessState.COMPLETED, "")


def test_a_failing_read_whose_error_quotes_the_secret_masks_it_everywhere(
    api_client, mysql_jdbc, mariadb_users, spark
):
    # given: a query whose error names a table after the password (given through ${PW} too)
    flow = flow_with_secrets(mysql_jdbc, mariadb_users, first_sql="SELECT * FROM `${PW}`")
    flow_id = api_client.post("/api/flows/", flow, format="json").json()["id"]

    # when
    process = run_like_the_worker(api_client.post(f"/api/flows/{flow_id}/run/").json()["id"])
    answers = [
        api_client.get(f"/api/processes/{process.id}/"),
        api_client.get(f"/api/processes/{process.id}/log/"),
        api_client.get("/flow/log", {"appID": process.id}),
        api_client.get("/flow/info", {"appID": process.id}),
    ]

    # then
    assert process.state == ProcessState.FAILED
    assert_no_canary(*answers, run_storage(process.id).log_path.read_text(encoding="utf-8"))
    assert f"test.{MASK}" in process.error  # MariaDB's "Table 'test.<name>' doesn't exist", masked
