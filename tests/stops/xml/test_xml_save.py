import pytest

from piflow.stops.xml.xml_parser import XmlParser
from piflow.stops.xml.xml_save import XmlSave
from piflow.testing import StopPropertyError, make_stop, perform_stop


def test_xml_save_writes_rows_under_root_and_round_trips(spark, tmp_path):
    # given
    books = spark.createDataFrame([("Dune", 412), ("Emma", 474)], "title string, pages int")
    target = tmp_path / "out"

    # when
    out = perform_stop(
        spark,
        XmlSave,
        {"xmlSavePath": str(target), "rowTag": "book", "rootTag": "catalog"},
        {"": books},
        run_dir=tmp_path,
    )

    # then
    assert out[""] is books
    text = "".join(part.read_text() for part in sorted(target.glob("part-*")))
    assert "<catalog>" in text and "<book>" in text
    back = perform_stop(spark, XmlParser, {"xmlpath": str(target), "rowTag": "book"}, run_dir=tmp_path)[""]
    assert sorted((r.title, r.pages) for r in back.collect()) == [("Dune", 412), ("Emma", 474)]


def test_xml_save_uses_piflow_default_tags(spark, tmp_path):
    # given
    books = spark.createDataFrame([("Dune",)], "title string")
    target = tmp_path / "out"

    # when
    perform_stop(spark, XmlSave, {"xmlSavePath": str(target)}, {"": books}, run_dir=tmp_path)

    # then
    back = spark.read.format("xml").option("rowTag", "ROW").load(str(target))
    assert [r.title for r in back.collect()] == ["Dune"]


def test_xml_save_rejects_unknown_save_mode():
    # when / then
    with pytest.raises(StopPropertyError, match="saveMode"):
        make_stop(XmlSave, {"xmlSavePath": "/tmp/out", "saveMode": "merge"})
