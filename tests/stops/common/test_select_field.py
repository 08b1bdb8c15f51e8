import pytest

from piflow.stops.common.select_field import SelectField
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_select_field_keeps_listed_columns_in_order(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30, "Beijing")], "name string, age int, city string")

    # when
    out = perform_stop(spark, SelectField, {"columnNames": "city, name"}, {"": people})

    # then
    assert out[""].columns == ["city", "name"]
    assert tuple(out[""].first()) == ("Beijing", "zhangsan")


def test_select_field_accepts_piflow_schema_name(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30)], "name string, age int")

    # when
    out = perform_stop(spark, SelectField, {"schema": "age"}, {"": people})

    # then
    assert out[""].columns == ["age"]


def test_select_field_requires_column_names():
    # when / then
    with pytest.raises(StopPropertyError, match="columnNames"):
        make_stop(SelectField, {})
