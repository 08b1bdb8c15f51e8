"""Where an ordinary user's flow may connect, through the API: the hosts an admin granted, never the
server's own database, never a JDBC parameter that loads code or reads files (admins neither).

Every refusal is a problem naming the stop and the property: listed with the saved flow, and a 400
when the run is started (``/api/flows/<id>/run/`` and PiFlow's ``/flow/start``). The worker checks
again right before the stop connects.
"""

from __future__ import annotations

import pytest

from access.models import Grant, GrantKind
from flows.models import Flow, ProcessState
from tests.api.worker_runs import run_like_the_worker
from tests.stops.jdbc._db import mysql, table_name


@pytest.fixture
def test_databases_granted():
    """Nothing is granted in this module (``tests/conftest.py`` grants 127.0.0.1 elsewhere): what
    an admin's grant changes is the point here."""


@pytest.fixture
def app_database(settings, monkeypatch) -> str:
    """``host:port`` of the application's own database: the test PostgreSQL, 127.0.0.1:5432.

    It is, when the tests run on PostgreSQL; on SQLite the settings are made to say so (SQLite
    ignores HOST and PORT), which is what ``access.selectors`` reads.
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        monkeypatch.setitem(database, "HOST", "127.0.0.1")
        monkeypatch.setitem(database, "PORT", "5432")
    return f"{database['HOST']}:{database.get('PORT') or 5432}"


@pytest.fixture
def people(mysql_jdbc):
    """A MariaDB table of the ``test`` database with three people; dropped afterwards."""
    name = table_name()
    mysql(f"CREATE TABLE {name} (id INT, name VARCHAR(20))")
    mysql(f"INSERT INTO {name} VALUES (1, 'zhangsan'), (2, 'lisi'), (3, 'wangwu')")
    yield name
    mysql(f"DROP TABLE IF EXISTS {name}")


def read_flow(url: str, sql: str = "SELECT 1 AS one", user: str = "root") -> dict:
    """A flow that reads ``url`` with JdbcRead and shows what it read."""
    return {
        "name": "reads a database",
        "stops": [
            {
                "name": "Read",
                "bundle": "piflow.stops.jdbc.JdbcRead",
                "properties": {"url": url, "user": user, "password": "", "sql": sql},
            },
            {"name": "Show", "bundle": "piflow.stops.common.ShowData", "properties": {"showNumber": "5"}},
        ],
        "paths": [{"from": "Read", "outport": "", "inport": "", "to": "Show"}],
    }


def grant(value: str, user=None, by=None) -> Grant:
    """What an admin grants in the admin: a host for ``user`` (everyone when None)."""
    return Grant.objects.create(user=user, kind=GrantKind.HOST, value=value, created_by=by)


def url_problems(answer: dict) -> list[str]:
    """The messages of the problems about the Read stop's url in a flow or error answer."""
    return [p["message"] for p in answer["problems"] if (p.get("stop"), p.get("property")) == ("Read", "url")]


def save_and_start(client, url: str) -> tuple[dict, object]:
    """Save a flow reading ``url``, then start it: (the saved flow, the start's response)."""
    saved = client.post("/api/flows/", read_flow(url), format="json")
    assert saved.status_code == 201, saved.content
    return saved.json(), client.post(f"/api/flows/{saved.json()['id']}/run/")


def test_the_servers_own_database_is_refused_even_when_its_host_is_granted(api_client, user, app_database):
    # given: an admin granted the user the host, and even its very port
    grant("127.0.0.1", user=user)
    grant(app_database, user=user)
    url = f"jdbc:postgresql://{app_database}/test"

    # when
    saved, started = save_and_start(api_client, url)
    piflow_started = api_client.post("/flow/start", {"flow": read_flow(url)}, format="json")

    # then
    assert saved["valid"] is False
    assert url_problems(saved) == [
        f"{app_database} is this server's own database or broker: no user's flow may connect to it, "
        "whatever hosts an admin granted"
    ]
    assert started.status_code == 400 and url_problems(started.json()) == url_problems(saved)
    assert piflow_started.status_code == 400
    assert piflow_started.json()["error"] == "Can not start flow!"
    assert url_problems(piflow_started.json()) == url_problems(saved)


