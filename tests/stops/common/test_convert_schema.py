import pytest

from piflow.stops.common.convert_schema import ConvertSchema
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_convert_schema_renames_columns(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30)], "name string, age int")

    # when
    out = perform_stop(spark, ConvertSchema, {"schema": "name->full_name, age->years, gone->x"}, {"": people})

    # then
    assert out[""].columns == ["full_name", "years"]
    assert tuple(out[""].first()) == ("zhangsan", 30)


def test_convert_schema_rejects_malformed_pair():
    # when / then
    with pytest.raises(StopPropertyError, match="schema: 'age' is not of the form old->new"):
        make_stop(ConvertSchema, {"schema": "name->full_name,age"})
