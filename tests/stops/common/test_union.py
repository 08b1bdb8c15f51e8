from piflow.stops.common.union import Union
from piflow.testing import perform_stop


def test_union_matches_columns_by_name(spark):
    # given
    first = spark.createDataFrame([("zhangsan", 30)], "name string, age int")
    second = spark.createDataFrame([(41, "lisi")], "age int, name string")
    third = spark.createDataFrame([("wangwu",)], "name string")

    # when
    out = perform_stop(spark, Union, {}, {"a": first, "b": second, "c": third})

    # then
    assert out[""].columns == ["name", "age"]
    assert sorted(tuple(r) for r in out[""].collect()) == [("lisi", 41), ("wangwu", None), ("zhangsan", 30)]


def test_union_distinct_drops_duplicates(spark):
    # given
    first = spark.createDataFrame([("zhangsan", 30)], "name string, age int")
    second = spark.createDataFrame([("zhangsan", 30)], "name string, age int")

    # when
    out = perform_stop(spark, Union, {"distinct": "true"}, {"a": first, "b": second})

    # then
    assert out[""].count() == 1
