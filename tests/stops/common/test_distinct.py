from piflow.stops.common.distinct import Distinct
from piflow.testing import perform_stop


def test_distinct_drops_identical_rows(spark):
    # given
    people = spark.createDataFrame(
        [("zhangsan", 30), ("zhangsan", 30), ("zhangsan", 31)], "name string, age int"
    )

    # when
    out = perform_stop(spark, Distinct, {}, {"": people})

    # then
    assert sorted(tuple(r) for r in out[""].collect()) == [("zhangsan", 30), ("zhangsan", 31)]


def test_distinct_on_columns_keeps_one_row_per_key(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("zhangsan", 31), ("lisi", 41)], "name string, age int")

    # when
    out = perform_stop(spark, Distinct, {"columnNames": "name"}, {"": people})

    # then
    assert sorted(r.name for r in out[""].collect()) == ["lisi", "zhangsan"]
    assert out[""].columns == ["name", "age"]
