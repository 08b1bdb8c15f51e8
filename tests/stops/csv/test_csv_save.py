import pytest

from piflow.stops.csv.csv_save import CsvSave
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_csv_save_writes_files_and_passes_input_on(spark, tmp_path):
    # given
    people = spark.createDataFrame([("zhangsan", 30), ("lisi", 41), ("wangwu", 25)], "name string, age int")
    target = tmp_path / "out"

    # when
    out = perform_stop(
        spark,
        CsvSave,
        {"csvSavePath": str(target), "header": "true", "delimiter": "|", "partition": "1"},
        {"": people},
        run_dir=tmp_path,
    )

    # then
    parts = sorted(target.glob("part-*.csv"))
    assert len(parts) == 1
    assert parts[0].read_text().splitlines()[0] == "name|age"
    back = spark.read.option("header", True).option("delimiter", "|").csv(str(target))
    assert sorted((r.name, r.age) for r in back.collect()) == [
        ("lisi", "41"),
        ("wangwu", "25"),
        ("zhangsan", "30"),
    ]
    assert out[""] is people


def test_csv_save_appends_by_default_and_overwrites_on_request(spark, tmp_path):
    # given
    people = spark.createDataFrame([("zhangsan", 30)], "name string, age int")
    target = str(tmp_path / "out")
    perform_stop(spark, CsvSave, {"csvSavePath": target}, {"": people}, run_dir=tmp_path)

    # when
    perform_stop(spark, CsvSave, {"csvSavePath": target}, {"": people}, run_dir=tmp_path)
    appended = spark.read.csv(target).count()
    perform_stop(
        spark, CsvSave, {"csvSavePath": target, "saveMode": "Overwrite"}, {"": people}, run_dir=tmp_path
    )

    # then
    assert appended == 2
    assert spark.read.csv(target).count() == 1


def test_csv_save_rejects_unknown_save_mode():
    # given
    properties = {"csvSavePath": "/tmp/out", "saveMode": "replace"}

    # when / then
    with pytest.raises(StopPropertyError, match="saveMode"):
        make_stop(CsvSave, properties)


@pytest.mark.parametrize(
    ("given", "mode"),
    [
        ("APPEND", "append"),
        ("Overwrite", "overwrite"),
        ("error", "errorifexists"),
        ("ErrorIfExists", "errorifexists"),
    ],
)
def test_csv_save_reads_any_spelling_of_a_save_mode_as_spark_s(given, mode):
    # when
    stop = make_stop(CsvSave, {"csvSavePath": "/tmp/out", "saveMode": given})

    # then
    assert stop.save_mode == mode


def test_csv_save_names_the_allowed_modes_of_a_bad_one():
    # when / then
    with pytest.raises(
        StopPropertyError, match="'replace' is not a save mode; use append, overwrite, error, ignore"
    ):
        make_stop(CsvSave, {"csvSavePath": "/tmp/out", "saveMode": "replace"})
