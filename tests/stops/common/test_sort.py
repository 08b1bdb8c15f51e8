import pytest

from piflow.stops.common.sort import Sort
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_sort_orders_by_columns_and_directions(spark):
    # given
    people = spark.createDataFrame(
        [("zhangsan", 30), ("lisi", 41), ("wangwu", 30), ("zhaoliu", 25)], "name string, age int"
    )

    # when
    out = perform_stop(spark, Sort, {"columns": "age DESC, name asc"}, {"": people})

    # then
    assert [r.name for r in out[""].collect()] == ["lisi", "wangwu", "zhangsan", "zhaoliu"]


def test_sort_defaults_to_ascending(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("lisi", 41)], "name string, age int")

    # when
    out = perform_stop(spark, Sort, {"columns": "name"}, {"": people})

    # then
    assert [r.name for r in out[""].collect()] == ["lisi", "zhangsan"]


def test_sort_rejects_direction_without_column():
    # when / then
    with pytest.raises(StopPropertyError, match="columns: 'desc' has a direction but no column"):
        make_stop(Sort, {"columns": "name,desc"})
