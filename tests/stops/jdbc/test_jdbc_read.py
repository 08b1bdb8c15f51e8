import pytest

from piflow.stops.jdbc._jdbc import JdbcError, masked
from piflow.stops.jdbc.jdbc_read import JdbcRead
from piflow.testing import StopPropertyError, make_stop, perform_stop
from tests.stops.jdbc._db import pg_execute


@pytest.fixture
def pg_table(pg_table_name):
    pg_execute(
        f"CREATE TABLE {pg_table_name} (id INT, name TEXT)",
        f"INSERT INTO {pg_table_name} VALUES (1, 'zhangsan'), (2, 'lisi'), (3, 'wangwu')",
    )
    return pg_table_name


def test_jdbc_read_runs_a_query(spark, postgres_jdbc, pg_table, tmp_path):
    # given
    props = {**postgres_jdbc, "sql": f"SELECT id, name FROM {pg_table} WHERE id > 1;"}

    # when
    out = perform_stop(spark, JdbcRead, props, run_dir=tmp_path)

    # then
    assert sorted((r.id, r.name) for r in out[""].collect()) == [(2, "lisi"), (3, "wangwu")]


def test_jdbc_read_reads_a_whole_table_with_a_fetch_size(spark, postgres_jdbc, pg_table, tmp_path):
    # given
    props = {**postgres_jdbc, "driver": "org.postgresql.Driver", "dbtable": pg_table, "fetchsize": "2"}

    # when
    out = perform_stop(spark, JdbcRead, props, run_dir=tmp_path)

    # then
    assert sorted(r.name for r in out[""].collect()) == ["lisi", "wangwu", "zhangsan"]


@pytest.mark.parametrize(
    ("given", "extra"),
    [("neither", {}), ("both", {"sql": "SELECT 1", "dbtable": "test"})],
)
def test_jdbc_read_needs_sql_or_dbtable_at_validation(given, extra):
    # given: no Spark session, no database; the check runs when the properties are parsed
    props = {"url": "jdbc:postgresql://127.0.0.1:5432/test", "user": "postgres", **extra}

    # when / then
    with pytest.raises(StopPropertyError, match=rf"^sql: .*'sql' or 'dbtable' \(got {given}\)"):
        make_stop(JdbcRead, props)


def test_jdbc_read_check_values_reports_under_sql():
    # given
    url = "jdbc:postgresql://127.0.0.1:5432/test"

    # when
    _, blank_query = JdbcRead.parse_properties({"url": url, "user": "u", "sql": " ; "})
    _, a_table = JdbcRead.parse_properties({"url": url, "user": "u", "dbtable": "public.test"})

    # then
    assert set(blank_query) == {"sql"} and "neither" in blank_query["sql"]
    assert a_table == {}
    assert JdbcRead.check_values({"sql": "SELECT 1", "dbtable": None}) == {}


def test_jdbc_read_error_for_an_unreachable_server_hides_the_password(spark, tmp_path):
    # given
    secret = "S3cret-pw-71"
    props = {
        "url": "jdbc:postgresql://127.0.0.1:1/test",
        "user": "postgres",
        "password": secret,
        "sql": "SELECT 1",
    }

    # when
    with pytest.raises(Exception) as caught:
        perform_stop(spark, JdbcRead, props, run_dir=tmp_path)

    # then
    assert "127.0.0.1:1" in str(caught.value)
    assert secret not in str(caught.value)


def test_jdbc_read_masks_a_password_an_error_message_would_show():
    # given: a failure whose message quotes the password (as a driver echoing its URL would)
    secret = "S3cret-pw-72"

    def fail():
        raise RuntimeError(f"cannot open jdbc:x://h/db?password={secret}")

    # when
    with pytest.raises(JdbcError) as caught:
        masked(fail, [secret], "JDBC read")

    # then
    assert str(caught.value) == "JDBC read failed: cannot open jdbc:x://h/db?password=******"


def test_jdbc_read_checks_the_owners_policy_right_before_it_connects(spark, postgres_jdbc, tmp_path):
    # given: an ordinary user's run, allowed the host, naming a driver class that is not PostgreSQL's
    from piflow import AccessDenied, AccessPolicy
    from piflow.sdk import Inputs, Outputs, StopContext

    policy = AccessPolicy(allowed_hosts=("127.0.0.1",), user="ada")
    stop = make_stop(JdbcRead, {**postgres_jdbc, "driver": "org.h2.Driver", "sql": "SELECT 1"})
    ctx = StopContext(spark=spark, run_id="r", stop_name="Read", run_dir=tmp_path, policy=policy)

    # when
    with pytest.raises(AccessDenied) as refused:
        stop.perform(Inputs({}), Outputs(), ctx)

    # then: refused by name, before Spark loaded the class; the right driver connects
    assert str(refused.value) == (
        "the driver class 'org.h2.Driver' is not a driver of this URL (allowed: org.postgresql.Driver)"
    )
    fine = make_stop(JdbcRead, {**postgres_jdbc, "driver": "org.postgresql.Driver", "sql": "SELECT 1 AS one"})
    outputs = Outputs()
    fine.perform(Inputs({}), outputs, ctx)
    assert [row.one for row in outputs.frames()[""].collect()] == [1]
