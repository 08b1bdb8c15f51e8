import pytest

from piflow.stops.hive.put_hive_streaming import PutHiveStreaming
from piflow.testing import StopPropertyError, perform_stop


def test_put_hive_streaming_inserts_rows_into_existing_table(spark, hive_db, tmp_path):
    # given
    spark.sql(f"CREATE TABLE {hive_db}.people (name STRING, age INT) STORED AS PARQUET")
    spark.sql(f"INSERT INTO {hive_db}.people VALUES ('zhangsan', 30)")
    new = spark.createDataFrame([("lisi", 41), ("wangwu", 25)], "name string, age int")

    # when
    out = perform_stop(
        spark, PutHiveStreaming, {"database": hive_db, "table": "people"}, {"": new}, run_dir=tmp_path
    )

    # then
    rows = spark.sql(f"SELECT name, age FROM {hive_db}.people").collect()
    assert sorted((r.name, r.age) for r in rows) == [("lisi", 41), ("wangwu", 25), ("zhangsan", 30)]
    assert sorted(r.name for r in out[""].collect()) == ["lisi", "wangwu"]


def test_put_hive_streaming_fails_for_a_missing_table(spark, hive_db, tmp_path):
    # given
    rows = spark.createDataFrame([("lisi", 41)], "name string, age int")

    # when / then
    with pytest.raises(Exception, match="(?i)not found|cannot be found"):
        perform_stop(
            spark, PutHiveStreaming, {"database": hive_db, "table": "missing"}, {"": rows}, run_dir=tmp_path
        )


def test_put_hive_streaming_rejects_a_table_name_that_is_not_plain(spark, tmp_path):
    # given
    rows = spark.createDataFrame([("lisi", 41)], "name string, age int")
    props = {"database": "default", "table": "people; DROP TABLE x"}

    # when / then
    with pytest.raises(StopPropertyError, match="table: .*not a plain Hive name"):
        perform_stop(spark, PutHiveStreaming, props, {"": rows}, run_dir=tmp_path)
