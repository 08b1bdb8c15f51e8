from piflow.stops.hive.select_hive_ql import SelectHiveQL
from piflow.testing import perform_stop


def test_select_hive_ql_outputs_the_query_result(spark, hive_db, tmp_path):
    # given
    spark.sql(f"CREATE TABLE {hive_db}.people (name STRING, age INT) STORED AS PARQUET")
    spark.sql(f"INSERT INTO {hive_db}.people VALUES ('zhangsan', 30), ('lisi', 41), ('wangwu', 25)")
    query = f"SELECT name FROM {hive_db}.people WHERE age > 28 ORDER BY name;"

    # when
    out = perform_stop(spark, SelectHiveQL, {"hiveQL": query}, run_dir=tmp_path)

    # then
    assert [r.name for r in out[""].collect()] == ["lisi", "zhangsan"]


def test_select_hive_ql_resolves_by_piflow_name(spark, tmp_path):
    # given
    query = "SELECT 1 AS one"

    # when
    out = perform_stop(spark, "cn.piflow.bundle.hive.SelectHiveQL", {"hiveQL": query}, run_dir=tmp_path)

    # then
    assert out[""].collect()[0].one == 1
