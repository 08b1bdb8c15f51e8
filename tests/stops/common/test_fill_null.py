import datetime as dt

import pytest

from piflow.stops.common._util import MissingColumnError
from piflow.stops.common.fill_null import FillNull
from piflow.testing import StopPropertyError, make_stop, perform_stop

SCHEMA = "name string, age int, score double, born date"


def test_fill_null_fills_every_column_the_value_fits(spark):
    # given
    people = spark.createDataFrame([(None, None, float("nan"), None), ("lisi", 41, 1.5, None)], SCHEMA)

    # when
    out = perform_stop(spark, FillNull, {"value": "0"}, {"": people})

    # then
    rows = sorted((tuple(r) for r in out[""].collect()), key=lambda r: r[0])
    assert rows == [("0", 0, 0.0, None), ("lisi", 41, 1.5, None)]
    assert [f.dataType.simpleString() for f in out[""].schema.fields] == ["string", "int", "double", "date"]


def test_fill_null_text_value_fills_only_text_columns(spark):
    # given
    people = spark.createDataFrame([(None, None, None, None)], SCHEMA)

    # when
    out = perform_stop(spark, FillNull, {"value": "unknown"}, {"": people})

    # then
    assert tuple(out[""].first()) == ("unknown", None, None, None)


def test_fill_null_listed_columns_only(spark):
    # given
    people = spark.createDataFrame([(None, None, None, None)], SCHEMA)

    # when
    out = perform_stop(spark, FillNull, {"value": "2000-01-31", "columnNames": "born"}, {"": people})

    # then
    assert tuple(out[""].first()) == (None, None, None, dt.date(2000, 1, 31))


def test_fill_null_fails_when_value_does_not_fit_a_listed_column(spark):
    # given
    people = spark.createDataFrame([(None, None, None, None)], SCHEMA)

    # when / then
    with pytest.raises(ValueError, match="'x' does not fit column 'age' of type int"):
        perform_stop(spark, FillNull, {"value": "x", "columnNames": "age"}, {"": people})


def test_fill_null_names_a_missing_column(spark):
    # given
    people = spark.createDataFrame([(None, None, None, None)], SCHEMA)

    # when / then
    with pytest.raises(MissingColumnError, match="'city'"):
        perform_stop(spark, FillNull, {"value": "0", "columnNames": "age,city"}, {"": people})


def test_fill_null_requires_value():
    # when / then
    with pytest.raises(StopPropertyError, match="value: is required"):
        make_stop(FillNull, {"columnNames": "age"})
