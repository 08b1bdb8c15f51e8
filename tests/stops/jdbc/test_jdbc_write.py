import pytest

from piflow.stops.jdbc.jdbc_write import JdbcWrite
from piflow.testing import StopPropertyError, make_stop, perform_stop
from tests.stops.jdbc._db import pg_fetch


def _pg_rows(table):
    return sorted(pg_fetch(f"SELECT name, age FROM {table}"))


def test_jdbc_write_creates_then_appends(spark, postgres_jdbc, pg_table_name, tmp_path):
    # given
    props = {**postgres_jdbc, "driver": "org.postgresql.Driver", "dbtable": pg_table_name}
    first = spark.createDataFrame([("zhangsan", 30)], "name string, age int")
    second = spark.createDataFrame([("lisi", 41)], "name string, age int")

    # when
    perform_stop(spark, JdbcWrite, props, {"": first}, run_dir=tmp_path)
    out = perform_stop(spark, JdbcWrite, props, {"": second}, run_dir=tmp_path)

    # then
    assert _pg_rows(pg_table_name) == [("lisi", 41), ("zhangsan", 30)]
    assert [r.name for r in out[""].collect()] == ["lisi"]


def test_jdbc_write_overwrite_replaces_the_rows(spark, postgres_jdbc, pg_table_name, tmp_path):
    # given
    props = {**postgres_jdbc, "dbtable": pg_table_name, "saveMode": "overwrite"}
    perform_stop(
        spark, JdbcWrite, props, {"": spark.createDataFrame([("zhangsan", 30)], "name string, age int")}
    )
    rows = spark.createDataFrame([("lisi", 41), ("wangwu", 25)], "name string, age int")

    # when
    perform_stop(spark, JdbcWrite, props, {"": rows}, run_dir=tmp_path)

    # then
    assert _pg_rows(pg_table_name) == [("lisi", 41), ("wangwu", 25)]


def test_jdbc_write_error_for_an_unknown_host_hides_the_password(spark, tmp_path):
    # given
    secret = "S3cret-pw-73"
    props = {
        "url": "jdbc:postgresql://no-such-host.invalid:5432/test",
        "user": "postgres",
        "password": secret,
        "dbtable": "t",
    }
    rows = spark.createDataFrame([("lisi", 41)], "name string, age int")

    # when
    with pytest.raises(Exception) as caught:
        perform_stop(spark, JdbcWrite, props, {"": rows}, run_dir=tmp_path)

    # then
    assert "no-such-host.invalid" in str(caught.value)
    assert secret not in str(caught.value)


def test_jdbc_write_shows_piflow_s_save_modes_and_accepts_any_case():
    # given
    props = {"url": "jdbc:postgresql://127.0.0.1:5432/test", "dbtable": "t"}

    # when
    described = next(p for p in JdbcWrite.descriptor()["properties"] if p["name"] == "saveMode")
    default = make_stop(JdbcWrite, props).save_mode
    error = make_stop(JdbcWrite, {**props, "saveMode": "error"}).save_mode

    # then
    assert described["choices"] == ["Append", "Overwrite", "ErrorIfExists", "Ignore"]
    assert described["default"] == "Append"
    assert (default, error) == ("append", "errorifexists")
    with pytest.raises(
        StopPropertyError, match="saveMode: 'merge' is not a save mode; use Append, Overwrite"
    ):
        make_stop(JdbcWrite, {**props, "saveMode": "merge"})
