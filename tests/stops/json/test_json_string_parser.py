from piflow.stops.json.json_string_parser import JsonStringParser
from piflow.testing import perform_stop


def test_json_string_parser_reads_an_array_of_objects(spark, tmp_path):
    # given
    text = '[\n  {"name": "zhangsan", "age": 30},\n  {"name": "lisi", "age": 41}\n]'

    # when
    out = perform_stop(spark, JsonStringParser, {"jsonString": text}, run_dir=tmp_path)

    # then
    assert sorted((r.name, r.age) for r in out[""].collect()) == [("lisi", 41), ("zhangsan", 30)]


def test_json_string_parser_reads_one_object_as_one_row(spark, tmp_path):
    # given
    text = '{"name": "zhangsan",\n "address": {"city": "Beijing"}}'

    # when
    out = perform_stop(
        spark, "cn.piflow.bundle.json.JsonStringParser", {"jsonString": text}, run_dir=tmp_path
    )

    # then
    rows = out[""].collect()
    assert len(rows) == 1
    assert (rows[0].name, rows[0].address.city) == ("zhangsan", "Beijing")


def test_json_string_parser_reads_json_lines(spark, tmp_path):
    # given
    text = '{"name": "zhangsan"}\n{"name": "lisi"}'

    # when
    out = perform_stop(spark, JsonStringParser, {"jsonString": text}, run_dir=tmp_path)

    # then
    assert sorted(r.name for r in out[""].collect()) == ["lisi", "zhangsan"]
