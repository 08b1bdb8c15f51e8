import pytest

from piflow.stops.hive.put_hive_mode import PutHiveMode
from piflow.testing import StopPropertyError, perform_stop


def _people(spark, rows):
    return spark.createDataFrame(rows, "name string, age int")


def test_put_hive_mode_creates_then_appends_by_default(spark, hive_db, tmp_path):
    # given
    props = {"database": hive_db, "table": "people"}

    # when
    perform_stop(spark, PutHiveMode, props, {"": _people(spark, [("zhangsan", 30)])}, run_dir=tmp_path)
    out = perform_stop(spark, PutHiveMode, props, {"": _people(spark, [("lisi", 41)])}, run_dir=tmp_path)

    # then
    rows = spark.sql(f"SELECT name, age FROM {hive_db}.people").collect()
    assert sorted((r.name, r.age) for r in rows) == [("lisi", 41), ("zhangsan", 30)]
    assert [r.name for r in out[""].collect()] == ["lisi"]


def test_put_hive_mode_overwrite_replaces_the_rows(spark, hive_db, tmp_path):
    # given
    spark.sql(f"CREATE TABLE {hive_db}.people (name STRING, age INT) STORED AS PARQUET")
    spark.sql(f"INSERT INTO {hive_db}.people VALUES ('zhangsan', 30)")
    props = {"database": hive_db, "table": "people", "saveMode": "Overwrite"}

    # when
    perform_stop(
        spark, PutHiveMode, props, {"": _people(spark, [("lisi", 41), ("wangwu", 25)])}, run_dir=tmp_path
    )

    # then
    rows = spark.sql(f"SELECT name, age FROM {hive_db}.people").collect()
    assert sorted((r.name, r.age) for r in rows) == [("lisi", 41), ("wangwu", 25)]


def test_put_hive_mode_appends_to_a_spark_parquet_table_by_column_name(spark, hive_db, tmp_path):
    # given
    spark.sql(f"CREATE TABLE {hive_db}.people (name STRING, age INT) USING parquet")
    reordered = spark.createDataFrame([(41, "lisi")], "age int, name string")

    # when
    perform_stop(
        spark, PutHiveMode, {"database": hive_db, "table": "people"}, {"": reordered}, run_dir=tmp_path
    )

    # then
    assert [(r.name, r.age) for r in spark.sql(f"SELECT * FROM {hive_db}.people").collect()] == [("lisi", 41)]


def test_put_hive_mode_rejects_an_unknown_save_mode(spark, tmp_path):
    # given
    props = {"database": "default", "table": "people", "saveMode": "merge"}

    # when / then
    with pytest.raises(StopPropertyError, match="saveMode: .*not a save mode"):
        perform_stop(spark, PutHiveMode, props, {"": _people(spark, [("lisi", 41)])}, run_dir=tmp_path)


def test_put_hive_mode_rejects_a_database_name_with_a_backtick(spark, tmp_path):
    # given
    props = {"database": "default`.`x", "table": "people"}

    # when / then
    with pytest.raises(StopPropertyError, match="database: .*not a plain Hive name"):
        perform_stop(spark, PutHiveMode, props, {"": _people(spark, [("lisi", 41)])}, run_dir=tmp_path)
