import pytest

from piflow.stops.common._util import MissingColumnError
from piflow.stops.common.rename_columns import RenameColumns
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_rename_columns_renames_pairs(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30)], "name string, age int")

    # when
    out = perform_stop(spark, RenameColumns, {"columns": "name:full_name,age:years"}, {"": people})

    # then
    assert out[""].columns == ["full_name", "years"]
    assert tuple(out[""].first()) == ("zhangsan", 30)


def test_rename_columns_names_a_missing_column(spark):
    # given
    people = spark.createDataFrame([("zhangsan", 30)], "name string, age int")

    # when / then
    with pytest.raises(MissingColumnError, match="'city'"):
        perform_stop(spark, RenameColumns, {"columns": "name:full_name,city:town"}, {"": people})


def test_rename_columns_rejects_malformed_pair():
    # when / then
    with pytest.raises(StopPropertyError, match="columns: 'name:' is not of the form old:new"):
        make_stop(RenameColumns, {"columns": "name:"})