@pytest.mark.parametrize("url", ["jdbc:mysql://127.0.0.1:3306/test", "jdbc:postgresql://localhost:6543/test"])
def test_a_loopback_port_is_refused_without_a_grant(api_client, url):
    # when
    saved, started = save_and_start(api_client, url)

    # then
    assert started.status_code == 400
    assert url_problems(saved) == url_problems(started.json())
    assert len(url_problems(saved)) == 1
    assert "is a loopback or link-local address, not allowed for your flows" in url_problems(saved)[0]


DANGEROUS = [
    (
        "jdbc:postgresql://127.0.0.1:5432/test?socketFactory=org.springframework.context.support.X",
        "socketfactory",
    ),
    ("jdbc:mysql://127.0.0.1:3306/test?allowLoadLocalInfile=true", "allowloadlocalinfile"),
    ("jdbc:mysql://127.0.0.1:3306/test?autoDeserialize=true&queryInterceptors=x", "autodeserialize"),
    ("jdbc:h2:mem:test;INIT=RUNSCRIPT FROM 'http://127.0.0.1:9/evil.sql'", "init"),
]


@pytest.mark.parametrize(("url", "parameter"), DANGEROUS)
@pytest.mark.parametrize("who", ["user", "admin"])
def test_a_dangerous_jdbc_parameter_is_refused_for_users_and_admins(who, url, parameter, request, user):
    # given: the user may reach the host; the admin may reach anything
    grant("127.0.0.1", user=user)
    client = request.getfixturevalue("api_client" if who == "user" else "staff_client")

    # when
    saved, started = save_and_start(client, url)

    # then
    expected = f"the JDBC parameter {parameter!r} is not allowed for anyone (it can load code, or read or write files)"
    assert url_problems(saved) == [expected]
    assert started.status_code == 400 and url_problems(started.json()) == [expected]


def test_an_admin_may_read_the_local_databases(staff_client, app_database):
    # when: the admin's flow reads the very server the application's database is on
    saved, _ = save_and_start(staff_client, f"jdbc:postgresql://{app_database}/test")

    # then
    assert saved["valid"] is True and saved["problems"] == []


def test_after_an_admin_grants_the_host_the_users_jdbc_read_runs(
    api_client, user, staff_user, people, mysql_jdbc, spark
):
    # given: refused before the grant
    url = mysql_jdbc["url"]
    flow = read_flow(url, f"SELECT id, name FROM {people} WHERE id > 1 ORDER BY id")
    saved = api_client.post("/api/flows/", flow, format="json").json()
    refused = api_client.post(f"/api/flows/{saved['id']}/run/")
    assert refused.status_code == 400 and "not allowed for your flows" in url_problems(refused.json())[0]

    # when: an admin grants MariaDB's host and port to this user, and the user runs the flow
    grant("127.0.0.1:3306", user=user, by=staff_user)
    started = api_client.post(f"/api/flows/{saved['id']}/run/")
    process = run_like_the_worker(started.json()["id"])

    # then
    assert started.status_code == 201
    assert api_client.get(f"/api/flows/{saved['id']}/").json()["valid"] is True
    assert (process.state, process.error) == (ProcessState.COMPLETED, "")
    log = api_client.get(f"/api/processes/{process.id}/log/").json()["log"]
    assert "lisi" in log and "wangwu" in log and "zhangsan" not in log


def test_a_grant_for_someone_else_opens_nothing(api_client, other_user, mysql_jdbc):
    # given
    grant("127.0.0.1", user=other_user)

    # when
    saved, started = save_and_start(api_client, mysql_jdbc["url"])

    # then
    assert started.status_code == 400 and saved["valid"] is False


def test_the_worker_refuses_a_host_whose_grant_was_withdrawn_after_the_start(api_client, user, mysql_jdbc):
    # given: a run started while the host was granted
    granted = grant("127.0.0.1", user=user)
    _, started = save_and_start(api_client, mysql_jdbc["url"])
    assert started.status_code == 201

    # when: the admin withdraws the grant before a worker takes the run
    granted.delete()
    process = run_like_the_worker(started.json()["id"])

    # then: nothing connected; the run failed, naming the stop, the property and why
    assert process.state == ProcessState.FAILED
    assert "Read" in process.error and "url" in process.error
    assert "127.0.0.1:3306 is a loopback or link-local address, not allowed for your flows" in process.error
    assert Flow.objects.count() == 1
