from piflow.stops.xml.xml_string_parser import XmlStringParser
from piflow.testing import perform_stop

CATALOG = """<catalog>
  <book id="1"><title>Dune</title><author>Herbert</author><price>9.5</price></book>
  <book id="2"><title>Emma</title><author>Austen</author><price>7.0</price></book>
</catalog>"""


def test_xml_string_parser_reads_rows_at_last_label_element(spark, tmp_path):
    # given
    properties = {"XmlString": CATALOG, "label": "catalog,book"}

    # when
    out = perform_stop(spark, XmlStringParser, properties, run_dir=tmp_path)

    # then
    rows = sorted(out[""].collect(), key=lambda r: r._id)
    assert [(r._id, r.title, r.author, r.price) for r in rows] == [
        (1, "Dune", "Herbert", 9.5),
        (2, "Emma", "Austen", 7.0),
    ]


def test_xml_string_parser_keeps_schema_columns_in_order(spark, tmp_path):
    # given
    properties = {"XmlString": CATALOG, "label": "book", "schema": "author,title,isbn"}

    # when
    out = perform_stop(spark, XmlStringParser, properties, run_dir=tmp_path)

    # then
    df = out[""]
    assert df.columns == ["author", "title", "isbn"]
    assert sorted(tuple(r) for r in df.collect()) == [("Austen", "Emma", None), ("Herbert", "Dune", None)]
