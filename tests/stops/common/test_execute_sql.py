import pytest

from piflow.stops.common.execute_sql import ExecuteSQL
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_execute_sql_queries_the_input_as_temp(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("lisi", 41), ("zhangsan", 32)], "name string, age int")

    # when
    out = perform_stop(
        spark, ExecuteSQL, {"sql": "SELECT name, count(*) AS n FROM temp GROUP BY name"}, {"": people}
    )

    # then
    assert sorted(tuple(r) for r in out[""].collect()) == [("lisi", 1), ("zhangsan", 2)]
    assert "temp" not in [t.name for t in spark.catalog.listTables()]


def test_execute_sql_registers_named_ports_and_view_name(spark):
    # given
    people = spark.createDataFrame([(1, "zhangsan"), (2, "lisi")], "id int, name string")
    cities = spark.createDataFrame([(1, "Beijing")], "id int, city string")
    sql = "SELECT p.name, c.city FROM people p JOIN cities c ON p.id = c.id"

    # when
    out = perform_stop(
        spark,
        "cn.piflow.bundle.common.ExecuteSQLStop",
        {"sql": sql, "viewName": "people"},
        {"": people, "cities": cities},
    )

    # then
    assert [tuple(r) for r in out[""].collect()] == [("zhangsan", "Beijing")]


def test_execute_sql_requires_sql():
    # when / then
    with pytest.raises(StopPropertyError, match="sql: is required"):
        make_stop(ExecuteSQL, {"viewName": "temp"})
