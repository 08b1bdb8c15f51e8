import datetime as dt

import pytest

from piflow.stops.common.mock_data import MockData
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_mock_data_generates_rows_of_the_schema(spark):
    # given
    schema = "title:String,author:string,age:Int,big:Long,score:Double,ratio:FLOAT,ok:Boolean,day:Date,at:Timestamp"

    # when
    out = perform_stop(spark, MockData, {"schema": schema, "count": "50", "seed": "7"})

    # then
    df = out[""]
    assert [(f.name, f.dataType.simpleString()) for f in df.schema.fields] == [
        ("title", "string"),
        ("author", "string"),
        ("age", "int"),
        ("big", "bigint"),
        ("score", "double"),
        ("ratio", "float"),
        ("ok", "boolean"),
        ("day", "date"),
        ("at", "timestamp"),
    ]
    rows = df.collect()
    assert len(rows) == 50
    assert all(len(r.title) == 10 and r.title.isalnum() for r in rows)
    assert all(0 <= r.age < 100 and 0 <= r.score < 1 for r in rows)
    assert all(dt.date(2000, 1, 1) <= r.day <= dt.date(2100, 1, 1) for r in rows)
    assert len({r.title for r in rows}) > 1


def test_mock_data_with_seed_is_repeatable_and_nullable_has_nulls(spark):
    # given
    props = {"schema": "name:String,age:Int:nullable", "count": "200", "seed": "42"}

    # when
    first = perform_stop(spark, MockData, props)[""].collect()
    second = perform_stop(spark, MockData, props)[""].collect()

    # then
    assert first == second
    assert 0 < sum(r.age is None for r in first) < 200
    assert all(r.name is not None for r in first)


def test_mock_data_makes_a_million_rows_without_python_loops(spark):
    # when
    out = perform_stop(spark, MockData, {"schema": "id:Long,name:String", "count": "1000000"})

    # then
    assert out[""].count() == 1_000_000


def test_mock_data_rejects_unknown_type():
    # when / then
    with pytest.raises(StopPropertyError, match="schema: 'Text' in 'name:Text'"):
        make_stop(MockData, {"schema": "name:Text", "count": "1"})


def test_mock_data_rejects_negative_count():
    # when / then
    with pytest.raises(StopPropertyError, match="count"):
        make_stop(MockData, {"schema": "name:String", "count": "-1"})
