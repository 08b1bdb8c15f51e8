from piflow.stops.csv.csv_parser import CsvParser
from piflow.testing import perform_stop


def test_csv_parser_names_columns_from_schema(spark, tmp_path):
    # given
    path = tmp_path / "books.csv"
    path.write_text("Dune,Herbert,412\nEmma,Austen,474\n")

    # when
    out = perform_stop(
        spark, CsvParser, {"csvPath": str(path), "schema": "title,author,pages"}, run_dir=tmp_path
    )

    # then
    df = out[""]
    assert df.columns == ["title", "author", "pages"]
    assert dict(df.dtypes)["pages"] == "string"
    assert sorted(tuple(r) for r in df.collect()) == [("Dune", "Herbert", "412"), ("Emma", "Austen", "474")]


def test_csv_parser_reads_header_and_infers_types(spark, tmp_path):
    # given
    path = tmp_path / "people.csv"
    path.write_text("name;age\nzhangsan;30\nlisi;41\n")

    # when
    out = perform_stop(
        spark, CsvParser, {"csvPath": str(path), "header": "true", "delimiter": ";"}, run_dir=tmp_path
    )

    # then
    df = out[""]
    assert df.dtypes == [("name", "string"), ("age", "int")]
    assert sorted((r.name, r.age) for r in df.collect()) == [("lisi", 41), ("zhangsan", 30)]


def test_csv_parser_accepts_typed_schema_and_skips_header(spark, tmp_path):
    # given
    path = tmp_path / "people.tsv"
    path.write_text("who\thow_old\nzhangsan\t30\n")

    # when
    out = perform_stop(
        spark,
        "cn.piflow.bundle.csv.CsvParser",
        {"csvPath": str(path), "header": "true", "delimiter": "\\t", "schema": "name:string,age:int"},
        run_dir=tmp_path,
    )

    # then
    assert [tuple(r) for r in out[""].collect()] == [("zhangsan", 30)]
    assert out[""].dtypes == [("name", "string"), ("age", "int")]
