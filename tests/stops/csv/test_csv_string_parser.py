from piflow.stops.csv.csv_string_parser import CsvStringParser
from piflow.testing import perform_stop


def test_csv_string_parser_turns_text_into_rows(spark, tmp_path):
    # given
    text = '1,zhangsan,30\n2,"li, si",41\n'

    # when
    out = perform_stop(spark, CsvStringParser, {"string": text, "schema": "id,name,age"}, run_dir=tmp_path)

    # then
    df = out[""]
    assert df.columns == ["id", "name", "age"]
    assert sorted(tuple(r) for r in df.collect()) == [("1", "zhangsan", "30"), ("2", "li, si", "41")]


def test_csv_string_parser_uses_delimiter_and_default_names(spark, tmp_path):
    # given
    text = "a;1\nb;2"

    # when
    out = perform_stop(spark, CsvStringParser, {"string": text, "delimiter": ";"}, run_dir=tmp_path)

    # then
    assert out[""].columns == ["_c0", "_c1"]
    assert sorted(tuple(r) for r in out[""].collect()) == [("a", "1"), ("b", "2")]
