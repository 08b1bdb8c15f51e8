import logging

from piflow.stops.jdbc.postgresql_write import PostgresqlWrite
from piflow.testing import perform_stop
from tests.stops.jdbc._db import pg_fetch


def _people(spark, rows):
    return spark.createDataFrame(rows, "name string, age int")


def test_postgresql_write_appends_by_default_and_reads_back(spark, postgres_jdbc, pg_table_name, tmp_path):
    # given
    props = {**postgres_jdbc, "dbtable": pg_table_name}

    # when
    perform_stop(spark, PostgresqlWrite, props, {"": _people(spark, [("zhangsan", 30)])}, run_dir=tmp_path)
    perform_stop(spark, PostgresqlWrite, props, {"": _people(spark, [("lisi", 41)])}, run_dir=tmp_path)

    # then
    back = (
        spark.read.format("jdbc")
        .options(**postgres_jdbc, driver="org.postgresql.Driver", dbtable=pg_table_name)
        .load()
    )
    assert sorted((r.name, r.age) for r in back.collect()) == [("lisi", 41), ("zhangsan", 30)]


def test_postgresql_write_accepts_piflow_capitalised_overwrite(spark, postgres_jdbc, pg_table_name, tmp_path):
    # given
    props = {**postgres_jdbc, "dbtable": pg_table_name, "saveMode": "Overwrite"}
    perform_stop(spark, PostgresqlWrite, props, {"": _people(spark, [("zhangsan", 30)])}, run_dir=tmp_path)

    # when
    perform_stop(spark, PostgresqlWrite, props, {"": _people(spark, [("wangwu", 25)])}, run_dir=tmp_path)

    # then
    assert pg_fetch(f"SELECT name, age FROM {pg_table_name}") == [("wangwu", 25)]


def test_postgresql_write_never_logs_the_password(spark, postgres_jdbc, pg_table_name, tmp_path, caplog):
    # given: trust authentication accepts any password, so the write succeeds with one set
    secret = "S3cret-pw-74"
    props = {**postgres_jdbc, "password": secret, "dbtable": pg_table_name}

    # when
    with caplog.at_level(logging.DEBUG):
        perform_stop(spark, PostgresqlWrite, props, {"": _people(spark, [("lisi", 41)])}, run_dir=tmp_path)

    # then
    assert pg_table_name in caplog.text
    assert secret not in caplog.text
