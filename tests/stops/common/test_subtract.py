from piflow.stops.common.subtract import Subtract
from piflow.testing import perform_stop


def test_subtract_keeps_distinct_left_rows_missing_from_right(spark):
    # given
    left = spark.createDataFrame(
        [(1, "zhangsan"), (2, "lisi"), (2, "lisi"), (3, "wangwu")], "id int, name string"
    )
    right = spark.createDataFrame([(3, "wangwu")], "id int, name string")

    # when
    out = perform_stop(spark, Subtract, {}, {"Left": left, "Right": right})

    # then
    assert sorted(tuple(r) for r in out[""].collect()) == [(1, "zhangsan"), (2, "lisi")]
