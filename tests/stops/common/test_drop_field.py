import pytest

from piflow.stops.common.drop_field import DropField
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_drop_field_removes_listed_columns(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30, "Beijing")], "name string, age int, city string")

    # when
    out = perform_stop(spark, DropField, {"columnNames": "age,city"}, {"": people})

    # then
    assert out[""].columns == ["name"]
    assert out[""].first().name == "zhangsan"


def test_drop_field_requires_column_names():
    # when / then
    with pytest.raises(StopPropertyError, match="columnNames"):
        make_stop(DropField, {"columnNames": " "})
