import pytest

from piflow.sdk import StopInputError
from piflow.stops.common.merge import Merge
from piflow.testing import make_stop, perform_stop


def test_merge_unions_inputs_by_position(spark):
    # given
    first = spark.createDataFrame([("zhangsan", 30)], "name string, age int")
    second = spark.createDataFrame([("lisi", 41)], "title string, years int")

    # when
    out = perform_stop(spark, Merge, {"inports": "data1,data2"}, {"data1": first, "data2": second})

    # then
    assert out[""].columns == ["name", "age"]
    assert sorted(tuple(r) for r in out[""].collect()) == [("lisi", 41), ("zhangsan", 30)]


def test_merge_by_name_fills_missing_columns(spark):
    # given
    first = spark.createDataFrame([("zhangsan", 30)], "name string, age int")
    second = spark.createDataFrame([(41, "lisi", "Beijing")], "age int, name string, city string")

    # when
    out = perform_stop(spark, Merge, {"byName": "true"}, {"data1": first, "data2": second})

    # then
    rows = {r.name: r.asDict() for r in out[""].collect()}
    assert rows["zhangsan"] == {"name": "zhangsan", "age": 30, "city": None}
    assert rows["lisi"] == {"name": "lisi", "age": 41, "city": "Beijing"}


def test_merge_declared_inports_are_its_input_ports():
    # given / when
    stop = make_stop(Merge, {"inports": "data1, data2"})

    # then
    assert stop.input_ports() == ("data1", "data2")
    assert make_stop(Merge, {}).input_ports() is None


def test_merge_without_input_fails(spark):
    # when / then
    with pytest.raises(StopInputError):
        perform_stop(spark, Merge, {}, {})
