import pytest

from piflow.stops.common.join import Join
from piflow.testing import StopPropertyError, make_stop, perform_stop


def _sides(spark):
    left = spark.createDataFrame([(1, "zhangsan"), (2, "lisi")], "id int, name string")
    right = spark.createDataFrame([(1, "Beijing"), (3, "Shanghai")], "id int, city string")
    return left, right


def test_join_inner_on_key_column_keeps_one_key(spark):
    # given
    left, right = _sides(spark)

    # when
    out = perform_stop(spark, Join, {"correlationColumn": "id"}, {"Left": left, "Right": right})

    # then
    assert out[""].columns == ["id", "name", "city"]
    assert [tuple(r) for r in out[""].collect()] == [(1, "zhangsan", "Beijing")]


def test_join_full_outer_keeps_unmatched_rows(spark):
    # given
    left, right = _sides(spark)

    # when
    out = perform_stop(
        spark, Join, {"joinMode": "full_outer", "correlationColumn": "id"}, {"Left": left, "Right": right}
    )

    # then
    assert sorted(tuple(r) for r in out[""].collect()) == [
        (1, "zhangsan", "Beijing"),
        (2, "lisi", None),
        (3, None, "Shanghai"),
    ]


def test_join_rejects_unknown_mode():
    # when / then
    with pytest.raises(StopPropertyError, match="joinMode"):
        make_stop(Join, {"joinMode": "cross", "correlationColumn": "id"})


def test_join_requires_key_columns():
    # when / then
    with pytest.raises(StopPropertyError, match="correlationColumn"):
        make_stop(Join, {"joinMode": "inner"})
