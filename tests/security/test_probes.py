"""The probes that worked against the first slice (issue 8), repeated through PiFlow's public API.

As an ordinary user each is refused with a reason naming what was refused: before the run (400
"Can not start flow!" with a problem naming the stop and property) when the flow's properties
say it, or by the worker on Spark's parsed plan (the run FAILED, nothing executed) when the SQL
says it. The same flows run for an admin where that is legitimate.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from django.conf import settings

from flows.models import Process, ProcessState
from tests.api.worker_runs import run_like_the_worker

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

DATA_DIR = Path(settings.PIFLOW_DATA_DIR).resolve()


def flow(*stops: dict, paths: list | None = None) -> dict:
    return {"flow": {"name": "probe", "stops": list(stops), "paths": paths or []}}


def stop(name: str, bundle: str, **properties: str) -> dict:
    return {"name": name, "bundle": bundle, "properties": properties}


def hive_sql(sql: str) -> dict:
    return flow(stop("Q", "cn.piflow.bundle.hive.SelectHiveQL", hiveQL=sql))


def app_database_url() -> str:
    database = settings.DATABASES["default"]
    if "sqlite" in database["ENGINE"]:
        return f"jdbc:sqlite:{database['NAME']}"
    return f"jdbc:postgresql://{database['HOST']}:{database.get('PORT') or 5432}/{database['NAME']}"


def start(client, body: dict):
    return client.post("/flow/start", body, format="json")


#: (probe, flow, the words of the refusal) refused before anything runs.
REFUSED_AT_START = [
    ("any file read", flow(stop("Read", "cn.piflow.bundle.csv.CsvParser", csvPath="/etc/passwd")), "csvPath"),
    (
        "the server's secret key",
        flow(stop("Read", "cn.piflow.bundle.csv.CsvParser", csvPath=str(DATA_DIR / "secret_key"))),
        "server's own files",
    ),
    (
        "PutHiveQL on /etc/passwd",
        flow(stop("Put", "cn.piflow.bundle.hive.PutHiveQL", hiveQL_Path="/etc/passwd", database="user_ada")),
        "hiveQL_Path",
    ),
    (
        "CsvSave into the checkout",
        flow(
            stop("Read", "cn.piflow.bundle.common.MockData", schema="a:String", count="1"),
            stop("Save", "cn.piflow.bundle.csv.CsvSave", csvSavePath=str(Path.cwd() / "stolen")),
            paths=[{"from": "Read", "to": "Save"}],
        ),
        "csvSavePath",
    ),
    (
        "CsvSave overwriting another user's run directory",
        flow(
            stop("Read", "cn.piflow.bundle.common.MockData", schema="a:String", count="1"),
            stop(
                "Save",
                "cn.piflow.bundle.csv.CsvSave",
                csvSavePath=str(DATA_DIR / "runs" / "run_someone_else"),
                saveMode="overwrite",
            ),
            paths=[{"from": "Read", "to": "Save"}],
        ),
        "server's own files",
    ),
    (
        "JDBC to the application's own database",
        flow(
            stop(
                "Db",
                "cn.piflow.bundle.jdbc.JdbcRead",
                url=app_database_url(),
                user="postgres",
                sql="SELECT key FROM accounts_apitoken",
            )
        ),
        "url",
    ),
    (
        "JDBC to an arbitrary loopback port",
        flow(
            stop(
                "Db",
                "cn.piflow.bundle.jdbc.JdbcRead",
                url="jdbc:postgresql://127.0.0.2:6379/x",
                user="u",
                sql="SELECT 1",
            )
        ),
        "url",
    ),
]

#: (probe, SQL, the words of the refusal) refused by the worker on the parsed plan.
REFUSED_IN_THE_WORKER = [
    ("shell commands", "SELECT TRANSFORM('x') USING 'id' AS (out)", "runs a shell command"),
    (
        "Java reflection",
        "SELECT reflect('java.lang.System', 'getenv', 'DATABASE_URL') AS v",
        "calls Java methods",
    ),
    ("a file by path", f"SELECT * FROM text.`{DATA_DIR / 'secret_key'}`", "reads a file by its path"),
    (
        "every user's run logs",
        f"SELECT * FROM text.`{DATA_DIR / 'runs'}/*/run.log`",
        "reads a file by its path",
    ),
]


@pytest.mark.parametrize(("probe", "body", "says"), REFUSED_AT_START, ids=[p[0] for p in REFUSED_AT_START])
def test_a_user_is_refused_before_the_run(api_client, probe, body, says):
    # when
    response = start(api_client, body)

    # then
    assert response.status_code == 400, response.content
    assert response.json()["error"] == "Can not start flow!"
    problems = response.json()["problems"]
    assert any(says in f"{p.get('property')} {p['message']}" for p in problems), problems
    assert not Process.objects.exists()


@pytest.mark.parametrize(
    ("probe", "sql", "says"), REFUSED_IN_THE_WORKER, ids=[p[0] for p in REFUSED_IN_THE_WORKER]
)
def test_a_users_sql_is_refused_by_the_worker(api_client, probe, sql, says):
    # given: the SQL cannot be judged without Spark, so the run is queued
    response = start(api_client, {**hive_sql(sql), "runMode": "DEBUG"})
    assert response.status_code == 200, response.content

    # when
    process = run_like_the_worker(response.json()["flow"]["id"])

    # then: failed, naming what was refused, and no debug data came out
    assert process.state == ProcessState.FAILED
    assert says in process.error, process.error
    debug = api_client.get("/flow/debugData", {"appID": process.id, "stopName": "Q"})
    assert debug.status_code == 404


def test_an_admin_may_read_files_and_run_reflect(staff_client, tmp_path):
    # given
    marker = secrets.token_hex(8)
    source = tmp_path / "people.csv"
    source.write_text(f"name\n{marker}\n")

    # when
    read = start(
        staff_client, flow(stop("Read", "cn.piflow.bundle.csv.CsvParser", csvPath=str(source), header="true"))
    )
    sql = start(staff_client, hive_sql("SELECT reflect('java.lang.String', 'valueOf', 42) AS v"))

    # then
    assert (read.status_code, sql.status_code) == (200, 200), (read.content, sql.content)
    for response in (read, sql):
        process = run_like_the_worker(response.json()["flow"]["id"])
        assert process.state == ProcessState.COMPLETED, process.error


def test_fifty_wrong_passwords_are_throttled(anonymous_client, user):
    answers = [
        anonymous_client.post(
            "/api/auth/login", {"username": user.username, "password": f"wrong-{n}"}, format="json"
        )
        for n in range(50)
    ]
    statuses = [a.status_code for a in answers]
    assert 429 in statuses and statuses.index(429) <= 20
    throttled = answers[statuses.index(429)]
    assert throttled.json()["wait"] > 0 and int(throttled["Retry-After"]) > 0
