import json

from piflow.stops.json.json_parser import JsonParser
from piflow.testing import perform_stop


def test_json_parser_reads_json_lines(spark, tmp_path):
    # given
    path = tmp_path / "people.json"
    path.write_text('{"name": "zhangsan", "age": 30}\n{"name": "lisi", "age": 41}\n')

    # when
    out = perform_stop(spark, JsonParser, {"jsonPath": str(path)}, run_dir=tmp_path)

    # then
    assert sorted((r.name, r.age) for r in out[""].collect()) == [("lisi", 41), ("zhangsan", 30)]


def test_json_parser_reads_pretty_printed_file_without_multiline_flag(spark, tmp_path):
    # given
    path = tmp_path / "people.json"
    path.write_text(json.dumps([{"name": "zhangsan"}, {"name": "lisi"}], indent=2))

    # when
    out = perform_stop(spark, JsonParser, {"jsonPath": str(path)}, run_dir=tmp_path)

    # then
    assert sorted(r.name for r in out[""].collect()) == ["lisi", "zhangsan"]


def test_json_parser_tag_opens_array_field(spark, tmp_path):
    # given
    doc = {"name": "dblp", "year": 2019, "links": [{"url": "a.org", "rank": 1}, {"url": "b.org", "rank": 2}]}
    path = tmp_path / "site.json"
    path.write_text(json.dumps(doc) + "\n")

    # when
    out = perform_stop(spark, JsonParser, {"jsonPath": str(path), "tag": "name,links_url"}, run_dir=tmp_path)

    # then
    df = out[""]
    assert df.columns == ["name", "links_url"]
    assert sorted(tuple(r) for r in df.collect()) == [("dblp", "a.org"), ("dblp", "b.org")]


def test_json_parser_tag_naming_an_array_flattens_all_its_fields(spark, tmp_path):
    # given
    path = tmp_path / "site.json"
    path.write_text(json.dumps({"name": "dblp", "links": [{"url": "a.org", "rank": 1}]}) + "\n")

    # when
    out = perform_stop(spark, JsonParser, {"jsonPath": str(path), "tag": "name,links"}, run_dir=tmp_path)

    # then
    row = out[""].collect()[0]
    assert row.asDict() == {"name": "dblp", "links_rank": 1, "links_url": "a.org"}
