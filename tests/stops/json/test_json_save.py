import pytest
from pyspark.errors import AnalysisException

from piflow.stops.json.json_parser import JsonParser
from piflow.stops.json.json_save import JsonSave
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_json_save_round_trips_and_overwrites_by_default(spark, tmp_path):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("lisi", 41)], "name string, age int")
    target = str(tmp_path / "out")
    perform_stop(spark, JsonSave, {"jsonSavePath": target}, {"": people}, run_dir=tmp_path)

    # when
    out = perform_stop(spark, JsonSave, {"jsonSavePath": target}, {"": people}, run_dir=tmp_path)
    back = perform_stop(spark, JsonParser, {"jsonPath": target}, run_dir=tmp_path)[""]

    # then
    assert out[""] is people
    assert sorted((r.name, r.age) for r in back.collect()) == [("lisi", 41), ("zhangsan", 30)]


def test_json_save_with_error_mode_fails_on_existing_path(spark, tmp_path):
    # given
    people = spark.createDataFrame([("zhangsan", 30)], "name string, age int")
    target = str(tmp_path / "out")
    perform_stop(spark, JsonSave, {"jsonSavePath": target}, {"": people}, run_dir=tmp_path)

    # when / then
    with pytest.raises(AnalysisException, match="already exists"):
        perform_stop(
            spark,
            JsonSave,
            {"jsonSavePath": target, "saveMode": "ErrorIfExists"},
            {"": people},
            run_dir=tmp_path,
        )


def test_json_save_requires_a_path():
    # when / then
    with pytest.raises(StopPropertyError, match="jsonSavePath: is required"):
        make_stop(JsonSave, {"saveMode": "append"})
